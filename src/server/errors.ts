import type { Payment } from './types.js';

/** Base class of every error this module throws, so one `instanceof` catches them all. */
export class PortOneError extends Error {
  override name = 'PortOneError';
}

/**
 * Which layer failed: PortOne said no (`api`), HTTP said no (`http`, redirects included), the call
 * ran out of time (`timeout`) or was aborted by the caller's signal (`aborted`), the call never
 * got a usable answer, or (V2) the first request with this `Idempotency-Key` is still running
 * (`in-progress`: PortOne's 409 `IDEMPOTENCY_OUTSTANDING_REQUEST`, an outcome not known yet).
 */
export type PortOneApiErrorKind = 'api' | 'http' | 'timeout' | 'aborted' | 'network' | 'invalid-response' | 'in-progress';

export interface PortOneApiErrorInit {
  kind: PortOneApiErrorKind;
  /** `METHOD /path`, never the query. */
  endpoint: string;
  /** What went wrong, already free of secrets. */
  detail: string;
  status?: number | undefined;
  portOneCode?: number | undefined;
  portOneType?: string | undefined;
  portOneMessage?: string | undefined;
  pgCode?: number | string | undefined;
  pgMessage?: string | undefined;
  cause?: Error | undefined;
}

/** A PortOne REST call that did not succeed. Carries no request body, header, secret or token. */
export class PortOneApiError extends PortOneError {
  override name = 'PortOneApiError';
  readonly kind: PortOneApiErrorKind;
  readonly endpoint: string;
  /** HTTP status, when a response arrived. */
  readonly status: number | undefined;
  /** V1: the envelope's `code`, when the body was an envelope. */
  readonly portOneCode: number | undefined;
  /** V2: the error body's `type`, such as `PAYMENT_NOT_FOUND`. */
  readonly portOneType: string | undefined;
  /**
   * PortOne's own words: V1's envelope `message` (an already-paid retry says "이미 결제가 이루어진
   * 거래건입니다"), V2's error `message`. Scrubbed of the secret and token like everything else.
   */
  readonly portOneMessage: string | undefined;
  /** The PG's own error code (Paymentwall's `error_code` from `/paymentwall/delivery`, V2's `pgCode`). */
  readonly pgCode: number | string | undefined;
  /** The PG's own message (V2's `pgMessage`). */
  readonly pgMessage: string | undefined;
  /**
   * V2 POSTs: the `Idempotency-Key` the request went out with. After a timeout, a network error
   * or `in-progress` the outcome is unknown: repeat the call with this key (later, for
   * `in-progress`) and PortOne answers with the first call's result instead of acting twice (a
   * refund is never made twice).
   */
  idempotencyKey: string | undefined;

  constructor(init: PortOneApiErrorInit) {
    super(`PortOne ${init.endpoint} failed (${init.kind}): ${init.detail}`, init.cause ? { cause: init.cause } : undefined);
    this.kind = init.kind;
    this.endpoint = init.endpoint;
    this.status = init.status;
    this.portOneCode = init.portOneCode;
    this.portOneType = init.portOneType;
    this.portOneMessage = init.portOneMessage;
    this.pgCode = init.pgCode;
    this.pgMessage = init.pgMessage;
    this.idempotencyKey = undefined;
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

export type PaymentVerificationReason =
  | 'not-paid'
  | 'cancelled'
  | 'amount-mismatch'
  | 'currency-mismatch'
  | 'merchant-uid-mismatch'
  | 'test-payment';

/**
 * The payment exists but is not what the merchant's order says it should be.
 * `payment` is there for code to read, but it is no own property: `console.error(error)`,
 * `util.inspect` and `JSON.stringify` never print the buyer's e-mail, phone, name or address.
 */
export class PaymentVerificationError<P = Payment> extends PortOneError {
  override name = 'PaymentVerificationError';
  readonly reason: PaymentVerificationReason;
  readonly expected: unknown;
  readonly actual: unknown;
  readonly #payment: P;

  constructor(reason: PaymentVerificationReason, expected: unknown, actual: unknown, payment: P, paymentId: string) {
    super(`Payment ${paymentId} failed verification: ${reason} (expected ${String(expected)}, got ${String(actual)})`);
    this.reason = reason;
    this.expected = expected;
    this.actual = actual;
    this.#payment = payment;
  }

  /** The payment as PortOne reported it, buyer data included. */
  get payment(): P {
    return this.#payment;
  }
}

export type WebhookRefusalReason =
  | 'untrusted-address'
  | 'body-too-large'
  | 'missing-headers'
  | 'bad-signature'
  | 'timestamp-too-old'
  | 'timestamp-too-new';

/**
 * A webhook request that did not come from PortOne: from an address PortOne does not send from
 * (V1), or too large to be PortOne's or without a valid signature (V2). Thrown before anything in
 * the body is read or any request is sent; answer it with 401 or 403.
 */
export class WebhookVerificationError extends PortOneError {
  override name = 'WebhookVerificationError';
  readonly reason: WebhookRefusalReason;

  constructor(reason: WebhookRefusalReason, detail: string) {
    super(`Webhook refused (${reason}): ${detail}`);
    this.reason = reason;
  }
}
