import { randomUUID } from 'node:crypto';
import type { Webhook } from 'standardwebhooks';
import { PortOneApiError, PortOneInputError } from '../errors.js';
import { PortOneHttp, answeredAbout, endpointOf, expectFields, type ApiCall } from '../http.js';
import { callLimit } from '../inputs.js';
import type { CallLimit } from '../limit.js';
import type { CallOptions } from '../types.js';
import { checkInput, pathSegment, personalValues, requireValue } from '../validate.js';
import {
  v2CancelPaymentRules,
  v2ClientOptionRules,
  v2ConfirmDeliveryRules,
  v2PreRegisterPaymentRules,
  v2VerifyPaymentRules,
} from './inputs.js';
import { assertV2PaymentMatches, time, toV2Payment } from './payment.js';
import type {
  PortOneV2ClientOptions,
  V2CancelPaymentInput,
  V2Cancellation,
  V2ConfirmDeliveryInput,
  V2Payment,
  V2PreRegisterPaymentInput,
  V2VerifyPaymentInput,
  V2WebhookEvent,
  WebhookHeaders,
} from './types.js';
import { v2Wire } from './wire.js';
import { verifiedBody, webhookVerifiers } from './webhook.js';

const DEFAULT_BASE_URL = 'https://api.portone.io';
const DEFAULT_TIMEOUT_MS = 10_000;

/**
 * The PortOne V2 REST calls a merchant's server makes for Paymentwall payments, and V2 webhooks.
 * Same standards as `PortOneClient`: inputs checked before any request, typed errors without the
 * secret, one time limit and an optional `AbortSignal` per call, no redirects, `https:` only.
 */
export class PortOneV2Client {
  readonly #http: PortOneHttp;
  readonly #timeoutMs: number;
  readonly #storeId: string | undefined;
  readonly #acceptTestPayments: boolean;
  readonly #webhooks: Webhook[];

  constructor(options: PortOneV2ClientOptions) {
    const checked = checkInput(options, v2ClientOptionRules) as Omit<PortOneV2ClientOptions, 'webhookSecret'> & { webhookSecret?: string[] };
    this.#timeoutMs = checked.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.#storeId = checked.storeId;
    this.#acceptTestPayments = checked.acceptTestPayments === true;
    this.#webhooks = webhookVerifiers(checked.webhookSecret ?? [], 'webhookSecret');
    this.#http = new PortOneHttp({
      baseUrl: checked.baseUrl ?? DEFAULT_BASE_URL,
      fetch: checked.fetch ?? globalThis.fetch,
      secret: checked.apiSecret,
      wire: v2Wire(checked.apiSecret),
    });
  }

  /** `GET /payments/{paymentId}`. */
  async getPayment(paymentId: string, options?: CallOptions): Promise<V2Payment> {
    const id = requireValue(paymentId, 'paymentId', pathSegment());
    return this.#getPayment(id, callLimit(this.#timeoutMs, options));
  }

  /**
   * Reads the payment and returns it only if it is `PAID`, nothing of it cancelled and no
   * cancellation but `FAILED` ones, on a `LIVE` channel (unless the client accepts test
   * payments), for `amount.total` and this currency.
   */
  async verifyPayment(input: V2VerifyPaymentInput, options?: CallOptions): Promise<V2Payment> {
    const expected = checkInput(input, v2VerifyPaymentRules) as V2VerifyPaymentInput;
    const payment = await this.#getPayment(expected.paymentId, callLimit(this.#timeoutMs, options));
    assertV2PaymentMatches(payment, expected, this.#acceptTestPayments);
    return payment;
  }

  /**
   * `POST /payments/{paymentId}/cancel`, full unless `amount` is given, with an `Idempotency-Key`.
   * Never retried by the client; repeat it yourself with the returned `idempotencyKey`.
   */
  async cancelPayment(input: V2CancelPaymentInput, options?: CallOptions): Promise<V2Cancellation> {
    const { paymentId, idempotencyKey, ...body } = checkInput(input, v2CancelPaymentRules) as V2CancelPaymentInput;
    const key = idempotencyKey ?? randomUUID();
    const call = this.#post(`/payments/${encodeURIComponent(paymentId)}/cancel`, { ...body, ...this.#store() }, key);
    return this.#sendOnce(call, key, options, (response) => {
      const { cancellation } = expectFields(response, endpointOf(call), { cancellation: 'object' });
      const raw = expectFields(cancellation, endpointOf(call), { status: 'string', id: 'string', totalAmount: 'number' });
      // A key reused for another cancel gets the first cancel's stored reply, and nothing is
      // refunded. Its reason or its amount tells it apart: a full cancel's amount is the balance,
      // known when `currentCancellableAmount` was sent. The client sends no
      // `promotionDiscountRetainOption`, the one option that lets PortOne adjust the amount.
      const amount = body.amount ?? body.currentCancellableAmount;
      const otherReason = typeof raw.reason === 'string' && raw.reason !== body.reason;
      if (otherReason || (amount !== undefined && raw.totalAmount !== amount)) throw answeredAbout('another request under this idempotency key', endpointOf(call));
      // PortOne answers 200 for a cancel the PG refused; nothing was refunded, and repeating it
      // with this key only replays the refusal.
      if (raw.status === 'FAILED') {
        throw new PortOneApiError({ kind: 'api', endpoint: endpointOf(call), detail: 'the cancellation FAILED: nothing was refunded' });
      }
      return {
        status: raw.status as string,
        id: raw.id as string,
        totalAmount: raw.totalAmount as number,
        reason: typeof raw.reason === 'string' ? raw.reason : null,
        requestedAt: time(raw, 'requestedAt'),
        cancelledAt: time(raw, 'cancelledAt'),
        idempotencyKey: key,
        raw,
      };
    });
  }

  /** `POST /payments/{paymentId}/pre-register`: PortOne then refuses a payment for this id with another amount or currency. */
  async preRegisterPayment(input: V2PreRegisterPaymentInput, options?: CallOptions): Promise<void> {
    const { paymentId, idempotencyKey, ...body } = checkInput(input, v2PreRegisterPaymentRules) as V2PreRegisterPaymentInput;
    const key = idempotencyKey ?? randomUUID();
    await this.#sendOnce(this.#post(`/payments/${encodeURIComponent(paymentId)}/pre-register`, { ...body, ...this.#store() }, key), key, options);
  }

  /**
   * `POST /paymentwall/delivery/confirm`: mandatory for Paymentwall, proof of delivery when a
   * chargeback comes. Keyed by the payment's `transactionId`. The body takes no `storeId`.
   */
  async confirmDelivery(input: V2ConfirmDeliveryInput, options?: CallOptions): Promise<void> {
    const checked = checkInput(input, v2ConfirmDeliveryRules);
    const { idempotencyKey, ...body } = checked as V2ConfirmDeliveryInput;
    const key = idempotencyKey ?? randomUUID();
    const call = { ...this.#post('/paymentwall/delivery/confirm', body, key), scrubbed: personalValues(checked, v2ConfirmDeliveryRules) };
    await this.#sendOnce(call, key, options);
  }

  /**
   * Verifies a webhook's Standard Webhooks signature (`webhook-id`, `webhook-timestamp`,
   * `webhook-signature`, ±5 minutes) on the raw body, and refuses it with a
   * `WebhookVerificationError` before any request; then reads the payment back from PortOne.
   * Pass the body exactly as it arrived (string or bytes), before any JSON parser.
   */
  async handleWebhook(rawBody: string | Uint8Array, headers: WebhookHeaders, options?: CallOptions): Promise<V2WebhookEvent> {
    if (this.#webhooks.length === 0) throw new PortOneInputError('webhookSecret', 'is required to verify webhooks: pass it to the constructor');
    const limit = callLimit(this.#timeoutMs, options);
    const body = verifiedBody(this.#webhooks, rawBody, headers);
    const event = typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
    // Version 2024-04-25: { type, timestamp, data: { paymentId, … } }; 2024-01-01: { payment_id, tx_id, status }.
    const data = typeof event.data === 'object' && event.data !== null ? (event.data as Record<string, unknown>) : event;
    const id = data.paymentId ?? data.payment_id;
    const type = typeof event.type === 'string' ? event.type : typeof event.status === 'string' ? `Transaction.${event.status}` : 'unknown';
    // Every Transaction event names its payment. Resolving without one would let the handler
    // answer 200, and PortOne would never send the event again.
    if (type.startsWith('Transaction.') && (typeof id !== 'string' || id === '')) {
      throw new PortOneInputError('paymentId', 'must be a non-empty string in a signed Transaction webhook; answer it with an error status so that PortOne sends it again');
    }
    const paymentId = typeof id === 'string' && id !== '' ? pathSegment()(id, 'paymentId') : null;
    const about = paymentId === null ? { paymentId, payment: null } : { paymentId, payment: await this.#getPayment(paymentId, limit) };
    return { type, timestamp: typeof event.timestamp === 'string' ? event.timestamp : null, ...about, data };
  }

  async #getPayment(paymentId: string, limit: CallLimit): Promise<V2Payment> {
    const call: ApiCall = {
      method: 'GET',
      path: `/payments/${encodeURIComponent(paymentId)}`,
      retry: true,
      ...(this.#storeId ? { query: { storeId: this.#storeId } } : {}),
    };
    const payment = toV2Payment(await this.#http.send(call, limit), endpointOf(call));
    if (payment.paymentId !== paymentId) throw answeredAbout('another payment', endpointOf(call));
    if (this.#storeId && payment.storeId !== this.#storeId) throw answeredAbout('a payment of another store', endpointOf(call));
    return payment;
  }

  /**
   * A POST, sent once. Any failure after the request may have reached PortOne carries the key,
   * including a 2xx reply `read` cannot use (the refund may have been made), so the caller can
   * repeat the call safely with that key.
   */
  async #sendOnce<T = unknown>(call: ApiCall, key: string, options: CallOptions | undefined, read?: (response: unknown) => T): Promise<T> {
    try {
      const response = await this.#http.send(call, callLimit(this.#timeoutMs, options));
      return read ? read(response) : (response as T);
    } catch (error) {
      if (error instanceof PortOneApiError) error.idempotencyKey = key;
      throw error;
    }
  }

  /** A POST with its `Idempotency-Key` (an RFC 8941 string): a fresh one unless the caller chose it. */
  #post(path: string, body: Record<string, unknown>, idempotencyKey: string): ApiCall {
    return { method: 'POST', path, body, headers: { 'Idempotency-Key': `"${idempotencyKey}"` } };
  }

  #store(): { storeId?: string } {
    return this.#storeId ? { storeId: this.#storeId } : {};
  }
}
