// A local stand-in for PortOne's V1 REST API as its OpenAPI and docs describe it (the project's
// PortOne reference, §5): envelope, token life, 401, 404, and the calls the client makes.
// The server itself (127.0.0.1, faults, recording) is FakeServer. It keeps its own clock (UNIX seconds) so tests
// can expire tokens and skew clocks, records every request, and can be told to misbehave.
import { randomUUID } from 'node:crypto';
import { FakeServer, type Body, type RecordedRequest, type Reply } from './fake-server.js';

export type { RecordedRequest } from './fake-server.js';

export const TOKEN_LIFETIME_S = 30 * 60;
const EXTENSION_WINDOW_S = 60;
const EXTENSION_S = 5 * 60;

/** V1's own fault: any envelope, e.g. `code: 1`. */
export type EnvelopeFault = { type: 'envelope'; status?: number; code: number; message: string; response?: unknown };

export class FakePortOne extends FakeServer<EnvelopeFault> {
  readonly apiKey = 'fake-imp-key';
  readonly apiSecret = `imp-secret-${randomUUID()}`;
  /** PortOne's clock, UNIX seconds. */
  now = 1_750_000_000;
  readonly payments = new Map<string, Body>();
  readonly prepared = new Map<string, { amount: number; currency: string | null }>();
  /** customer_uid → the e-mail the billing key was issued with. */
  readonly billingKeys = new Map<string, string>();
  /** customer_uid → the saved card as `GET /subscribe/customers/{customer_uid}` shows it. */
  readonly customers = new Map<string, Body>();
  /** Paymentwall cancels PortOne accepted, waiting for Paymentwall's callback. */
  readonly pendingCancels: { impUid: string; amount: number; reason: unknown }[] = [];
  /** The life of a newly issued token, in seconds. */
  tokenLifetimeS = TOKEN_LIFETIME_S;
  readonly deliveries: Body[] = [];
  /** Every token handed out, so tests can look for them where they must not be. */
  readonly issuedTokens: string[] = [];
  /** While true, every authenticated call gets a 401, as if PortOne had revoked all tokens. */
  rejectAllTokens = false;

  #tokens = new Map<string, number>();
  #current: string | undefined;
  #paymentSeq = 0;

  static async start(): Promise<FakePortOne> {
    const fake = new FakePortOne();
    await fake.listen();
    return fake;
  }

  advance(seconds: number): void {
    this.now += seconds;
  }

  /** A saved card with every documented `CustomerAnnotation` field; `fields` override the defaults. */
  addBillingKey(customerUid: string, fields: Body = {}): Body {
    const customer: Body = {
      customer_uid: customerUid,
      pg_provider: 'paymentwall',
      pg_id: 'project-key',
      card_name: 'VISA',
      card_code: '366',
      card_number: '411111******1111',
      card_type: 0,
      customer_name: 'Jack Son',
      customer_tel: '010-1234-5678',
      customer_email: 'jack@example.com',
      customer_addr: null,
      customer_postcode: null,
      inserted: this.now - 86_400,
      updated: 0,
      ...fields,
    };
    this.customers.set(customerUid, customer);
    this.billingKeys.set(customerUid, String(customer.customer_email));
    return customer;
  }

  /** Paymentwall's callbacks arrive: every pending cancel takes effect, as PortOne then records it. */
  completePaymentwallCancels(): void {
    for (const { impUid, amount, reason } of this.pendingCancels.splice(0)) {
      const payment = this.payments.get(impUid) as Body;
      payment.cancel_amount = (payment.cancel_amount as number) + amount;
      if (payment.cancel_amount === payment.amount) Object.assign(payment, { status: 'cancelled', cancelled_at: this.now });
      payment.cancel_reason = reason ?? null;
    }
  }

  /** Forget every token, as after a server-side expiry the client could not know about. */
  revokeTokens(): void {
    this.#tokens.clear();
    this.#current = undefined;
  }

  /** Requests other than token requests. */
  apiRequests(): RecordedRequest[] {
    return this.requests.filter((r) => r.path !== '/users/getToken');
  }

  /** A payment with every documented `PaymentAnnotation` field; `fields` override the defaults. */
  addPayment(fields: Body = {}): Body {
    this.#paymentSeq += 1;
    const payment: Body = {
      imp_uid: `imp_${String(100000000000 + this.#paymentSeq)}`,
      merchant_uid: `order_${this.#paymentSeq}`,
      amount: 1004,
      cancel_amount: 0,
      currency: 'KRW',
      status: 'paid',
      sandbox: false,
      pay_method: 'card',
      channel: 'pc',
      pg_provider: 'paymentwall',
      emb_pg_provider: null,
      pg_tid: `pw_${this.#paymentSeq}`,
      pg_id: 'project-key',
      escrow: false,
      apply_num: '',
      name: 'Test order',
      buyer_name: 'Jack Son',
      buyer_email: 'jack@example.com',
      buyer_tel: '010-1234-5678',
      buyer_addr: null,
      buyer_postcode: null,
      custom_data: null,
      user_agent: 'test',
      started_at: this.now - 60,
      paid_at: this.now,
      failed_at: 0,
      cancelled_at: 0,
      fail_reason: null,
      cancel_reason: null,
      receipt_url: 'https://example.com/receipt',
      cancel_history: [],
      cancel_receipt_urls: [],
      cash_receipt_issued: false,
      customer_uid: null,
      customer_uid_usage: null,
      ...fields,
    };
    this.payments.set(payment.imp_uid as string, payment);
    return payment;
  }

  protected errorReply(status: number, message: string): Reply {
    return envelope(-1, message, null, status);
  }

  protected protocolFault(fault: EnvelopeFault): Reply {
    return envelope(fault.code, fault.message, fault.response ?? null, fault.status);
  }

  protected route(req: RecordedRequest): Reply {
    const { method, path, body } = req;
    if (method === 'POST' && path === '/users/getToken') return this.#getToken(body);
    if (!this.#authorized(req.headers.authorization)) return envelope(-1, 'Unauthorized', null, 401);
    const paymentPath = /^\/payments\/([^/]+)$/.exec(path);
    if (method === 'GET' && paymentPath && paymentPath[1] !== 'prepare') {
      return this.#getPayment(decodeURIComponent(paymentPath[1] ?? ''), req.query.get('include_sandbox') === 'true');
    }
    const findPath = /^\/payments\/find\/([^/]+)$/.exec(path);
    if (method === 'GET' && findPath) {
      return this.#findPayment(decodeURIComponent(findPath[1] ?? ''), req.query.get('include_sandbox') === 'true');
    }
    const customerPath = /^\/subscribe\/customers\/([^/]+)$/.exec(path);
    if ((method === 'GET' || method === 'DELETE') && customerPath) return this.#customer(method, decodeURIComponent(customerPath[1] ?? ''));
    if (method === 'POST' && path === '/payments/prepare') return this.#prepare(body);
    if (method === 'POST' && path === '/subscribe/payments/again') return this.#chargeAgain(body);
    if (method === 'POST' && path === '/payments/cancel') return this.#cancel(body);
    if (method === 'POST' && path === '/paymentwall/delivery') return this.#delivery(body);
    return envelope(-1, `No route ${method} ${path}`, null, 404);
  }

  // Same token until it expires; asked within a minute of expiry, PortOne extends it by five.
  #getToken(body: Body): Reply {
    if (body.imp_key !== this.apiKey || body.imp_secret !== this.apiSecret) {
      return envelope(-1, 'imp_key 또는 imp_secret이 올바르지 않습니다.', null, 401);
    }
    const expiresAt = this.#current ? this.#tokens.get(this.#current) : undefined;
    if (this.#current && expiresAt !== undefined && expiresAt > this.now) {
      if (expiresAt - this.now <= EXTENSION_WINDOW_S) this.#tokens.set(this.#current, expiresAt + EXTENSION_S);
    } else {
      this.#current = `tok${randomUUID().replaceAll('-', '')}`;
      this.#tokens.set(this.#current, this.now + this.tokenLifetimeS);
      this.issuedTokens.push(this.#current);
    }
    return ok({ access_token: this.#current, expired_at: this.#tokens.get(this.#current), now: this.now });
  }

  // Both header forms appear in PortOne's material: `Bearer <token>` and the bare token.
  #authorized(header: string | undefined): boolean {
    if (this.rejectAllTokens || !header) return false;
    const expiresAt = this.#tokens.get(header.replace(/^Bearer /, ''));
    return expiresAt !== undefined && expiresAt > this.now;
  }

  #getPayment(impUid: string, includeSandbox: boolean): Reply {
    const payment = this.payments.get(impUid);
    if (!payment || (payment.sandbox === true && !includeSandbox)) return notFound();
    return ok(payment);
  }

  // The latest payment (by started_at) with this merchant_uid, of any status.
  #findPayment(merchantUid: string, includeSandbox: boolean): Reply {
    const found = [...this.payments.values()]
      .filter((p) => p.merchant_uid === merchantUid && (p.sandbox !== true || includeSandbox))
      .sort((a, b) => (b.started_at as number) - (a.started_at as number));
    return found[0] ? ok(found[0]) : notFound();
  }

  #customer(method: string, customerUid: string): Reply {
    const customer = this.customers.get(customerUid);
    if (!customer) return envelope(-1, '등록되지 않은 구매자입니다.', null, 404);
    if (method === 'DELETE') {
      this.customers.delete(customerUid);
      this.billingKeys.delete(customerUid);
    }
    return ok(customer);
  }

  #prepare(body: Body): Reply {
    const merchantUid = body.merchant_uid;
    const amount = toNumber(body.amount);
    if (typeof merchantUid !== 'string' || merchantUid.length > 40) return envelope(1, 'merchant_uid가 올바르지 않습니다.', null);
    if (amount === undefined) return envelope(1, 'amount가 올바르지 않습니다.', null);
    if (this.prepared.has(merchantUid)) return envelope(1, '이미 등록된 merchant_uid입니다.', null);
    this.prepared.set(merchantUid, { amount, currency: typeof body.currency === 'string' ? body.currency : null });
    return ok({ merchant_uid: merchantUid, amount });
  }

  // Paymentwall requires buyer_email, equal to the one the key was issued with.
  #chargeAgain(body: Body): Reply {
    for (const field of ['customer_uid', 'merchant_uid', 'amount', 'name', 'buyer_email']) {
      if (body[field] === undefined || body[field] === '') return envelope(1, `${field}는 필수입니다.`, null);
    }
    const amount = toNumber(body.amount);
    const issuedTo = this.billingKeys.get(String(body.customer_uid));
    if (amount === undefined) return envelope(1, 'amount가 올바르지 않습니다.', null);
    if (issuedTo === undefined) return envelope(1, '등록되지 않은 구매자입니다.', null);
    if ([...this.payments.values()].some((p) => p.merchant_uid === body.merchant_uid && p.status === 'paid')) {
      return envelope(1, '이미 결제가 이루어진 거래건입니다.', null);
    }
    const matches = issuedTo === body.buyer_email;
    return ok(
      this.addPayment({
        merchant_uid: body.merchant_uid,
        amount,
        currency: body.currency ?? 'KRW',
        name: body.name,
        channel: 'api',
        buyer_name: body.buyer_name ?? null,
        buyer_email: body.buyer_email,
        buyer_tel: body.buyer_tel ?? null,
        custom_data: body.custom_data ?? null,
        customer_uid: body.customer_uid,
        customer_uid_usage: 'payment',
        status: matches ? 'paid' : 'failed',
        paid_at: matches ? this.now : 0,
        failed_at: matches ? 0 : this.now,
        fail_reason: matches ? null : 'buyer_email differs from the one used at issuance',
      }),
    );
  }

  #cancel(body: Body): Reply {
    const payment =
      typeof body.imp_uid === 'string'
        ? this.payments.get(body.imp_uid)
        : [...this.payments.values()].find((p) => p.merchant_uid === body.merchant_uid);
    if (!payment || payment.status !== 'paid') return envelope(1, '취소할 결제건이 존재하지 않습니다.', null);
    const pending = this.pendingCancels.filter((c) => c.impUid === payment.imp_uid).reduce((sum, c) => sum + c.amount, 0);
    const balance = (payment.amount as number) - (payment.cancel_amount as number) - pending;
    const checksum = toNumber(body.checksum);
    if (checksum !== undefined && checksum !== balance) return envelope(1, '취소가능 잔액이 일치하지 않습니다.', null);
    const amount = toNumber(body.amount) || balance;
    if (amount > balance) return envelope(1, '취소 요청 금액이 취소가능 잔액보다 큽니다.', null);
    // PortOne's 2023-07-17 note: a Paymentwall payment changes only when Paymentwall's callback arrives.
    if (payment.pg_provider === 'paymentwall') {
      this.pendingCancels.push({ impUid: payment.imp_uid as string, amount, reason: body.reason });
      return ok(payment);
    }
    payment.cancel_amount = (payment.cancel_amount as number) + amount;
    if (payment.cancel_amount === payment.amount) Object.assign(payment, { status: 'cancelled', cancelled_at: this.now });
    payment.cancel_reason = body.reason ?? null;
    return ok(payment);
  }

  // Paymentwall's own refusals come back inside a `code: 0` envelope.
  #delivery(body: Body): Reply {
    const payment = this.payments.get(String(body.imp_uid));
    if (!payment) return notFound();
    const physical = body.type === 'physical';
    const required = [
      'imp_uid', 'merchant_uid', 'type', 'status', 'estimated_delivery_datetime', 'estimated_update_datetime',
      'refundable', 'shipping_address_email',
      ...(physical ? ['carrier_tracking_id', 'carrier_type', 'shipping_address_country', 'shipping_address_city',
        'shipping_address_zip', 'shipping_address_state', 'shipping_address_street', 'shipping_address_phone',
        'shipping_address_firstname', 'shipping_address_lastname'] : []),
    ];
    const missing = required.filter((field) => body[field] === undefined || body[field] === '');
    const problems = [
      ...missing.map((field) => `${field} is required`),
      ...(['physical', 'digital'].includes(String(body.type)) ? [] : ['type is invalid']),
      ...(['order_placed', 'order_shipped', 'delivering', 'delivered'].includes(String(body.status)) ? [] : ['status is invalid']),
      ...(['yes', 'no'].includes(String(body.refundable)) ? [] : ['refundable is invalid']),
      ...(payment.merchant_uid === body.merchant_uid ? [] : ['merchant_uid does not belong to imp_uid']),
    ];
    if (problems.length > 0) return ok({ error_code: 3201, error: 'Invalid delivery', notices: problems });
    this.deliveries.push(body);
    return ok({ success: 1 });
  }
}

function envelope(code: number, message: string, response: unknown, status = 200): Reply {
  return { status, body: { code, message, response } };
}

function ok(response: unknown): Reply {
  return envelope(0, '', response);
}

function notFound(): Reply {
  return envelope(-1, '존재하지 않는 결제정보입니다.', null, 404);
}

// Form-encoded bodies carry numbers as strings.
function toNumber(value: unknown): number | undefined {
  const number = typeof value === 'string' && value !== '' ? Number(value) : value;
  return typeof number === 'number' && Number.isFinite(number) ? number : undefined;
}
