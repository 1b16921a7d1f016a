// A local stand-in for PortOne's V2 REST API as the project's PortOne V2 reference (§4) describes
// it: `Authorization: PortOne <secret>`, JSON bodies, errors as `{ type, message }` with their
// status, Idempotency-Key replays, the Paymentwall delivery call, and Standard Webhooks signing.
// Signatures are made here with node:crypto, not with the library the client uses, so the tests
// check the client against an independent implementation.
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { FakeServer, type Body, type RecordedRequest, type Reply } from './fake-server.js';

/** V2's own fault: any error body with its status. */
export type V2ErrorFault = { type: 'error'; status: number; errorType: string; message: string; pgCode?: string; pgMessage?: string };

const newSecret = (): string => `whsec_${randomBytes(24).toString('base64')}`;

export class FakePortOneV2 extends FakeServer<V2ErrorFault> {
  readonly apiSecret = `v2-secret-${randomUUID()}`;
  readonly storeId = 'store-4f0a1c2e-0000-4000-8000-000000000001';
  /** The live webhook secret; `rotateWebhookSecret` adds a second, as the console allows. */
  webhookSecrets = [newSecret()];
  readonly payments = new Map<string, Body>();
  readonly preRegistered = new Map<string, Body>();
  readonly deliveries: Body[] = [];
  /**
   * How the next cancels end: `SUCCEEDED` at once, `REQUESTED` (the PG finishes it later, as
   * Paymentwall may) or `FAILED` (the PG refused it). The reply is 200 in each case.
   */
  cancelOutcome: 'SUCCEEDED' | 'REQUESTED' | 'FAILED' = 'SUCCEEDED';
  readonly #replies = new Map<string, Reply>();
  #seq = 0;

  static async start(): Promise<FakePortOneV2> {
    const fake = new FakePortOneV2();
    await fake.listen();
    return fake;
  }

  rotateWebhookSecret(): string {
    const secret = newSecret();
    this.webhookSecrets.push(secret);
    return secret;
  }

  /** A `PAID` Paymentwall payment with the fields `PaidPayment` requires; `fields` override them. */
  addPayment(fields: Body = {}): Body {
    this.#seq += 1;
    const at = new Date(Date.UTC(2026, 5, 1, 12, 0, this.#seq)).toISOString();
    const payment: Body = {
      status: 'PAID',
      id: `order-${this.#seq}`,
      transactionId: `0190a7c8-0000-7000-8000-${String(this.#seq).padStart(12, '0')}`,
      merchantId: 'merchant-1',
      storeId: this.storeId,
      channel: { type: 'LIVE', id: 'ch-1', key: 'channel-key-1', name: 'Paymentwall', pgProvider: 'PAYMENTWALL', pgMerchantId: 'project-key' },
      version: 'V2',
      requestedAt: at,
      updatedAt: at,
      statusChangedAt: at,
      paidAt: at,
      orderName: 'Test order',
      amount: { total: 150, taxFree: 0, discount: 0, paid: 150, cancelled: 0, cancelledTaxFree: 0 },
      currency: 'USD',
      customer: { id: 'customer-1', name: { full: 'Jack Son' }, email: 'jack@example.com', phoneNumber: '010-1234-5678' },
      customData: '{"cartId":7}',
      origin: null,
      disputes: [],
      pgTxId: `pw_${this.#seq}`,
      receiptUrl: 'https://example.com/receipt',
      ...fields,
    };
    this.payments.set(payment.id as string, payment);
    return payment;
  }

  /**
   * The PG finishes every `REQUESTED` cancellation, as Paymentwall may some time after the cancel's
   * reply: each becomes `SUCCEEDED` and counts in `amount.cancelled`. Returns the payments changed.
   */
  completeRequestedCancels(): string[] {
    const changed: string[] = [];
    for (const payment of this.payments.values()) {
      const requested = ((payment.cancellations as Body[] | undefined) ?? []).filter((c) => c.status === 'REQUESTED');
      if (requested.length === 0) continue;
      const amount = payment.amount as { total: number; cancelled: number };
      const now = new Date().toISOString();
      for (const cancellation of requested) {
        Object.assign(cancellation, { status: 'SUCCEEDED', cancelledAt: now });
        amount.cancelled += cancellation.totalAmount as number;
      }
      Object.assign(payment, { status: amount.cancelled === amount.total ? 'CANCELLED' : 'PARTIAL_CANCELLED', cancelledAt: now });
      changed.push(payment.id as string);
    }
    return changed;
  }

  /** Headers PortOne would send with `body`, signed with each of `secrets` (default: every live one). */
  signWebhook(body: string, { id = `msg_${randomUUID()}`, timestamp = new Date(), secrets = this.webhookSecrets } = {}): Record<string, string> {
    const seconds = Math.floor(timestamp.getTime() / 1000);
    const signatures = secrets.map((secret) => {
      const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
      return `v1,${createHmac('sha256', key).update(`${id}.${seconds}.${body}`).digest('base64')}`;
    });
    return { 'webhook-id': id, 'webhook-timestamp': String(seconds), 'webhook-signature': signatures.join(' ') };
  }

  protected errorReply(status: number, message: string): Reply {
    return error(status, 'INVALID_REQUEST', message);
  }

  protected protocolFault(fault: V2ErrorFault): Reply {
    return { status: fault.status, body: { type: fault.errorType, message: fault.message, pgCode: fault.pgCode, pgMessage: fault.pgMessage } };
  }

  protected route(req: RecordedRequest): Reply {
    if (req.headers.authorization !== `PortOne ${this.apiSecret}`) return error(401, 'UNAUTHORIZED', '인증 정보가 올바르지 않습니다.');
    const storeId = req.method === 'GET' ? req.query.get('storeId') : req.body.storeId;
    if (storeId !== null && storeId !== undefined && storeId !== this.storeId) return error(403, 'FORBIDDEN', '요청이 거절되었습니다.');
    if (req.method === 'POST') {
      const key = idempotencyKey(req.headers['idempotency-key']);
      if (key === undefined) return error(400, 'INVALID_REQUEST', 'Idempotency-Key가 올바르지 않습니다.');
      const replay = key && this.#replies.get(`${req.path} ${key}`);
      if (replay) return replay;
      const reply = this.#post(req);
      if (key) this.#replies.set(`${req.path} ${key}`, reply);
      return reply;
    }
    const paymentPath = /^\/payments\/([^/]+)$/.exec(req.path);
    if (req.method === 'GET' && paymentPath) {
      const payment = this.payments.get(decodeURIComponent(paymentPath[1] ?? ''));
      return payment ? { status: 200, body: payment } : error(404, 'PAYMENT_NOT_FOUND', '결제 건이 존재하지 않습니다.');
    }
    return error(404, 'NOT_FOUND', `No route ${req.method} ${req.path}`);
  }

  #post(req: RecordedRequest): Reply {
    const action = /^\/payments\/([^/]+)\/(cancel|pre-register)$/.exec(req.path);
    if (action?.[2] === 'cancel') return this.#cancel(decodeURIComponent(action[1] ?? ''), req.body);
    if (action?.[2] === 'pre-register') return this.#preRegister(decodeURIComponent(action[1] ?? ''), req.body);
    if (req.path === '/paymentwall/delivery/confirm') return this.#confirmDelivery(req.body);
    return error(404, 'NOT_FOUND', `No route POST ${req.path}`);
  }

  #cancel(paymentId: string, body: Body): Reply {
    const payment = this.payments.get(paymentId);
    if (!payment) return error(404, 'PAYMENT_NOT_FOUND', '결제 건이 존재하지 않습니다.');
    if (typeof body.reason !== 'string' || body.reason === '') return error(400, 'INVALID_REQUEST', 'reason은 필수입니다.');
    if (payment.status === 'CANCELLED') return error(409, 'PAYMENT_ALREADY_CANCELLED', '이미 취소된 결제 건입니다.');
    if (payment.status !== 'PAID' && payment.status !== 'PARTIAL_CANCELLED') return error(409, 'PAYMENT_NOT_PAID', '결제가 완료되지 않았습니다.');
    const amount = payment.amount as { total: number; cancelled: number };
    const balance = amount.total - amount.cancelled;
    if (body.currentCancellableAmount !== undefined && body.currentCancellableAmount !== balance) {
      return error(409, 'CANCELLABLE_AMOUNT_CONSISTENCY_BROKEN', '취소 가능 잔액 검증에 실패했습니다.');
    }
    const cancel = typeof body.amount === 'number' ? body.amount : balance;
    if (cancel > balance) return error(409, 'CANCEL_AMOUNT_EXCEEDS_CANCELLABLE_AMOUNT', '취소 금액이 취소 가능 금액을 초과합니다.');
    const now = new Date().toISOString();
    const status = this.cancelOutcome;
    const cancellation = { status, id: `cancel-${randomUUID()}`, totalAmount: cancel, taxFreeAmount: 0, vatAmount: 0, reason: body.reason, requestedAt: now, ...(status === 'SUCCEEDED' ? { cancelledAt: now } : {}) };
    if (status === 'SUCCEEDED') {
      amount.cancelled += cancel;
      Object.assign(payment, { status: amount.cancelled === amount.total ? 'CANCELLED' : 'PARTIAL_CANCELLED', cancelledAt: now });
    }
    payment.cancellations = [...((payment.cancellations as Body[] | undefined) ?? []), cancellation];
    return { status: 200, body: { cancellation } };
  }

  #preRegister(paymentId: string, body: Body): Reply {
    if (this.payments.get(paymentId)?.status === 'PAID') return error(409, 'ALREADY_PAID', '이미 결제가 완료되었습니다.');
    this.preRegistered.set(paymentId, body);
    return { status: 200, body: {} };
  }

  #confirmDelivery(body: Body): Reply {
    const physical = body.deliveryType === 'PHYSICAL';
    const required = [
      'transactionId', 'deliveryType', 'deliveryStatus', 'estimatedDeliveryDatetime', 'estimatedUpdateDatetime', 'refundable', 'details', 'shippingAddressEmail',
      ...(physical ? ['carrierTrackingId', 'carrierType', 'shippingAddressCountry', 'shippingAddressCity', 'shippingAddressZip',
        'shippingAddressState', 'shippingAddressStreet', 'shippingAddressPhone', 'shippingAddressFirstname', 'shippingAddressLastname'] : []),
    ];
    const problems = [
      ...required.filter((field) => body[field] === undefined || body[field] === '').map((field) => `${field} is required`),
      ...(['DIGITAL', 'PHYSICAL'].includes(String(body.deliveryType)) ? [] : ['deliveryType is invalid']),
      ...(['ORDER_PLACED', 'ORDER_SHIPPED', 'DELIVERED'].includes(String(body.deliveryStatus)) ? [] : ['deliveryStatus is invalid']),
      ...(typeof body.refundable === 'boolean' ? [] : ['refundable must be a boolean']),
      ...['estimatedDeliveryDatetime', 'estimatedUpdateDatetime'].filter((f) => Number.isNaN(Date.parse(String(body[f])))).map((f) => `${f} is not a date-time`),
    ];
    if (problems.length > 0) return error(400, 'INVALID_REQUEST', problems.join('; '));
    if (![...this.payments.values()].some((p) => p.transactionId === body.transactionId)) return error(404, 'PAYMENT_NOT_FOUND', '결제 건이 존재하지 않습니다.');
    this.deliveries.push(body);
    return { status: 200, body: {} };
  }
}

function error(status: number, type: string, message: string): Reply {
  return { status, body: { type, message } };
}

/** The key of an RFC 8941 string header; `null` when absent, `undefined` when malformed. */
function idempotencyKey(header: string | string[] | undefined): string | null | undefined {
  if (header === undefined) return null;
  const match = typeof header === 'string' ? /^"([\x20-\x21\x23-\x5b\x5d-\x7e]{16,256})"$/.exec(header) : null;
  return match ? match[1] : undefined;
}
