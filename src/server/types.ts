/** The part of a fetch `Response` the client reads; the global `Response` satisfies it. */
export interface FetchResponseLike {
  readonly status: number;
  readonly ok: boolean;
  text(): Promise<string>;
}

/** The global `fetch` satisfies this; a custom one (proxy, instrumentation, tests) only needs this much. */
export type FetchLike = (
  url: string,
  init: { method: string; headers: Record<string, string>; body?: string; redirect: 'manual'; signal: AbortSignal },
) => Promise<FetchResponseLike>;

/** The optional last argument of every method. */
export interface CallOptions {
  /** Ends the call (and its requests) early; it then rejects with a `PortOneApiError` of kind `aborted`. */
  signal?: AbortSignal;
}

export interface WebhookOptions extends CallOptions {
  /**
   * The address the webhook request came from: `req.socket.remoteAddress`, or behind your own
   * proxy the last `X-Forwarded-For` entry that proxy appended (never the first: the sender writes
   * whatever it likes there). When this key is given, anything but one of
   * `PORTONE_WEBHOOK_ADDRESSES` is refused before the body is read, an `undefined` value included.
   */
  remoteAddress?: string | undefined;
}

export interface PortOneClientOptions {
  /** REST API key (`imp_key`). */
  apiKey: string;
  /** REST API secret (`imp_secret`). Kept private; never put in errors. */
  apiSecret: string;
  /** Default `https://api.iamport.kr`. `https:` only; `http:` only to a loopback host. */
  baseUrl?: string;
  /** For each method call as a whole: token, retries and all. Default 10000. */
  timeoutMs?: number;
  /** Default: the global `fetch`. */
  fetch?: FetchLike;
  /** Sub-merchant tier code, sent as the `Tier` header on every authenticated call: printable ASCII without spaces. */
  tierCode?: string;
  /** Milliseconds since the epoch, like `Date.now` (the default). For tests. */
  now?: () => number;
  /** Also find payments made on test channels (`include_sandbox=true`). Default false. */
  includeSandbox?: boolean;
  /**
   * Let `verifyPayment` pass a test-channel (`sandbox`) payment. Default false: finding test
   * payments (`includeSandbox`) is not the same as shipping an order for one.
   */
  acceptTestPayments?: boolean;
}

export type PaymentStatus = 'ready' | 'paid' | 'cancelled' | 'failed';

/** The payment exactly as PortOne sent it (`PaymentAnnotation`), snake_case, nothing dropped. */
export interface RawPayment {
  imp_uid: string;
  merchant_uid: string;
  amount: number;
  cancel_amount: number;
  currency: string;
  status: string;
  sandbox: boolean;
  [field: string]: unknown;
}

/** A payment as `GET /payments/{imp_uid}` reads it, in camelCase. Absent values are `null`. */
export interface Payment {
  impUid: string;
  merchantUid: string;
  // `string & {}` keeps autocompletion for the known values without rejecting a new one.
  status: PaymentStatus | (string & {});
  amount: number;
  cancelAmount: number;
  currency: string;
  name: string | null;
  payMethod: string | null;
  pgProvider: string | null;
  embPgProvider: string | null;
  pgTid: string | null;
  channel: string | null;
  sandbox: boolean;
  buyerName: string | null;
  buyerEmail: string | null;
  buyerTel: string | null;
  buyerAddr: string | null;
  buyerPostcode: string | null;
  customerUid: string | null;
  customerUidUsage: string | null;
  /** `custom_data` parsed from its JSON string; the string itself when it is not JSON. */
  customData: unknown;
  /** PortOne sends 0 for "not in this state"; that becomes `null`. */
  startedAt: Date | null;
  paidAt: Date | null;
  failedAt: Date | null;
  cancelledAt: Date | null;
  failReason: string | null;
  cancelReason: string | null;
  receiptUrl: string | null;
  raw: RawPayment;
}

export interface VerifyPaymentInput {
  impUid: string;
  /** What the merchant's order says the buyer owes. */
  amount: number;
  currency: string;
  /** Your order's id: a payment for another order at the same price must not verify for this one. */
  merchantUid: string;
}

export interface PreparePaymentInput {
  merchantUid: string;
  amount: number;
  /** Omitted: PortOne checks no currency. */
  currency?: string;
}

export interface PreparedPayment {
  merchantUid: string;
  amount: number;
  raw: Record<string, unknown>;
}

export interface ChargeBillingKeyInput {
  customerUid: string;
  merchantUid: string;
  amount: number;
  /** Order name. */
  name: string;
  currency: string;
  /** Paymentwall: required, and the same address the billing key was issued with. */
  buyerEmail: string;
  /** Paymentwall: "First Last". */
  buyerName?: string;
  buyerTel?: string;
  buyerAddr?: string;
  buyerPostcode?: string;
  /** Paymentwall wants the buyer's IP; without it PortOne uses the caller's (your server's) IP. */
  browserIp?: string;
  noticeUrl?: string;
  /** An object is sent as its JSON string. */
  customData?: string | Record<string, unknown>;
}

export interface CancelPaymentInput {
  /** `impUid` or `merchantUid` is required; PortOne uses `impUid` when both are given. */
  impUid?: string;
  merchantUid?: string;
  /**
   * Partial amount, a positive whole number; leave the key out to cancel in full. `null`, `''`,
   * `0` and strings are refused, so a missing database value never becomes a full refund.
   */
  amount?: number;
  reason?: string;
  /**
   * The balance you expect still refundable before this cancel; PortOne refuses the cancel when it
   * differs. Required with `amount`, so a partial refund repeated after a timeout is refused
   * instead of made twice.
   */
  checksum?: number;
  /** A cancel through the API sends no webhook unless this is true. */
  enableWebhook?: boolean;
}

/**
 * A cancel's answer: the payment as PortOne reports it right after the request.
 * `cancelPending` is true for a Paymentwall payment PortOne does not show as cancelled yet:
 * Paymentwall cancels asynchronously, and PortOne changes the status only when Paymentwall's
 * callback arrives. Confirm later with `getPayment` or a `cancelled` webhook. An answer that names
 * no PG (no `pg_provider` or `emb_pg_provider`) may be Paymentwall's: pending too, unless it is
 * `cancelled` or its balance (`amount - cancelAmount`) is down to `checksum - amount`.
 */
export interface CancelledPayment extends Payment {
  cancelPending: boolean;
}

/** A saved card (`GET /subscribe/customers/{customer_uid}`), in camelCase. Absent values are `null`. */
export interface BillingKey {
  customerUid: string;
  pgProvider: string | null;
  pgId: string | null;
  cardName: string | null;
  cardCode: string | null;
  /** Masked by PortOne. */
  cardNumber: string | null;
  cardType: string | null;
  customerName: string | null;
  customerTel: string | null;
  customerEmail: string | null;
  customerAddr: string | null;
  customerPostcode: string | null;
  inserted: Date | null;
  updated: Date | null;
  raw: Record<string, unknown>;
}

export type DeliveryType = 'physical' | 'digital';
export type DeliveryStatus = 'order_placed' | 'order_shipped' | 'delivering' | 'delivered';

/** `Date` or UNIX seconds. */
export type DeliveryTime = Date | number;

/** Required when `type` is `physical`: every field of `ShippingDetails`. */
export interface RegisterDeliveryInput extends ShippingDetails {
  impUid: string;
  merchantUid: string;
  type: DeliveryType;
  status: DeliveryStatus;
  /** For digital goods "now" is fine. */
  estimatedDeliveryDatetime: DeliveryTime;
  estimatedUpdateDatetime: DeliveryTime;
  /** Booleans are sent as `yes` / `no`. */
  refundable: 'yes' | 'no' | boolean;
  shippingAddressEmail: string;
  reason?: string;
  details?: string;
}

/** The carrier and address of a delivery of physical goods, the same in V1 and V2; all required for physical goods. */
export interface ShippingDetails {
  carrierTrackingId?: string;
  carrierType?: string;
  /** V2: ISO 3166-1 alpha-2, such as `DE`. */
  shippingAddressCountry?: string;
  shippingAddressCity?: string;
  shippingAddressZip?: string;
  /** `N/A` outside the USA. */
  shippingAddressState?: string;
  shippingAddressStreet?: string;
  shippingAddressPhone?: string;
  shippingAddressFirstname?: string;
  shippingAddressLastname?: string;
}

export interface DeliveryRegistration {
  /** Paymentwall's notices, if any. */
  notices: string[];
  raw: Record<string, unknown>;
}

/** A `notice_url` request body: parsed JSON, a JSON or form-encoded string or bytes, or form params. */
export type WebhookBody = Record<string, unknown> | string | Uint8Array | URLSearchParams;
