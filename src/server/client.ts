import { PortOneApiError } from './errors.js';
import { PortOneHttp, endpointOf, expectFields, type ApiCall } from './http.js';
import {
  cancelPaymentRules,
  chargeBillingKeyRules,
  clientOptionRules,
  preparePaymentRules,
  registerDeliveryRules,
  verifyPaymentRules,
} from './inputs.js';
import { toPayment } from './payment.js';
import { AccessTokenCache, tokenIssuer } from './token.js';
import type {
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
} from './types.js';
import { checkInput, requireValue, text, toWireBody } from './validate.js';
import { assertPaymentMatches } from './verify.js';
import { webhookImpUid } from './webhook.js';

const DEFAULT_BASE_URL = 'https://api.iamport.kr';
const DEFAULT_TIMEOUT_MS = 10_000;

type Call = Omit<ApiCall, 'token'>;

/** The PortOne V1 REST calls a merchant's server makes for Paymentwall payments. */
export class PortOneClient {
  readonly #http: PortOneHttp;
  readonly #tokens: AccessTokenCache;
  readonly #includeSandbox: boolean;

  constructor(options: PortOneClientOptions) {
    // The rules check each option's type, so the checked object can be read as the options type.
    const checked = checkInput(options, clientOptionRules) as PortOneClientOptions;
    this.#http = new PortOneHttp({
      baseUrl: (checked.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, ''),
      timeoutMs: checked.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      fetch: checked.fetch ?? globalThis.fetch,
      tierCode: checked.tierCode,
      secret: checked.apiSecret,
    });
    this.#tokens = new AccessTokenCache(tokenIssuer(this.#http, checked.apiKey, checked.apiSecret), checked.now ?? Date.now);
    this.#includeSandbox = checked.includeSandbox === true;
  }

  /** `GET /payments/{imp_uid}`. */
  async getPayment(impUid: string): Promise<Payment> {
    const id = requireValue(impUid, 'impUid', text());
    return this.#payment({
      method: 'GET',
      path: `/payments/${encodeURIComponent(id)}`,
      ...(this.#includeSandbox ? { query: { include_sandbox: 'true' } } : {}),
    });
  }

  /** Reads the payment and returns it only if it is paid, for this amount, currency and (if given) order id. */
  async verifyPayment(input: VerifyPaymentInput): Promise<Payment> {
    const expected = checkInput(input, verifyPaymentRules) as VerifyPaymentInput;
    const payment = await this.getPayment(expected.impUid);
    assertPaymentMatches(payment, expected);
    return payment;
  }

  /** `POST /payments/prepare`: PortOne then blocks a payment window for this order with another amount. */
  async preparePayment(input: PreparePaymentInput): Promise<PreparedPayment> {
    const call: Call = { method: 'POST', path: '/payments/prepare', body: toWireBody(input, preparePaymentRules) };
    const raw = expectFields(await this.#send(call), endpointOf(call), { merchant_uid: 'string', amount: 'number' });
    return { merchantUid: raw.merchant_uid as string, amount: raw.amount as number, raw };
  }

  /**
   * `POST /subscribe/payments/again`. A declined card is not an error here: PortOne answers with
   * the payment in status `failed` and a `failReason`, so check `status === 'paid'`.
   */
  async chargeBillingKey(input: ChargeBillingKeyInput): Promise<Payment> {
    return this.#payment({ method: 'POST', path: '/subscribe/payments/again', body: toWireBody(input, chargeBillingKeyRules) });
  }

  /** `POST /payments/cancel`; full unless `amount` is given. */
  async cancelPayment(input: CancelPaymentInput): Promise<Payment> {
    return this.#payment({ method: 'POST', path: '/payments/cancel', body: toWireBody(input, cancelPaymentRules) });
  }

  /**
   * `POST /paymentwall/delivery`; Paymentwall withholds settlement for physical goods without it.
   * Paymentwall's own refusal arrives inside a `code: 0` envelope, so it is turned into an error here.
   */
  async registerDelivery(input: RegisterDeliveryInput): Promise<DeliveryRegistration> {
    const call: Call = { method: 'POST', path: '/paymentwall/delivery', body: toWireBody(input, registerDeliveryRules) };
    return deliveryResult(await this.#send(call), endpointOf(call));
  }

  /** Takes only `imp_uid` from a `notice_url` body and returns the payment as PortOne reports it. */
  async handleWebhook(body: WebhookBody): Promise<Payment> {
    return this.getPayment(webhookImpUid(body));
  }

  async #payment(call: Call): Promise<Payment> {
    return toPayment(await this.#send(call), endpointOf(call));
  }

  /** An authenticated call. On a 401 the token is replaced once and the call retried once, never more. */
  async #send(call: Call): Promise<unknown> {
    const token = await this.#tokens.get();
    try {
      return await this.#http.send({ ...call, token });
    } catch (error) {
      if (!(error instanceof PortOneApiError) || error.status !== 401) throw error;
      this.#tokens.invalidate(token);
      return this.#http.send({ ...call, token: await this.#tokens.get() });
    }
  }
}

/** `{ success: 1 }`, or Paymentwall's `{ error_code, error, notices }` inside a `code: 0` envelope. */
function deliveryResult(response: unknown, endpoint: string): DeliveryRegistration {
  const raw = typeof response === 'object' && response !== null ? (response as Record<string, unknown>) : {};
  const notices = Array.isArray(raw.notices) ? raw.notices.map(String) : [];
  const { error_code: pgCode, error } = raw;
  const refused = (pgCode !== undefined && pgCode !== null && pgCode !== 0) || (typeof error === 'string' && error !== '');
  if (!refused) return { notices, raw };
  throw new PortOneApiError({
    kind: 'api',
    endpoint,
    detail: `Paymentwall refused the delivery: ${typeof error === 'string' && error ? error : 'no reason given'}${notices.length ? ` (${notices.join('; ')})` : ''}`,
    portOneCode: 0,
    pgCode: typeof pgCode === 'number' || typeof pgCode === 'string' ? pgCode : undefined,
  });
}
