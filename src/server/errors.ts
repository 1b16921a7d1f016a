import type { Payment } from './types.js';

/** Base class of every error this module throws, so one `instanceof` catches them all. */
export class PortOneError extends Error {
  override name = 'PortOneError';
}

/** Which layer failed: PortOne said no (`api`), HTTP said no (`http`), or the call never got a usable answer. */
export type PortOneApiErrorKind = 'api' | 'http' | 'timeout' | 'network' | 'invalid-response';

export interface PortOneApiErrorInit {
  kind: PortOneApiErrorKind;
  /** `METHOD /path`, never the query string. */
  endpoint: string;
  /** What went wrong, already free of secrets. */
  detail: string;
  status?: number | undefined;
  portOneCode?: number | undefined;
  pgCode?: number | string | undefined;
  cause?: Error | undefined;
}

/** A PortOne REST call that did not succeed. Carries no request body, header, secret or token. */
export class PortOneApiError extends PortOneError {
  override name = 'PortOneApiError';
  readonly kind: PortOneApiErrorKind;
  readonly endpoint: string;
  /** HTTP status, when a response arrived. */
  readonly status: number | undefined;
  /** The envelope's `code`, when the body was an envelope. */
  readonly portOneCode: number | undefined;
  /** The PG's own error code (Paymentwall's `error_code` from `/paymentwall/delivery`). */
  readonly pgCode: number | string | undefined;

  constructor(init: PortOneApiErrorInit) {
    super(`PortOne ${init.endpoint} failed (${init.kind}): ${init.detail}`, init.cause ? { cause: init.cause } : undefined);
    this.kind = init.kind;
    this.endpoint = init.endpoint;
    this.status = init.status;
    this.portOneCode = init.portOneCode;
    this.pgCode = init.pgCode;
  }
}

/** A caller's input broke a rule; thrown before any request is sent. Never repeats the value. */
export class PortOneInputError extends PortOneError {
  override name = 'PortOneInputError';
  /** The offending field, spelled as the caller passed it (`buyerEmail`, `impUid`, …). */
  readonly field: string;

  constructor(field: string, rule: string) {
    super(`${field} ${rule}`);
    this.field = field;
  }
}

export type PaymentVerificationReason = 'not-paid' | 'amount-mismatch' | 'currency-mismatch' | 'merchant-uid-mismatch';

/** The payment exists but is not what the merchant's order says it should be. */
export class PaymentVerificationError extends PortOneError {
  override name = 'PaymentVerificationError';
  readonly reason: PaymentVerificationReason;
  readonly expected: unknown;
  readonly actual: unknown;
  readonly payment: Payment;

  constructor(reason: PaymentVerificationReason, expected: unknown, actual: unknown, payment: Payment) {
    super(`Payment ${payment.impUid} failed verification: ${reason} (expected ${String(expected)}, got ${String(actual)})`);
    this.reason = reason;
    this.expected = expected;
    this.actual = actual;
    this.payment = payment;
  }
}
