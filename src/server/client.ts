import { PortOneApiError } from './errors.js';
import { v1Wire } from './envelope.js';
import { PortOneHttp, answeredAbout, endpointOf, expectFields, fieldsOf, type ApiCall, type WireFailure } from './http.js';
import {
  callLimit,
  cancelPaymentRules,
  chargeBillingKeyRules,
  clientOptionRules,
  preparePaymentRules,
  registerDeliveryRules,
  verifyPaymentRules,
  webhookOptionRules,
} from './inputs.js';
import type { CallLimit } from './limit.js';
import { toBillingKey, toPayment } from './payment.js';
import { AccessTokenCache, tokenIssuer } from './token.js';
import type {
  BillingKey,
  CallOptions,
  CancelledPayment,
  CancelPaymentInput,
  ChargeBillingKeyInput,
  DeliveryRegistration,
  Payment,
  PortOneClientOptions,
  PreparedPayment,
  PreparePaymentInput,
  RegisterDeliveryInput,
  VerifyPaymentInput,
  WebhookBody,
  WebhookOptions,
} from './types.js';
import { checkInput, pathSegment, requireValue, toWire } from './validate.js';
import { assertPaymentMatches, sameCurrency } from './verify.js';
import { assertWebhookSender, webhookImpUid } from './webhook.js';

const DEFAULT_BASE_URL = 'https://api.iamport.kr';
export const DEFAULT_TIMEOUT_MS = 10_000;

type Call = Omit<ApiCall, 'token'>;

/** The PortOne V1 REST calls a merchant's server makes for Paymentwall payments. */
export class PortOneClient {
  readonly #http: PortOneHttp;
  readonly #tokens: AccessTokenCache;
  readonly #includeSandbox: boolean;
  readonly #acceptTestPayments: boolean;
  readonly #timeoutMs: number;

  constructor(options: PortOneClientOptions) {
    // The rules check each option's type, so the checked object can be read as the options type.
    const checked = checkInput(options, clientOptionRules) as PortOneClientOptions;
    this.#timeoutMs = checked.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.#http = new PortOneHttp({
      baseUrl: checked.baseUrl ?? DEFAULT_BASE_URL,
      fetch: checked.fetch ?? globalThis.fetch,
      secret: checked.apiSecret,
      wire: v1Wire(checked.tierCode),
    });
    this.#tokens = new AccessTokenCache(tokenIssuer(this.#http, checked.apiKey, checked.apiSecret, this.#timeoutMs), checked.now ?? Date.now);
    this.#includeSandbox = checked.includeSandbox === true;
    this.#acceptTestPayments = checked.acceptTestPayments === true;
  }

  /** `GET /payments/{imp_uid}`. */
  async getPayment(impUid: string, options?: CallOptions): Promise<Payment> {
    const id = requireValue(impUid, 'impUid', pathSegment());
    return this.#getPayment(id, this.#limit(options));
  }

  /**
   * `GET /payments/find/{merchant_uid}`: the latest payment for this order id, or `null` when
   * PortOne has none. After a timeout on `chargeBillingKey` this says whether the charge happened;
   * right after one, `null` may mean "still under way": ask again later before charging again.
   */
  async findPaymentByMerchantUid(merchantUid: string, options?: CallOptions): Promise<Payment | null> {
    const id = requireValue(merchantUid, 'merchantUid', pathSegment(40));
    const call = this.#read(`/payments/find/${encodeURIComponent(id)}`);
    const payment = await orNullIfNotFound(this.#payment(call, this.#limit(options)));
    if (payment && payment.merchantUid !== id) throw answeredAbout('another order', endpointOf(call));
    return payment;
  }

  /** Reads the payment and returns it only if it is paid in full, for this amount, currency and order id. */
  async verifyPayment(input: VerifyPaymentInput, options?: CallOptions): Promise<Payment> {
    const expected = checkInput(input, verifyPaymentRules) as VerifyPaymentInput;
    const payment = await this.#getPayment(expected.impUid, this.#limit(options));
    assertPaymentMatches(payment, expected, this.#acceptTestPayments);
    return payment;
  }

  /** `POST /payments/prepare`: PortOne then blocks a payment window for this order with another amount. */
  async preparePayment(input: PreparePaymentInput, options?: CallOptions): Promise<PreparedPayment> {
    const call: Call = { method: 'POST', path: '/payments/prepare', ...toWire(input, preparePaymentRules) };
    const raw = expectFields(await this.#send(call, this.#limit(options)), endpointOf(call), { merchant_uid: 'string', amount: 'number' });
    if (raw.merchant_uid !== call.body!.merchant_uid || raw.amount !== call.body!.amount) throw answeredAbout('another order or amount', endpointOf(call));
    return { merchantUid: raw.merchant_uid as string, amount: raw.amount as number, raw };
  }

  /**
   * `POST /subscribe/payments/again`. A declined card is not an error here: PortOne answers with
   * the payment in status `failed` and a `failReason`, so check `status === 'paid'`. Sent again only
   * after PortOne's own 401, which it did not process: after a timeout, ask `findPaymentByMerchantUid`
   * (and, finding nothing at once, ask again later) before charging again with the same `merchantUid`.
   */
  async chargeBillingKey(input: ChargeBillingKeyInput, options?: CallOptions): Promise<Payment> {
    const { body, scrubbed } = toWire(input, chargeBillingKeyRules);
    const call: Call = { method: 'POST', path: '/subscribe/payments/again', body, scrubbed };
    const payment = await this.#payment(call, this.#limit(options));
    // Another order's or card's payment says nothing of this charge: like a lost answer, find it by merchantUid.
    if (payment.merchantUid !== body.merchant_uid) throw answeredAbout('another order', endpointOf(call));
    if (payment.customerUid !== null && payment.customerUid !== body.customer_uid) throw answeredAbout('another customer', endpointOf(call));
    if (payment.amount !== body.amount || !sameCurrency(payment.currency, body.currency as string)) throw answeredAbout('another amount or currency', endpointOf(call));
    return payment;
  }

  /** `GET /subscribe/customers/{customer_uid}`: the saved card, or `null` when PortOne has none. */
  async getBillingKey(customerUid: string, options?: CallOptions): Promise<BillingKey | null> {
    const id = requireValue(customerUid, 'customerUid', pathSegment(80));
    const call = this.#read(`/subscribe/customers/${encodeURIComponent(id)}`);
    return orNullIfNotFound(this.#billingKey(call, id, this.#limit(options)));
  }

  /** `DELETE /subscribe/customers/{customer_uid}`: forgets the saved card ("remove my card"); returns what was deleted. */
  async deleteBillingKey(customerUid: string, options?: CallOptions): Promise<BillingKey> {
    const id = requireValue(customerUid, 'customerUid', pathSegment(80));
    const call: Call = { method: 'DELETE', path: `/subscribe/customers/${encodeURIComponent(id)}` };
    return this.#billingKey(call, id, this.#limit(options));
  }

  /**
   * `POST /payments/cancel`; full unless `amount` is given. Paymentwall cancels asynchronously, so
   * the answer may still say `paid`: then `cancelPending` is true (see `CancelledPayment`), as for
   * an answer that names no PG and does not show the refund recorded.
   */
  async cancelPayment(input: CancelPaymentInput, options?: CallOptions): Promise<CancelledPayment> {
    const { body, scrubbed } = toWire(input, cancelPaymentRules);
    const call: Call = { method: 'POST', path: '/payments/cancel', body, scrubbed };
    const payment = await this.#payment(call, this.#limit(options));
    // PortOne cancels by imp_uid when both are given. Another payment's answer says nothing of this cancel.
    const other = body.imp_uid !== undefined ? payment.impUid !== body.imp_uid : payment.merchantUid !== body.merchant_uid;
    if (other) throw answeredAbout('another payment', endpointOf(call));
    const paymentwall = payment.pgProvider === 'paymentwall' || payment.embPgProvider === 'paymentwall';
    // A reply naming no PG may be Paymentwall's: pending, unless its amounts show this cancel recorded.
    const unknownPg = payment.pgProvider === null && payment.embPgProvider === null;
    const pending = payment.status !== 'cancelled' && (paymentwall || (unknownPg && !cancelRecorded(payment, body)));
    return { ...payment, cancelPending: pending };
  }

  /**
   * `POST /paymentwall/delivery`; Paymentwall withholds settlement for physical goods without it.
   * Paymentwall's own refusal arrives inside a `code: 0` envelope, so it is turned into an error
   * here; a reply with no object in it says neither success nor refusal.
   */
  async registerDelivery(input: RegisterDeliveryInput, options?: CallOptions): Promise<DeliveryRegistration> {
    const call: Call = { method: 'POST', path: '/paymentwall/delivery', ...toWire(input, registerDeliveryRules), refusal: deliveryRefusal };
    const raw = expectFields(await this.#send(call, this.#limit(options)), endpointOf(call), {});
    return { notices: noticesOf(raw), raw };
  }

  /**
   * Takes only `imp_uid` from a `notice_url` body and returns the payment as PortOne reports it.
   * With a `remoteAddress` key, a request from anywhere but PortOne's webhook addresses is refused
   * with a `WebhookVerificationError` before the body is read.
   */
  async handleWebhook(body: WebhookBody, options?: WebhookOptions): Promise<Payment> {
    const { remoteAddress: _checkedBelow, ...callOptions } = (options === undefined ? {} : checkInput(options, webhookOptionRules)) as WebhookOptions;
    assertWebhookSender(options);
    return this.#getPayment(webhookImpUid(body), this.#limit(callOptions));
  }

  async #getPayment(impUid: string, limit: CallLimit): Promise<Payment> {
    const call = this.#read(`/payments/${encodeURIComponent(impUid)}`);
    const payment = await this.#payment(call, limit);
    if (payment.impUid !== impUid) throw answeredAbout('another payment', endpointOf(call));
    return payment;
  }

  /** The saved card of `customerUid`; another customer's card is never handed back as theirs. */
  async #billingKey(call: Call, customerUid: string, limit: CallLimit): Promise<BillingKey> {
    const billingKey = toBillingKey(await this.#send(call, limit), endpointOf(call));
    if (billingKey.customerUid !== customerUid) throw answeredAbout('another customer', endpointOf(call));
    return billingKey;
  }

  /** A read of a path, with test-channel payments included when the client was built to see them. */
  #read(path: string): Call {
    return { method: 'GET', path, retry: true, ...(this.#includeSandbox ? { query: { include_sandbox: 'true' } } : {}) };
  }

  #limit(options: CallOptions | undefined): CallLimit {
    return callLimit(this.#timeoutMs, options);
  }

  async #payment(call: Call, limit: CallLimit): Promise<Payment> {
    return toPayment(await this.#send(call, limit), endpointOf(call));
  }

  /**
   * An authenticated call. On a 401 the token is replaced once and the call retried once, never
   * more. A call that may not be repeated (a charge, a cancel) is retried only after PortOne's own
   * 401, in its envelope: a proxy's or a firewall's says nothing of whether PortOne got the request.
   */
  async #send(call: Call, limit: CallLimit): Promise<unknown> {
    const token = await this.#tokens.get(limit);
    try {
      return await this.#http.send({ ...call, token }, limit);
    } catch (error) {
      if (!(error instanceof PortOneApiError) || error.status !== 401) throw error;
      this.#tokens.invalidate(token);
      if (!call.retry && error.portOneCode === undefined) throw error;
      return this.#http.send({ ...call, token: await this.#tokens.get(limit) }, limit);
    }
  }
}

/**
 * PortOne's 404 from a look-up means "PortOne has none": `null`, not an error. Only PortOne's own,
 * in its envelope: a proxy's or a firewall's 404 page says nothing of the order or the card, and
 * `null` there could have the merchant charge twice.
 */
async function orNullIfNotFound<T>(lookup: Promise<T>): Promise<T | null> {
  try {
    return await lookup;
  } catch (error) {
    if (error instanceof PortOneApiError && error.kind === 'http' && error.status === 404 && error.portOneCode !== undefined) return null;
    throw error;
  }
}

/**
 * Whether a cancel's reply shows the cancel recorded, by its amounts: a full cancel leaves nothing
 * to refund; a partial one leaves at most the balance it was sent against (`checksum`) less itself.
 */
function cancelRecorded(payment: Payment, body: Record<string, unknown>): boolean {
  const balance = payment.amount - payment.cancelAmount;
  if (body.amount === undefined) return balance <= 0;
  return typeof body.checksum === 'number' && typeof body.amount === 'number' && balance <= body.checksum - body.amount;
}

const noticesOf = (raw: Record<string, unknown>) => (Array.isArray(raw.notices) ? raw.notices.map(String) : []);

/**
 * Paymentwall's refusal `{ error_code, error, notices }` or `{ success: 0, notices }` inside a
 * `code: 0` envelope. `{ success: 1 }` is none, and so is a reply without `success` or
 * `error_code` (PortOne: a missing `error_code` means OK).
 */
function deliveryRefusal(response: unknown): WireFailure | undefined {
  const raw = fieldsOf(response);
  const notices = noticesOf(raw);
  const { error_code: pgCode, error, success } = raw;
  const refused = (pgCode !== undefined && pgCode !== null && pgCode !== 0) || (typeof error === 'string' && error !== '') || success === 0 || success === false;
  if (!refused) return undefined;
  return {
    kind: 'api',
    detail: `Paymentwall refused the delivery: ${typeof error === 'string' && error ? error : 'no reason given'}${notices.length ? ` (${notices.join('; ')})` : ''}`,
    portOneCode: 0,
    pgCode: typeof pgCode === 'number' || typeof pgCode === 'string' ? pgCode : undefined,
  };
}
