import type { FetchLike, ShippingDetails } from '../types.js';

export interface PortOneV2ClientOptions {
  /** V2 API secret, from the console's [V2 API] tab. Sent as `Authorization: PortOne <secret>`; never in errors. */
  apiSecret: string;
  /**
   * The webhook secret (`whsec_…`) from the console's webhook settings, needed by `handleWebhook`.
   * During a rotation PortOne can sign with two secrets; pass both as an array to accept either.
   */
  webhookSecret?: string | string[];
  /** Sent as `storeId` on every call that takes one; only sub-stores need it. */
  storeId?: string;
  /** Default `https://api.portone.io`. `https:` only; `http:` only to a loopback host. */
  baseUrl?: string;
  /** For each method call as a whole, retries included. Default 10000. */
  timeoutMs?: number;
  /** Default: the global `fetch`. */
  fetch?: FetchLike;
  /** Let `verifyPayment` accept payments on a `TEST` channel. Default false: a test payment is no money. */
  acceptTestPayments?: boolean;
}

// `string & {}` keeps autocompletion for the known values without rejecting a new one.
export type V2PaymentStatus =
  | 'READY'
  | 'PAY_PENDING'
  | 'VIRTUAL_ACCOUNT_ISSUED'
  | 'PAID'
  | 'FAILED'
  | 'PARTIAL_CANCELLED'
  | 'CANCELLED'
  | (string & {});

/**
 * `PaymentAmount`: every amount in the currency's minor units (USD 150 = $1.50). A reply without
 * one of the six PortOne requires is an `invalid-response`; `vat` and `supply` are `null` when absent.
 */
export interface V2PaymentAmount {
  total: number;
  taxFree: number;
  discount: number;
  paid: number;
  cancelled: number;
  cancelledTaxFree: number;
  vat: number | null;
  supply: number | null;
}

export interface V2Channel {
  /** `LIVE` or `TEST`; `null` when PortOne's reply has none. */
  type: 'LIVE' | 'TEST' | (string & {}) | null;
  key: string | null;
  /** `PAYMENTWALL` for Paymentwall. */
  pgProvider: string | null;
  pgMerchantId: string | null;
}

/** A payment as `GET /payments/{paymentId}` reads it. Absent values are `null`. */
export interface V2Payment {
  paymentId: string;
  /** PortOne's own id of the payment (the browser SDK's `txId`); `confirmDelivery` takes it. */
  transactionId: string | null;
  status: V2PaymentStatus;
  storeId: string | null;
  channel: V2Channel | null;
  orderName: string | null;
  amount: V2PaymentAmount;
  currency: string;
  /** The buyer as PortOne holds them (`id`, `name`, `email`, `phoneNumber`, `address`, …). */
  customer: Record<string, unknown> | null;
  /** `customData` parsed from its JSON string; the string itself when it is not JSON. */
  customData: unknown;
  pgTxId: string | null;
  receiptUrl: string | null;
  requestedAt: Date | null;
  paidAt: Date | null;
  failedAt: Date | null;
  cancelledAt: Date | null;
  /** For `FAILED`: PortOne's and the PG's reason. */
  failure: { reason: string | null; pgCode: string | null; pgMessage: string | null } | null;
  cancellations: Record<string, unknown>[];
  /** The payment exactly as PortOne sent it. */
  raw: Record<string, unknown>;
}

export interface V2VerifyPaymentInput {
  /** Your order's payment id: the one the page passed to `requestPayment`. */
  paymentId: string;
  /** What the order says the buyer owes, in minor units: compared with `amount.total`. */
  amount: number;
  currency: string;
}

export interface V2CancelPaymentInput {
  paymentId: string;
  /** Required by PortOne. */
  reason: string;
  /**
   * Partial amount in minor units; leave the key out to cancel in full. `null`, `''`, `0` and
   * strings are refused, so a missing database value never becomes a full refund.
   */
  amount?: number;
  /**
   * The amount you expect still refundable before this cancel; PortOne refuses the cancel when it
   * differs. Required with `amount`, so a partial refund repeated after a timeout (under a fresh
   * key) is refused instead of made twice.
   */
  currentCancellableAmount?: number;
  /**
   * Sent as the `Idempotency-Key` header (16 to 256 printable ASCII characters, no `"` or `\`).
   * Default: a fresh UUID. Pass your own, and the same one again, to repeat a cancel safely after a timeout.
   */
  idempotencyKey?: string;
}

/** `POST /payments/{paymentId}/cancel`'s `cancellation`. */
export interface V2Cancellation {
  /** `REQUESTED` (the PG will finish it later) or `SUCCEEDED`; a `FAILED` one is thrown as a `PortOneApiError` of kind `api`. */
  status: 'REQUESTED' | 'SUCCEEDED' | (string & {});
  id: string;
  totalAmount: number;
  reason: string | null;
  requestedAt: Date | null;
  cancelledAt: Date | null;
  /** The key the request was sent with, to repeat it. */
  idempotencyKey: string;
  raw: Record<string, unknown>;
}

export interface V2PreRegisterPaymentInput {
  paymentId: string;
  /** In minor units. PortOne then refuses a payment window for this paymentId with another amount. */
  totalAmount: number;
  currency: string;
  taxFreeAmount?: number;
  idempotencyKey?: string;
}

export type V2DeliveryType = 'DIGITAL' | 'PHYSICAL';
export type V2DeliveryStatus = 'ORDER_PLACED' | 'ORDER_SHIPPED' | 'DELIVERED';

/**
 * `POST /paymentwall/delivery/confirm` (`ConfirmPaymentwallDeliveryBody`). Required when
 * `deliveryType` is `PHYSICAL`: every field of `ShippingDetails`.
 */
export interface V2ConfirmDeliveryInput extends ShippingDetails {
  /** The payment's `transactionId` (not its paymentId). */
  transactionId: string;
  deliveryType: V2DeliveryType;
  deliveryStatus: V2DeliveryStatus;
  /** A `Date` or an RFC 3339 date-time; for digital goods "now" is fine. */
  estimatedDeliveryDatetime: Date | string;
  estimatedUpdateDatetime: Date | string;
  refundable: boolean;
  details: string;
  shippingAddressEmail: string;
  reason?: string;
  /** URLs of proof of delivery. */
  attachments?: string[];
  idempotencyKey?: string;
}

/**
 * Request headers as Node (`req.headers`) or a Fetch API (`request.headers`) hands them over: any
 * object with a `get` method is read as Fetch `Headers` (the global class, undici's, node-fetch's).
 */
export type WebhookHeaders = { get(name: string): string | null } | Record<string, string | string[] | undefined>;

/**
 * A verified V2 webhook. With a `paymentId` comes the payment as PortOne reports it now; an event
 * about no payment (billing keys) has `null` for both, so checking one narrows the other.
 */
export type V2WebhookEvent = {
  /** `Transaction.Paid`, `Transaction.Cancelled`, … Ignore types you do not know. */
  type: string;
  /** RFC 3339, the same on every resend of one event. */
  timestamp: string | null;
  /** The body's `data` as sent: trust nothing in it but the ids. */
  data: Record<string, unknown>;
} & ({ paymentId: string; payment: V2Payment } | { paymentId: null; payment: null });
