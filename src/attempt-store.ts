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

/** What every saved attempt has, V1's and V2's: its order id is `merchantUid` (V1) or `paymentId` (V2). */
export type SavedAttempt = ({ merchantUid: string } | { paymentId: string }) & {
  /** What was sent (`name` and `email` checked when read back; the rest may be damaged). */
  buyer: Buyer;
  startedAt: number;
  elementKey?: string;
  /** The buyer came back to the shop without PortOne's result: a return for it may be a crafted link. */
  abandoned?: true;
  /** The sending widget's order (its `#order()`), for its Paid state when another widget reports the return. */
  order?: string;
  /** The page load that sent it (see `pageLoad`); absent in attempts older copies saved. */
  load?: string;
  /**
   * The paying page's address, when it already read as a return for this order (a V2 page at
   * `?paymentId=…`, PortOne's whole success query): a later load at just that address may be the
   * page itself, not PortOne's answer.
   */
  echo?: string;
};

/** The order id an attempt is saved under: V2's `paymentId`, else V1's `merchantUid`. */
export function attemptId(attempt: SavedAttempt): string {
  return 'paymentId' in attempt ? attempt.paymentId : attempt.merchantUid;
}

/**
 * A whole record of this order, as `save` wrote it (V1's or V2's): anything else in storage is
 * damaged or not ours, and is treated as absent. Also what a request must give before it is saved
 * and sent: a return could not be matched with less.
 */
export function isWholeAttempt(value: unknown, id: string): value is SavedAttempt {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  const { amount, currency, buyer, startedAt } = record;
  const person = buyer as Record<string, unknown> | null;
  const ownId = typeof record.paymentId === 'string' ? record.paymentId : record.merchantUid;
  return (
    ownId === id &&
    Number.isSafeInteger(amount) &&
    (amount as number) > 0 &&
    typeof currency === 'string' &&
    typeof startedAt === 'number' &&
    Number.isFinite(startedAt) &&
    typeof person === 'object' &&
    person !== null &&
    typeof person.name === 'string' &&
    typeof person.email === 'string' &&
    // What the widget compares or looks up, when there: text (another script may have damaged it).
    ['elementKey', 'load', 'echo'].every((key) => record[key] === undefined || typeof record[key] === 'string')
  );
}

const PREFIX = 'paymentwall-pay:';
const GUESSABLE = `${PREFIX}guessable`;
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

function reportedKey(id: string, result?: Record<string, string>): string {
  const prefix = `${PREFIX}reported:${id}:`;
  return result ? prefix + JSON.stringify(Object.entries(result).sort(([a], [b]) => a.localeCompare(b))) : prefix;
}

/**
 * Saved attempts by order id (V1 `merchant_uid`, V2 `paymentId`; `A` says which shape is read
 * back: an attempt saved under an id is returned only when its own id matches).
 */
export class AttemptStore<A extends SavedAttempt = Attempt> {
  constructor(private readonly storage: Storage | undefined = sessionStore()) {}

  /**
   * Saves a new attempt; results reported earlier for its order id no longer count. `guessable`:
   * its order id is not one the widget drew at random (the page fixed it, or a `pay-request`
   * listener set it), so it is listed for `guessable()`. False when it could not be saved.
   */
  save(attempt: A, guessable?: boolean): boolean {
    const id = attemptId(attempt);
    this.forgetReported(id);
    const saved = this.write(`${PREFIX}attempt:${id}`, JSON.stringify(attempt));
    if (guessable) this.write(GUESSABLE, JSON.stringify([id, ...this.guessable().filter((each) => each !== id)].slice(0, 20)));
    return saved;
  }

  /** The order ids of the last attempts saved as `guessable`, newest first. */
  guessable(): string[] {
    try {
      const ids: unknown = JSON.parse(this.read(GUESSABLE) ?? '[]');
      return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [];
    } catch {
      return [];
    }
  }

  get(id: string, now: number = Date.now()): A | undefined {
    const text = this.read(`${PREFIX}attempt:${id}`);
    if (text === undefined) return undefined;
    try {
      const attempt: unknown = JSON.parse(text);
      if (isWholeAttempt(attempt, id) && now - attempt.startedAt < MAX_AGE_MS) return attempt as A;
    } catch {
      // Not ours or damaged: treat as absent.
    }
    this.forget(id);
    return undefined;
  }

  /** The newest saved attempt `match` takes (by `startedAt`). */
  newest(match: (attempt: A) => boolean): A | undefined {
    const prefix = `${PREFIX}attempt:`;
    let found: A | undefined;
    for (const key of this.keys(prefix)) {
      const attempt = this.get(key.slice(prefix.length));
      if (attempt && match(attempt) && !(found && found.startedAt > attempt.startedAt)) found = attempt;
    }
    return found;
  }

  /**
   * Marks the attempt saved under `id`, if any, as left without a result (see `SavedAttempt`);
   * given `thisLoad`, only one another page load sent.
   */
  abandon(id: string, thisLoad?: string): void {
    const attempt = this.get(id);
    if (attempt && !attempt.abandoned && (thisLoad === undefined || attempt.load !== thisLoad)) {
      this.write(`${PREFIX}attempt:${id}`, JSON.stringify({ ...attempt, abandoned: true }));
    }
  }

  forget(id: string): void {
    this.remove(`${PREFIX}attempt:${id}`);
  }

  /**
   * Remembers that this exact redirect result was reported, so a reload does not report it again,
   * and how it ended (`success`, `fail`, `closed`; none for an unconfirmed report), so the page the
   * buyer comes Back to can show it. Keyed by the whole result, so a later attempt with the same
   * order id (a retry after a failure) is still reported.
   */
  markReported(id: string, result: Record<string, string>, ended?: string): void {
    this.write(reportedKey(id, result), ended ?? 'unconfirmed');
    if (ended) this.write(reportedKey(id), ended);
  }

  /** The widget that showed this order id paid (its key), and that widget's order then. */
  markPaid(id: string, key: string, order: string): void {
    this.write(`${reportedKey(id)}paid`, JSON.stringify([key, order]));
  }

  paidAt(id: string): string[] | undefined {
    try {
      const at: unknown = JSON.parse(this.read(`${reportedKey(id)}paid`)!);
      return Array.isArray(at) && at.every((part) => typeof part === 'string') ? at : undefined;
    } catch {
      return undefined;
    }
  }

  wasReported(id: string, result: Record<string, string>): boolean {
    return this.read(reportedKey(id, result)) !== undefined;
  }

  /** How a return for this order id ended, when one was reported since its attempt was saved. */
  reported(id: string): string | undefined {
    return this.read(reportedKey(id));
  }

  /** False where nothing can be saved (blocked or full storage): then no attempt was saved either. */
  usable(): boolean {
    try {
      // About an attempt's size: storage with room for less could not have saved one.
      this.storage!.setItem(PREFIX, PREFIX.repeat(64));
      this.storage!.removeItem(PREFIX);
      return true;
    } catch {
      return false;
    }
  }

  private forgetReported(id: string): void {
    for (const key of this.keys(reportedKey(id))) this.remove(key);
  }

  /** The keys in storage that start with `prefix`, read at once (the caller may remove some). */
  private keys(prefix: string): string[] {
    try {
      return Array.from({ length: this.storage?.length ?? 0 }, (_, index) => this.storage?.key(index) ?? '').filter((key) => key.startsWith(prefix));
    } catch {
      // As below: blocked storage only costs the redirect report.
      return [];
    }
  }

  private read(key: string): string | undefined {
    try {
      return this.storage?.getItem(key) ?? undefined;
    } catch {
      return undefined;
    }
  }

  private write(key: string, value: string): boolean {
    try {
      this.storage!.setItem(key, value);
      return true;
    } catch {
      // Full or blocked storage only costs the redirect report; the payment itself goes on.
      return false;
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
