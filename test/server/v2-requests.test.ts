import assert from 'node:assert/strict';
import { test } from 'node:test';
import { inspect } from 'node:util';
import {
  PaymentVerificationError,
  PortOneV2Client,
  type PaymentVerificationReason,
} from '../../src/server/index.js';
import { physicalShipping as physical, v2Digital as digital } from './fixtures.js';
import { apiError, setupV2, type V2Harness } from './harness.js';

const BOUNDED = { timeout: 5_000 };


test('V2 getPayment sends Authorization: PortOne <secret> and returns the payment in camelCase', async (t) => {
  const { fake, client } = await setupV2(t);
  const raw = fake.addPayment({ id: 'order/1' });
  const payment = await client.getPayment('order/1');
  const [request] = fake.requests;
  assert.equal(request?.method, 'GET');
  assert.equal(request?.path, '/payments/order%2F1');
  assert.equal(request?.headers.authorization, `PortOne ${fake.apiSecret}`);
  assert.equal(request?.query.get('storeId'), null, 'no storeId unless the client was given one');
  assert.equal(payment.paymentId, 'order/1');
  assert.equal(payment.transactionId, raw.transactionId);
  assert.equal(payment.status, 'PAID');
  assert.deepEqual(payment.amount, { total: 150, taxFree: 0, discount: 0, paid: 150, cancelled: 0, cancelledTaxFree: 0, vat: null, supply: null });
  assert.equal(payment.currency, 'USD');
  assert.deepEqual(payment.channel, { type: 'LIVE', key: 'channel-key-1', pgProvider: 'PAYMENTWALL', pgMerchantId: 'project-key' });
  assert.deepEqual(payment.customData, { cartId: 7 });
  assert.deepEqual(payment.paidAt, new Date(raw.paidAt as string));
  assert.equal(payment.failedAt, null);
  assert.deepEqual(payment.raw, raw);
});

test('V2 storeId goes into the GET query and the POST bodies that take it, not into the delivery call', async (t) => {
  const { fake } = await setupV2(t);
  const client = new PortOneV2Client({ apiSecret: fake.apiSecret, baseUrl: fake.baseUrl, storeId: fake.storeId });
  const { id, transactionId } = fake.addPayment();
  await client.getPayment(id as string);
  await client.preRegisterPayment({ paymentId: 'order-new', totalAmount: 150, currency: 'USD' });
  await client.cancelPayment({ paymentId: id as string, reason: 'Buyer asked' });
  await client.confirmDelivery({ ...digital, transactionId: transactionId as string });
  assert.deepEqual(
    fake.requests.map((r) => r.query.get('storeId') ?? r.body.storeId ?? null),
    [fake.storeId, fake.storeId, fake.storeId, null],
  );
  const wrongStore = new PortOneV2Client({ apiSecret: fake.apiSecret, baseUrl: fake.baseUrl, storeId: 'store-other' });
  assert.equal((await apiError(wrongStore.getPayment(id as string))).portOneType, 'FORBIDDEN');
});

test('V2 errors carry PortOne type and message; a 404 is an http error', async (t) => {
  const { fake, client } = await setupV2(t);
  const error = await apiError(client.getPayment('order-missing'));
  assert.equal(error.kind, 'http');
  assert.equal(error.status, 404);
  assert.equal(error.portOneType, 'PAYMENT_NOT_FOUND');
  assert.equal(error.portOneMessage, '결제 건이 존재하지 않습니다.');
  assert.equal(error.endpoint, 'GET /payments/order-missing');
  fake.injectFault({ type: 'error', status: 502, errorType: 'PG_PROVIDER', message: 'PG failed', pgCode: 'E42', pgMessage: 'declined' });
  fake.injectFault({ type: 'error', status: 502, errorType: 'PG_PROVIDER', message: 'PG failed', pgCode: 'E42', pgMessage: 'declined' });
  fake.injectFault({ type: 'error', status: 502, errorType: 'PG_PROVIDER', message: 'PG failed', pgCode: 'E42', pgMessage: 'declined' });
  const pg = await apiError(client.getPayment('order-1'));
  assert.deepEqual([pg.portOneType, pg.pgCode, pg.pgMessage], ['PG_PROVIDER', 'E42', 'declined']);
});

test('a wrong V2 secret is a 401 http error that does not contain the secret', async (t) => {
  const { fake } = await setupV2(t);
  const client = new PortOneV2Client({ apiSecret: 'wrong-secret-value', baseUrl: fake.baseUrl });
  const error = await apiError(client.getPayment('order-1'));
  assert.equal(error.status, 401);
  assert.equal(error.portOneType, 'UNAUTHORIZED');
  assert.ok(!inspect(error, { showHidden: true, depth: Infinity }).includes('wrong-secret-value'));
});

test('the V2 secret is scrubbed from what a server or a custom fetch echoes, and the client shows none', BOUNDED, async (t) => {
  const { fake, client } = await setupV2(t);
  fake.injectFault({ type: 'echo-request' });
  const echoed = await apiError(client.getPayment('order-1'));
  const leaky = new PortOneV2Client({
    apiSecret: fake.apiSecret,
    baseUrl: fake.baseUrl,
    fetch: async (_url, init) => {
      throw new Error(`refused ${init.headers.Authorization}`, { cause: { init } });
    },
  });
  const thrown = await apiError(leaky.cancelPayment({ paymentId: 'order-1', reason: 'x' }));
  for (const error of [echoed, thrown]) {
    const said = [String(error), JSON.stringify(error), inspect(error, { showHidden: true, depth: Infinity }), error.stack, inspect(error.cause)].join('\n');
    assert.ok(!said.includes(fake.apiSecret), said);
    assert.match(said, /PortOne \[redacted\]/);
  }
  assert.match(echoed.portOneMessage ?? '', /with PortOne \[redacted\]/);
  assert.ok(!`${inspect(client, { showHidden: true, depth: Infinity })}${JSON.stringify(client)}`.includes(fake.apiSecret));
  assert.ok(!inspect(client, { showHidden: true, depth: Infinity }).includes(fake.webhookSecrets[0] as string));
});

test('the V2 secret is scrubbed from every field of an error body, type and pgCode too, not only the messages', async (t) => {
  const { fake, client } = await setupV2(t);
  const echo = `echo ${fake.apiSecret}`;
  fake.injectFault({ type: 'error', status: 400, errorType: `BAD_${fake.apiSecret}`, message: echo, pgCode: fake.apiSecret, pgMessage: echo });
  const error = await apiError(client.getPayment('order-1'));
  assert.deepEqual([error.portOneType, error.pgCode, error.portOneMessage, error.pgMessage], ['BAD_[redacted]', '[redacted]', 'echo [redacted]', 'echo [redacted]']);
  assert.ok(!`${JSON.stringify(error)}${inspect(error, { showHidden: true, depth: Infinity })}`.includes(fake.apiSecret));
});

test('a V2 redirect is not followed: the Authorization header goes nowhere else', BOUNDED, async (t) => {
  const { fake, client } = await setupV2(t);
  fake.injectFault({ type: 'redirect', status: 308, location: 'http://127.0.0.1:9/steal' });
  const error = await apiError(client.getPayment('order-1'));
  assert.equal(error.kind, 'http');
  assert.equal(error.status, 308);
  assert.equal(fake.requests.length, 1);
});

test('V2 reads are retried after a 503; POSTs are not', BOUNDED, async (t) => {
  const { fake, client } = await setupV2(t);
  const { id } = fake.addPayment();
  fake.injectFault({ type: 'status', status: 503 }, `/payments/${id}`);
  fake.injectFault({ type: 'drop' }, `/payments/${id}`);
  assert.equal((await client.getPayment(id as string)).paymentId, id);
  assert.equal(fake.count(`/payments/${id}`), 3);
  fake.injectFault({ type: 'status', status: 503 }, `/payments/${id}/cancel`);
  assert.equal((await apiError(client.cancelPayment({ paymentId: id as string, reason: 'x' }))).status, 503);
  assert.equal(fake.count(`/payments/${id}/cancel`), 1);
});

test('V2 timeoutMs bounds the call and an AbortSignal ends it', BOUNDED, async (t) => {
  const { fake, client } = await setupV2(t, { timeoutMs: 300 });
  const { id } = fake.addPayment();
  fake.injectFault({ type: 'slow', ms: 2000 });
  assert.equal((await apiError(client.getPayment(id as string))).kind, 'timeout');
  fake.injectFault({ type: 'slow', ms: 2000 });
  const controller = new AbortController();
  setTimeout(() => controller.abort(), 30);
  assert.equal((await apiError(client.verifyPayment({ paymentId: id as string, amount: 150, currency: 'USD' }, { signal: controller.signal }))).kind, 'aborted');
  const before = fake.requests.length;
  assert.equal((await apiError(client.confirmDelivery({ ...digital, transactionId: 't' }, { signal: AbortSignal.abort() }))).kind, 'aborted');
  assert.equal(fake.requests.length, before, 'an aborted signal sends nothing');
});

test('V2 verifyPayment returns a PAID LIVE payment whose amount.total and currency match', async (t) => {
  const { fake, client } = await setupV2(t);
  const { id } = fake.addPayment({ currency: 'CURRENCY_USD' });
  const payment = await client.verifyPayment({ paymentId: id as string, amount: 150, currency: 'usd' });
  assert.equal(payment.paymentId, id);
});

test('V2 verifyPayment compares currencies in ASCII: CURRENCY_uſd is not USD', async (t) => {
  const { fake, client } = await setupV2(t);
  const { id } = fake.addPayment({ currency: 'CURRENCY_uſd' });
  await assert.rejects(client.verifyPayment({ paymentId: id as string, amount: 150, currency: 'USD' }), { name: 'PaymentVerificationError', reason: 'currency-mismatch' });
});

const amounts = (change: Record<string, number>) => ({ amount: { total: 150, taxFree: 0, discount: 0, paid: 150, cancelled: 0, cancelledTaxFree: 0, ...change } });
const v2Mismatches: [PaymentVerificationReason, Record<string, unknown>, unknown, unknown][] = [
  ['not-paid', { status: 'READY' }, 'PAID', 'READY'],
  ['not-paid', { status: 'FAILED', failure: { reason: 'declined' } }, 'PAID', 'FAILED'],
  ['not-paid', { status: 'PAY_PENDING' }, 'PAID', 'PAY_PENDING'],
  ['cancelled', { status: 'CANCELLED', ...amounts({ cancelled: 150 }) }, 0, 150],
  ['cancelled', { status: 'PARTIAL_CANCELLED', ...amounts({ cancelled: 50 }) }, 0, 50],
  ['cancelled', { ...amounts({ cancelled: 1 }) }, 0, 1],
  // A refund the PG finishes later leaves the payment PAID with nothing cancelled yet.
  ['cancelled', { cancellations: [{ status: 'REQUESTED', id: 'c-1', totalAmount: 150, reason: 'refund' }] }, 'no cancellation', 'REQUESTED'],
  ['cancelled', { cancellations: [{ status: 'FAILED', id: 'c-1', totalAmount: 50 }, { status: 'SUCCEEDED', id: 'c-2', totalAmount: 50 }] }, 'no cancellation', 'SUCCEEDED'],
  // Only a cancellation PortOne calls FAILED refunded nothing: one without a status, or with one
  // this client does not know, may be a refund under way.
  ['cancelled', { cancellations: [{ id: 'c-1', totalAmount: 150, reason: 'refund' }] }, 'no cancellation', null],
  ['cancelled', { cancellations: [{ status: 'PENDING', id: 'c-1', totalAmount: 150 }] }, 'no cancellation', 'PENDING'],
  ['cancelled', { cancellations: [{ status: 'FAILED', id: 'c-1', totalAmount: 50 }, { status: 'requested', id: 'c-2', totalAmount: 50 }] }, 'no cancellation', 'requested'],
  ['cancelled', { cancellations: [null] }, 'no cancellation', null],
  // A list that is no list (one cancellation where an array belongs) is not taken for none.
  ['cancelled', { cancellations: { status: 'REQUESTED', id: 'c-1', totalAmount: 150 } }, 'no cancellation', 'REQUESTED'],
  ['cancelled', { cancellations: 'REQUESTED' }, 'no cancellation', null],
  ['test-payment', { channel: { type: 'TEST', key: 'k', pgProvider: 'PAYMENTWALL' } }, 'LIVE', 'TEST'],
  ['test-payment', { channel: undefined }, 'LIVE', null],
  // A channel without a type is not taken for LIVE.
  ['test-payment', { channel: { key: 'k', pgProvider: 'PAYMENTWALL' } }, 'LIVE', null],
  ['amount-mismatch', amounts({ total: 15000 }), 150, 15000],
  ['currency-mismatch', { currency: 'KRW' }, 'USD', 'KRW'],
];
for (const [reason, stored, expected, actual] of v2Mismatches) {
  test(`V2 verifyPayment throws ${reason} for ${JSON.stringify(stored)}`, async (t) => {
    const { fake, client } = await setupV2(t);
    const { id } = fake.addPayment(stored);
    await assert.rejects(client.verifyPayment({ paymentId: id as string, amount: 150, currency: 'USD' }), (error: unknown) => {
      assert.ok(error instanceof PaymentVerificationError);
      assert.equal(error.reason, reason);
      assert.equal(error.expected, expected);
      assert.equal(error.actual, actual);
      assert.equal((error.payment as { paymentId: string }).paymentId, id);
      assert.ok(!inspect(error, { depth: Infinity }).includes('jack@example.com'), 'no buyer data printed');
      return true;
    });
  });
}

test('V2 verifyPayment refuses a payment whose refund was requested and is not finished, and accepts one whose refund the PG refused', async (t) => {
  const { fake, client } = await setupV2(t);
  const pending = fake.addPayment();
  const refused = fake.addPayment();
  fake.cancelOutcome = 'REQUESTED';
  assert.equal((await client.cancelPayment({ paymentId: pending.id as string, reason: 'x' })).status, 'REQUESTED');
  await assert.rejects(client.verifyPayment({ paymentId: pending.id as string, amount: 150, currency: 'USD' }), { name: 'PaymentVerificationError', reason: 'cancelled' });
  fake.cancelOutcome = 'FAILED';
  await apiError(client.cancelPayment({ paymentId: refused.id as string, reason: 'x' }));
  assert.equal((await client.verifyPayment({ paymentId: refused.id as string, amount: 150, currency: 'USD' })).paymentId, refused.id);
});

test('V2 reads refuse a reply about another payment, or another store than the client was given, as invalid-response', async (t) => {
  const { fake } = await setupV2(t);
  const client = new PortOneV2Client({ apiSecret: fake.apiSecret, baseUrl: fake.baseUrl, storeId: fake.storeId });
  const other = fake.addPayment({ storeId: 'store-4f0a1c2e-0000-4000-8000-00000000000b' });
  const moved = fake.addPayment();
  const asked = moved.id as string;
  moved.id = 'order-someone-else';
  for (const id of [other.id as string, asked]) {
    const error = await apiError(client.verifyPayment({ paymentId: id, amount: 150, currency: 'USD' }));
    assert.equal(error.kind, 'invalid-response', id);
    assert.match(error.message, /the reply is about/, id);
  }
});

for (const field of ['total', 'taxFree', 'discount', 'paid', 'cancelled', 'cancelledTaxFree']) {
  test(`a V2 payment whose amount lacks ${field}, or holds it as a string, is an invalid-response, not read as 0`, async (t) => {
    const { fake, client } = await setupV2(t);
    const { [field]: _dropped, ...rest } = amounts({}).amount as Record<string, number>;
    for (const amount of [rest, { ...rest, [field]: '150' }]) {
      const { id } = fake.addPayment({ amount });
      const error = await apiError(client.verifyPayment({ paymentId: id as string, amount: 150, currency: 'USD' }));
      assert.equal(error.kind, 'invalid-response');
      assert.match(error.message, new RegExp(`lacks ${field} \\(number\\)`));
    }
  });
}

test('V2 verifyPayment accepts a TEST channel only when the client was built to', async (t) => {
  const { fake } = await setupV2(t);
  const { id } = fake.addPayment({ channel: { type: 'TEST', key: 'k', pgProvider: 'PAYMENTWALL' } });
  const testing = new PortOneV2Client({ apiSecret: fake.apiSecret, baseUrl: fake.baseUrl, acceptTestPayments: true });
  assert.equal((await testing.verifyPayment({ paymentId: id as string, amount: 150, currency: 'USD' })).channel?.type, 'TEST');
});

test('V2 cancelPayment sends reason, amount and currentCancellableAmount with a quoted Idempotency-Key', async (t) => {
  const { fake, client } = await setupV2(t);
  const { id } = fake.addPayment();
  const cancellation = await client.cancelPayment({ paymentId: id as string, reason: 'One item out of stock', amount: 50, currentCancellableAmount: 150 });
  const [request] = fake.requests;
  assert.equal(request?.method, 'POST');
  assert.equal(request?.path, `/payments/${id}/cancel`);
  assert.equal(request?.headers['content-type'], 'application/json');
  assert.deepEqual(JSON.parse(request?.rawBody ?? ''), { reason: 'One item out of stock', amount: 50, currentCancellableAmount: 150 });
  assert.match(String(request?.headers['idempotency-key']), /^"[0-9a-f-]{36}"$/);
  assert.equal(`"${cancellation.idempotencyKey}"`, request?.headers['idempotency-key']);
  assert.equal(cancellation.status, 'SUCCEEDED');
  assert.equal(cancellation.totalAmount, 50);
  assert.equal(cancellation.reason, 'One item out of stock');
  assert.ok(cancellation.cancelledAt instanceof Date);
  assert.equal((await client.getPayment(id as string)).status, 'PARTIAL_CANCELLED');
});

test('V2 cancelPayment without amount cancels in full; each call gets its own Idempotency-Key', async (t) => {
  const { fake, client } = await setupV2(t);
  const first = fake.addPayment();
  const second = fake.addPayment();
  const a = await client.cancelPayment({ paymentId: first.id as string, reason: 'x' });
  const b = await client.cancelPayment({ paymentId: second.id as string, reason: 'x' });
  assert.deepEqual(JSON.parse(fake.requests[0]?.rawBody ?? ''), { reason: 'x' });
  assert.equal(a.totalAmount, 150);
  assert.notEqual(a.idempotencyKey, b.idempotencyKey);
  assert.equal((await client.getPayment(first.id as string)).status, 'CANCELLED');
});

test('repeating a V2 cancel with the same idempotencyKey after a lost answer refunds once', BOUNDED, async (t) => {
  const { fake, client } = await setupV2(t, { timeoutMs: 300 });
  const { id } = fake.addPayment();
  const input = { paymentId: id as string, reason: 'x', amount: 100, currentCancellableAmount: 150, idempotencyKey: 'refund-order-1-0001' };
  fake.injectFault({ type: 'late', ms: 1000 });
  assert.equal((await apiError(client.cancelPayment(input))).kind, 'timeout');
  const again = await client.cancelPayment(input);
  assert.equal(again.totalAmount, 100);
  assert.equal((fake.payments.get(id as string)?.amount as { cancelled: number }).cancelled, 100, 'refunded once');
  assert.equal(fake.requests[1]?.headers['idempotency-key'], '"refund-order-1-0001"');
});

test('a V2 idempotencyKey reused for a cancel of another amount gets the first reply, refused as invalid-response with the key', async (t) => {
  const { fake, client } = await setupV2(t);
  const { id } = fake.addPayment();
  const idempotencyKey = 'refund-order-1-0001';
  await client.cancelPayment({ paymentId: id as string, reason: 'first item', amount: 50, currentCancellableAmount: 150, idempotencyKey });
  const error = await apiError(client.cancelPayment({ paymentId: id as string, reason: 'second item', amount: 30, currentCancellableAmount: 100, idempotencyKey }));
  assert.equal(error.kind, 'invalid-response');
  assert.match(error.message, /the reply is about another request under this idempotency key/);
  assert.equal(error.idempotencyKey, idempotencyKey);
  assert.equal((fake.payments.get(id as string)?.amount as { cancelled: number }).cancelled, 50, 'PortOne refunded only the first');
});

test("a V2 full cancel under a key an earlier partial cancel used gets that cancel's reply, refused as invalid-response by its reason or amount", async (t) => {
  const { fake, client } = await setupV2(t);
  const { id } = fake.addPayment();
  const idempotencyKey = 'refund-order-1-0001';
  await client.cancelPayment({ paymentId: id as string, reason: 'x', amount: 50, currentCancellableAmount: 150, idempotencyKey });
  // Another reason: the reply is about the first cancel, whatever the amounts.
  const byReason = await apiError(client.cancelPayment({ paymentId: id as string, reason: 'Order closed', idempotencyKey }));
  // The same reason, but a full cancel of the balance sent would have cancelled 100, not 50.
  const byAmount = await apiError(client.cancelPayment({ paymentId: id as string, reason: 'x', currentCancellableAmount: 100, idempotencyKey }));
  for (const error of [byReason, byAmount]) {
    assert.equal(error.kind, 'invalid-response');
    assert.match(error.message, /the reply is about another request under this idempotency key/);
    assert.equal(error.idempotencyKey, idempotencyKey);
  }
  assert.equal((await client.getPayment(id as string)).status, 'PARTIAL_CANCELLED', 'nothing more was refunded');
});

test('a V2 cancel repeated while the first with its key still runs is in-progress, not a refusal; repeated later it refunds once', async (t) => {
  const { fake, client } = await setupV2(t);
  const { id } = fake.addPayment();
  const input = { paymentId: id as string, reason: 'x', amount: 100, currentCancellableAmount: 150, idempotencyKey: 'refund-order-1-0001' };
  fake.injectFault({ type: 'error', status: 409, errorType: 'IDEMPOTENCY_OUTSTANDING_REQUEST', message: '처리 중인 요청이 있습니다.' });
  const running = await apiError(client.cancelPayment(input));
  assert.deepEqual([running.kind, running.status, running.portOneType, running.idempotencyKey], ['in-progress', 409, 'IDEMPOTENCY_OUTSTANDING_REQUEST', input.idempotencyKey]);
  assert.equal((await client.cancelPayment(input)).totalAmount, 100);
  assert.equal((fake.payments.get(id as string)?.amount as { cancelled: number }).cancelled, 100, 'refunded once');
  // Any other 409 is PortOne's refusal.
  assert.equal((await apiError(client.cancelPayment({ paymentId: id as string, reason: 'x', currentCancellableAmount: 1 }))).kind, 'http');
});

test('a V2 cancellation with an unparseable requestedAt or cancelledAt reads them as null, never an Invalid Date', async (t) => {
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const reply = (await (await globalThis.fetch(input, init)).json()) as { cancellation: Record<string, unknown> };
    Object.assign(reply.cancellation, { requestedAt: 'yesterday', cancelledAt: '2026-13-45T99:00:00Z' });
    return Response.json(reply);
  };
  const { fake, client } = await setupV2(t, { fetch });
  const { id } = fake.addPayment();
  const cancellation = await client.cancelPayment({ paymentId: id as string, reason: 'x' });
  assert.deepEqual([cancellation.requestedAt, cancellation.cancelledAt], [null, null]);
});

test("PortOne's refusal of a V2 cancel is an http error with its type", async (t) => {
  const { fake, client } = await setupV2(t);
  const { id } = fake.addPayment();
  const error = await apiError(client.cancelPayment({ paymentId: id as string, reason: 'x', currentCancellableAmount: 100 }));
  assert.equal(error.status, 409);
  assert.equal(error.portOneType, 'CANCELLABLE_AMOUNT_CONSISTENCY_BROKEN');
});

test('a V2 cancel PortOne answers 200 with a FAILED cancellation is an api error carrying its key, not a refund', async (t) => {
  const { fake, client } = await setupV2(t);
  const { id } = fake.addPayment();
  fake.cancelOutcome = 'FAILED';
  const error = await apiError(client.cancelPayment({ paymentId: id as string, reason: 'x', amount: 50, currentCancellableAmount: 150, idempotencyKey: 'refund-order-1-0001' }));
  assert.equal(error.kind, 'api');
  assert.match(error.message, /FAILED/);
  assert.equal(error.idempotencyKey, 'refund-order-1-0001');
  assert.equal((await client.getPayment(id as string)).amount.cancelled, 0);
});

test('V2 preRegisterPayment posts totalAmount and currency to /payments/{paymentId}/pre-register', async (t) => {
  const { fake, client } = await setupV2(t);
  assert.equal(await client.preRegisterPayment({ paymentId: 'order-7', totalAmount: 1004, currency: 'krw', taxFreeAmount: 0 }), undefined);
  assert.equal(fake.requests[0]?.path, '/payments/order-7/pre-register');
  assert.deepEqual(JSON.parse(fake.requests[0]?.rawBody ?? ''), { totalAmount: 1004, currency: 'KRW', taxFreeAmount: 0 });
  assert.ok(fake.requests[0]?.headers['idempotency-key']);
  const { id } = fake.addPayment();
  assert.equal((await apiError(client.preRegisterPayment({ paymentId: id as string, totalAmount: 1, currency: 'USD' }))).portOneType, 'ALREADY_PAID');
});

test('V2 confirmDelivery posts a digital delivery keyed by transactionId, date-times as RFC 3339 UTC', async (t) => {
  const { fake, client } = await setupV2(t);
  const { transactionId } = fake.addPayment();
  assert.equal(await client.confirmDelivery({ ...digital, transactionId: transactionId as string }), undefined);
  assert.equal(fake.requests[0]?.path, '/paymentwall/delivery/confirm');
  assert.deepEqual(JSON.parse(fake.requests[0]?.rawBody ?? ''), {
    transactionId,
    deliveryType: 'DIGITAL',
    deliveryStatus: 'DELIVERED',
    estimatedDeliveryDatetime: '2026-06-01T12:00:00.000Z',
    estimatedUpdateDatetime: '2026-06-01T12:00:00.000Z',
    refundable: false,
    details: 'License key sent by e-mail',
    shippingAddressEmail: 'jack@example.com',
  });
  assert.equal(fake.deliveries.length, 1);
});

test('V2 confirmDelivery posts a physical delivery with every shipping field, reason and attachments', async (t) => {
  const { fake, client } = await setupV2(t);
  const { transactionId } = fake.addPayment();
  await client.confirmDelivery({
    ...digital,
    ...physical,
    transactionId: transactionId as string,
    deliveryType: 'PHYSICAL',
    deliveryStatus: 'ORDER_SHIPPED',
    refundable: true,
    reason: 'Shipped',
    attachments: ['https://shop.example/proof/1.pdf'],
  });
  assert.deepEqual(JSON.parse(fake.requests[0]?.rawBody ?? ''), {
    transactionId,
    deliveryType: 'PHYSICAL',
    deliveryStatus: 'ORDER_SHIPPED',
    estimatedDeliveryDatetime: '2026-06-01T12:00:00.000Z',
    estimatedUpdateDatetime: '2026-06-01T12:00:00.000Z',
    refundable: true,
    details: 'License key sent by e-mail',
    shippingAddressEmail: 'jack@example.com',
    reason: 'Shipped',
    attachments: ['https://shop.example/proof/1.pdf'],
    ...physical,
  });
});

test('a V2 POST answered 200 with a body that is not JSON is an invalid-response carrying its key, not a success', async (t) => {
  // A proxy's 200 page is no word from PortOne: the delivery may not be confirmed, the payment not pre-registered.
  const { fake, client } = await setupV2(t);
  const { transactionId } = fake.addPayment();
  fake.injectFault({ type: 'non-json' }, '/paymentwall/delivery/confirm');
  const delivery = await apiError(client.confirmDelivery({ ...digital, transactionId: transactionId as string }));
  assert.equal(delivery.kind, 'invalid-response');
  assert.match(delivery.idempotencyKey ?? '', /^[0-9a-f-]{36}$/);
  assert.equal(fake.deliveries.length, 0);
  fake.injectFault({ type: 'non-json' }, '/payments/order-new/pre-register');
  const preRegister = await apiError(client.preRegisterPayment({ paymentId: 'order-new', totalAmount: 150, currency: 'USD' }));
  assert.equal(preRegister.kind, 'invalid-response');
  assert.match(preRegister.idempotencyKey ?? '', /^[0-9a-f-]{36}$/);
  assert.equal(fake.preRegistered.size, 0);
});

test('V2 confirmDelivery for an unknown transactionId is a 404 http error', async (t) => {
  const { client } = await setupV2(t);
  const error = await apiError(client.confirmDelivery({ ...digital, transactionId: 'no-such-tx' }));
  assert.equal(error.status, 404);
  assert.equal(error.portOneType, 'PAYMENT_NOT_FOUND');
});

/** A cancel of 100 that failed with `kind`, repeated with the key its error carries: refunded once. */
async function repeatedWithItsKey(harness: V2Harness, kind: string): Promise<void> {
  const { fake, client } = harness;
  const { id } = fake.addPayment();
  const input = { paymentId: id as string, reason: 'x', amount: 100, currentCancellableAmount: 150 };
  const lost = await apiError(client.cancelPayment(input));
  assert.equal(lost.kind, kind);
  assert.match(lost.idempotencyKey ?? '', /^[0-9a-f-]{36}$/);
  const again = await client.cancelPayment({ ...input, idempotencyKey: lost.idempotencyKey! });
  assert.equal(again.idempotencyKey, lost.idempotencyKey);
  assert.equal((fake.payments.get(id as string)?.amount as { cancelled: number }).cancelled, 100, 'refunded once');
}

test('a V2 cancel that timed out carries the key it was sent with, so repeating it refunds once', BOUNDED, async (t) => {
  const harness = await setupV2(t, { timeoutMs: 300 });
  harness.fake.injectFault({ type: 'late', ms: 1000 });
  await repeatedWithItsKey(harness, 'timeout');
});

test('a V2 cancel made but answered with a reply the client cannot read carries its key, so repeating it refunds once', async (t) => {
  // A proxy on the way keeps PortOne's 200 but not its body: the refund was made.
  let mangle = true;
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const response = await globalThis.fetch(input, init);
    if (!mangle) return response;
    mangle = false;
    return new Response('{"cancellation":{"status":"SUCCEEDED"}}', { status: 200, headers: { 'Content-Type': 'application/json' } });
  };
  await repeatedWithItsKey(await setupV2(t, { fetch }), 'invalid-response');
});
