import type { Buyer } from './buyer.js';
import type { RequestPayParams } from './imp.js';
import { buyerOf } from './request.js';

/**
 * What the element remembers about an attempt in `sessionStorage`, so that after a mobile
 * redirect (a new page load, the callback never runs) it can still report amount and buyer.
 */
export interface Attempt {
  merchantUid: string;
  amount: number;
  currency: string;
  customerUid?: string;
  buyer: Buyer;
  /** Which widget on the page started it (see widget-key.ts). */
  elementKey?: string;
  startedAt: number;
}

/** The attempt as PortOne will see it: the request actually sent, after any `pay-request` listener. */
export function attemptFor(request: RequestPayParams, elementKey: string, startedAt: number = Date.now()): Attempt {
  const attempt: Attempt = {
    merchantUid: request.merchant_uid,
    amount: request.amount,
    currency: request.currency,
    buyer: buyerOf(request),
    elementKey,
    startedAt,
  };
  if (typeof request.customer_uid === 'string') attempt.customerUid = request.customer_uid;
  return attempt;
}

/** A whole record of this order, as `save` wrote it: anything else in storage is damaged or not ours. */
function isAttempt(value: unknown, merchantUid: string): value is Attempt {
  if (typeof value !== 'object' || value === null) return false;
  const { merchantUid: id, amount, currency, buyer, startedAt } = value as Record<string, unknown>;
  const person = buyer as Record<string, unknown> | null;
  return (
    id === merchantUid &&
    typeof amount === 'number' &&
    typeof currency === 'string' &&
    Number.isFinite(startedAt) &&
    typeof person === 'object' &&
    person !== null &&
    typeof person.name === 'string' &&
    typeof person.email === 'string'
  );
}

const PREFIX = 'paymentwall-pay:';
// Attempts older than this are from another visit; they are dropped when seen.
const MAX_AGE_MS = 24 * 60 * 60 * 1000;

/** The session store; undefined where storage is blocked (sandboxed frames, some private modes). */
export function sessionStore(): Storage | undefined {
  try {
    return typeof sessionStorage === 'undefined' ? undefined : sessionStorage;
  } catch {
    return undefined;
  }
}

function reportedKey(merchantUid: string, result?: Record<string, string>): string {
  const prefix = `${PREFIX}reported:${merchantUid}:`;
  return result ? prefix + JSON.stringify(Object.entries(result).sort(([a], [b]) => a.localeCompare(b))) : prefix;
}

export class AttemptStore {
  constructor(private readonly storage: Storage | undefined = sessionStore()) {}

  /** Saves a new attempt; results reported earlier for its merchant_uid no longer count. */
  save(attempt: Attempt): void {
    this.forgetReported(attempt.merchantUid);
    this.write(`${PREFIX}attempt:${attempt.merchantUid}`, JSON.stringify(attempt));
  }

  get(merchantUid: string, now: number = Date.now()): Attempt | undefined {
    const text = this.read(`${PREFIX}attempt:${merchantUid}`);
    if (text === undefined) return undefined;
    try {
      const attempt: unknown = JSON.parse(text);
      if (isAttempt(attempt, merchantUid) && now - attempt.startedAt < MAX_AGE_MS) return attempt;
    } catch {
      // Not ours or damaged: treat as absent.
    }
    this.forget(merchantUid);
    return undefined;
  }

  forget(merchantUid: string): void {
    this.remove(`${PREFIX}attempt:${merchantUid}`);
  }

  /**
   * Remembers that this exact redirect result was reported, so a reload does not report it
   * again. Keyed by the whole result, so a later attempt with the same merchant_uid (a retry
   * after a failure) is still reported.
   */
  markReported(merchantUid: string, result: Record<string, string>): void {
    this.write(reportedKey(merchantUid, result), '1');
  }

  wasReported(merchantUid: string, result: Record<string, string>): boolean {
    return this.read(reportedKey(merchantUid, result)) !== undefined;
  }

  private forgetReported(merchantUid: string): void {
    const prefix = reportedKey(merchantUid);
    try {
      const keys = Array.from({ length: this.storage?.length ?? 0 }, (_, index) => this.storage?.key(index));
      for (const key of keys) if (key?.startsWith(prefix)) this.remove(key);
    } catch {
      // As below: blocked storage only costs the redirect report.
    }
  }

  private read(key: string): string | undefined {
    try {
      return this.storage?.getItem(key) ?? undefined;
    } catch {
      return undefined;
    }
  }

  private write(key: string, value: string): void {
    try {
      this.storage?.setItem(key, value);
    } catch {
      // Full or blocked storage only costs the redirect report; the payment itself goes on.
    }
  }

  private remove(key: string): void {
    try {
      this.storage?.removeItem(key);
    } catch {
      // As above.
    }
  }
}
