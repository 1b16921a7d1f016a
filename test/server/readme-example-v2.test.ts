// The README's whole V2 server example, run as written against the local V2 fake: only the import
// (to this checkout's source), the fake's address, the listening port, the slow client's time
// limit and the pause between repeats are swapped in.
import assert from 'node:assert/strict';
import { test, type TestContext } from 'node:test';
import { FakePortOneV2 } from './fake-portone-v2.js';
import { readmeExample, runExample } from './readme-code.js';

interface ExampleOrder {
  id: string;
  paymentId: string;
  amount: number;
  currency: string;
  status: string;
  refunded: number;
  transactionId?: string;
  email?: string;
  refund?: { request: Record<string, unknown>; requested?: true };
}

interface Example {
  server: import('node:http').Server;
  orders: Map<string, ExampleOrder>;
  createOrder(orderId: string, amount: number, currency: string): Promise<ExampleOrder>;
  confirmPaid(order: ExampleOrder): Promise<void>;
  delivered(orderId: string): Promise<void>;
  refund(orderId: string, amount: number): Promise<void>;
  sendRefund(orderId: string): Promise<void>;
}

/** The slow client's time limit in the test: a cancel answered later than this has timed out. */
const SLOW_TIMEOUT_MS = 1000;

/** The example, running against a fresh V2 fake: each call loads its own copy, with its own orders. */
async function startExample(t: TestContext) {
  const fake = await FakePortOneV2.start();
  t.after(() => fake.close());
  Object.assign(process.env, {
    PORTONE_V2_API_SECRET: fake.apiSecret,
    PORTONE_V2_WEBHOOK_SECRET: fake.webhookSecrets[0],
    PORTONE_V2_BASE_URL: fake.baseUrl,
  });
  const source = readmeExample('On the server (`server-v2.mjs`', [
    ['apiSecret: process.env.PORTONE_V2_API_SECRET,', 'apiSecret: process.env.PORTONE_V2_API_SECRET, baseUrl: process.env.PORTONE_V2_BASE_URL,', true],
    ['timeoutMs: 60_000', `timeoutMs: ${SLOW_TIMEOUT_MS}`],
    ['setTimeout(resolve, attempt * 1000)', 'setTimeout(resolve, attempt * 50)'],
  ]);
  const { example, port } = await runExample<Example>(t, source, 'server-v2.mjs');

  // Each "paid" line is one order fulfilled.
  const log = t.mock.method(console, 'log', () => {});
  const fulfilled = () => log.mock.calls.map((call) => String(call.arguments[0]));

  const post = async (path: string, body: string, headers: Record<string, string> = {}): Promise<[number, unknown]> => {
    const res = await fetch(`http://127.0.0.1:${port}${path}`, { method: 'POST', body, headers });
    return [res.status, await res.json()];
  };
  /** What the page sends after pay-success. */
  const complete = (body: unknown) => post('/payments/complete', JSON.stringify(body));
  /** A webhook as PortOne signs it (2024-04-25 body); `headers` replace the signature's. */
  const webhookBody = (type: string, paymentId: string) =>
    JSON.stringify({ type, timestamp: new Date().toISOString(), data: { storeId: fake.storeId, paymentId, transactionId: fake.payments.get(paymentId)?.transactionId } });
  const webhook = (body: string, headers = fake.signWebhook(body)) => post('/portone/webhook', body, { 'Content-Type': 'application/json', ...headers });
  /** The buyer pays the order in PortOne's window: a PAID payment under its paymentId. */
  const pay = (order: ExampleOrder, fields: Record<string, unknown> = {}) =>
    fake.addPayment({
      id: order.paymentId,
      amount: { total: order.amount, taxFree: 0, discount: 0, paid: order.amount, cancelled: 0, cancelledTaxFree: 0 },
      currency: order.currency,
      ...fields,
    });
  const cancels = (order: ExampleOrder) => fake.requests.filter((r) => r.method === 'POST' && r.path === `/payments/${order.paymentId}/cancel`);
  /** An order paid and confirmed by the page's report. */
  const paidOrder = async (orderId: string) => {
    const order = await example.createOrder(orderId, 2000, 'USD');
    const payment = pay(order);
    assert.deepEqual(await complete({ orderId }), [200, { status: 'paid' }]);
    return { order, payment };
  };
  return { fake, example, port, complete, webhookBody, webhook, pay, cancels, paidOrder, fulfilled };
}

test("the README's V2 example creates an order with a paymentId of its own, pre-registered at the order's price in minor units", async (t) => {
  const { fake, example } = await startExample(t);
  const order = await example.createOrder('order_1001', 2000, 'USD');
  assert.match(order.paymentId, /^pay-[0-9a-f-]{36}$/);
  assert.ok(order.paymentId.length <= 40, 'the widget takes at most 40 characters');
  assert.deepEqual(fake.preRegistered.get(order.paymentId), { totalAmount: 2000, currency: 'USD' });
  assert.deepEqual(example.orders.get('order_1001'), { id: 'order_1001', paymentId: order.paymentId, amount: 2000, currency: 'USD', status: 'pending', refunded: 0 });
  assert.notEqual((await example.createOrder('order_1002', 2000, 'USD')).paymentId, order.paymentId, 'one paymentId per order');

  // Not pre-registered: no order the page could take a payment for.
  fake.injectFault({ type: 'error', status: 400, errorType: 'INVALID_REQUEST', message: 'currency' });
  await assert.rejects(example.createOrder('order_1003', 2000, 'USD'), { name: 'PortOneApiError', kind: 'http' });
  assert.equal(example.orders.has('order_1003'), false);
});

test("the README's V2 example marks a paid order paid once, whoever reports it: the page, its retry, the webhook and PortOne's resend at the same time", async (t) => {
  const { example, complete, webhook, webhookBody, pay, fulfilled } = await startExample(t);
  const order = await example.createOrder('order_1001', 2000, 'USD');
  // The page's report before PortOne has the payment: not paid yet, nothing marked.
  assert.deepEqual(await complete({ orderId: 'order_1001' }), [409, { status: 'not-paid' }]);
  assert.equal(order.status, 'pending');

  const payment = pay(order);
  const body = webhookBody('Transaction.Paid', order.paymentId);
  const answers = await Promise.all([complete({ orderId: 'order_1001' }), complete({ orderId: 'order_1001' }), webhook(body), webhook(body)]);
  assert.deepEqual(answers, [[200, { status: 'paid' }], [200, { status: 'paid' }], [200, { received: true }], [200, { received: true }]]);
  assert.deepEqual(fulfilled(), ['order order_1001 paid'], 'fulfilled once');
  assert.deepEqual([order.status, order.transactionId, order.email], ['paid', payment.transactionId, 'jack@example.com']);

  // Later reports change nothing.
  assert.deepEqual(await complete({ orderId: 'order_1001' }), [200, { status: 'paid' }]);
  assert.deepEqual(fulfilled(), ['order order_1001 paid']);
});

test("the README's V2 example refuses a payment for another order at the same price: it verifies the paymentId it stored, never one the page names", async (t) => {
  const { fake, example, complete, pay, fulfilled } = await startExample(t);
  const paid = await example.createOrder('order_a', 2000, 'USD');
  const unpaid = await example.createOrder('order_b', 2000, 'USD');
  const payment = pay(paid);
  // The buyer paid order A and reports order B, with A's ids in the body.
  assert.deepEqual(await complete({ orderId: 'order_b', paymentId: paid.paymentId, txId: payment.transactionId }), [409, { status: 'not-paid' }]);
  assert.deepEqual([unpaid.status, paid.status], ['pending', 'pending']);
  assert.deepEqual(
    fake.requests.filter((r) => r.method === 'GET').map((r) => r.path),
    [`/payments/${unpaid.paymentId}`],
    'PortOne is asked about B\'s own paymentId only',
  );
  assert.deepEqual(fulfilled(), []);

  // B's own paymentId, paid for less, in another currency or on the test channel: not paid either.
  const cheaper = await example.createOrder('order_c', 2000, 'USD');
  pay(cheaper, { amount: { total: 200, taxFree: 0, discount: 0, paid: 200, cancelled: 0, cancelledTaxFree: 0 } });
  assert.deepEqual(await complete({ orderId: 'order_c' }), [409, { status: 'amount-mismatch' }]);
  const won = await example.createOrder('order_d', 2000, 'USD');
  pay(won, { currency: 'KRW' });
  assert.deepEqual(await complete({ orderId: 'order_d' }), [409, { status: 'currency-mismatch' }]);
  const test_ = await example.createOrder('order_e', 2000, 'USD');
  pay(test_, { channel: { type: 'TEST', key: 'k', pgProvider: 'PAYMENTWALL' } });
  assert.deepEqual(await complete({ orderId: 'order_e' }), [409, { status: 'test-payment' }]);
  assert.deepEqual(await complete({ orderId: 'order_zzz' }), [404, { status: 'unknown-order' }]);
  assert.deepEqual(fulfilled(), []);

  // A's own report is what marks A.
  assert.deepEqual(await complete({ orderId: 'order_a' }), [200, { status: 'paid' }]);
  assert.deepEqual(fulfilled(), ['order order_a paid']);
});

test("the README's V2 example refuses a webhook with a bad signature (401), asks PortOne nothing and changes nothing", async (t) => {
  const { fake, example, port, webhook, webhookBody, pay, fulfilled } = await startExample(t);
  const order = await example.createOrder('order_1001', 2000, 'USD');
  pay(order);
  const body = webhookBody('Transaction.Paid', order.paymentId);
  const before = fake.requests.length;
  const forged = fake.signWebhook(body, { secrets: [`whsec_${Buffer.from('not the shop secret, 32 bytes!!').toString('base64')}`] });
  assert.deepEqual(await webhook(body, forged), [401, { status: 'unauthorized' }]);
  // Signed for another body: the amount or the id changed on the way.
  assert.deepEqual(await webhook(body, fake.signWebhook(body.replace('Transaction.Paid', 'Transaction.Ready'))), [401, { status: 'unauthorized' }]);
  assert.deepEqual(await webhook(body, fake.signWebhook(body, { timestamp: new Date(Date.now() - 10 * 60_000) })), [401, { status: 'unauthorized' }]);
  const unsigned = await fetch(`http://127.0.0.1:${port}/portone/webhook`, { method: 'POST', body });
  assert.equal(unsigned.status, 401);
  assert.equal(fake.requests.length, before, 'nothing asked of PortOne');
  assert.deepEqual([order.status, fulfilled()], ['pending', []]);

  const oversized = await fetch(`http://127.0.0.1:${port}/portone/webhook`, { method: 'POST', body: 'x'.repeat(64 * 1024 + 1) });
  assert.equal(oversized.status, 413, 'a body over 64 KiB is not buffered');
});

test("the README's V2 example answers a webhook it could not handle with 500, so that PortOne sends it again, and a replay of one it handled acts no more", async (t) => {
  const { fake, example, webhook, webhookBody, pay, fulfilled } = await startExample(t);
  const order = await example.createOrder('order_1001', 2000, 'USD');
  pay(order);
  const body = webhookBody('Transaction.Paid', order.paymentId);
  const headers = fake.signWebhook(body);
  const read = `/payments/${order.paymentId}`;
  const internal = { type: 'error', status: 500, errorType: 'INTERNAL_SERVER_ERROR', message: 'internal' } as const;
  const error = t.mock.method(console, 'error', () => {});
  // PortOne's own 500 when handleWebhook reads the payment back: not handled, not answered 2xx.
  fake.injectFault(internal, read);
  assert.deepEqual(await webhook(body, headers), [500, { status: 'error' }]);
  // PortOne's resend (same webhook-id, a new signature time): read back, but verifyPayment's read fails.
  const resent = () => fake.signWebhook(body, { id: headers['webhook-id'] });
  fake.injectFault({ type: 'late', ms: 0 }, read);
  fake.injectFault(internal, read);
  assert.deepEqual(await webhook(body, resent()), [500, { status: 'error' }]);
  assert.equal(error.mock.callCount(), 2);
  assert.deepEqual([order.status, fulfilled()], ['pending', []]);
  // The next resend is handled; then a replay of the first delivery within its 5 minutes.
  assert.deepEqual(await webhook(body, resent()), [200, { received: true }]);
  assert.deepEqual(await webhook(body, headers), [200, { received: true }]);
  assert.deepEqual([order.status, fulfilled()], ['paid', ['order order_1001 paid']]);
});

test("the README's V2 example repeats a refund whose first call timed out with the same key, through PortOne's in-progress answer, and refunds once", async (t) => {
  const { fake, example, cancels, paidOrder } = await startExample(t);
  const { order } = await paidOrder('order_1001');
  // PortOne makes the refund, but its answer comes after the time limit; the repeat finds the first call still running.
  fake.injectFault({ type: 'late', ms: SLOW_TIMEOUT_MS * 3 }, `/payments/${order.paymentId}/cancel`);
  fake.injectFault({ type: 'error', status: 409, errorType: 'IDEMPOTENCY_OUTSTANDING_REQUEST', message: '요청이 처리 중입니다.' }, `/payments/${order.paymentId}/cancel`);
  await example.refund('order_1001', 500);

  const sent = cancels(order);
  assert.equal(sent.length, 3, 'the call, its repeat after the timeout, its repeat after in-progress');
  const keys = new Set(sent.map((r) => r.headers['idempotency-key']));
  assert.equal(keys.size, 1, 'one key for the one refund');
  assert.deepEqual(sent.map((r) => r.body), Array(3).fill({ amount: 500, currentCancellableAmount: 2000, reason: 'Refund requested by the buyer' }));
  assert.equal((fake.payments.get(order.paymentId)?.amount as { cancelled: number }).cancelled, 500, 'refunded once');
  assert.deepEqual([order.status, order.refunded, order.refund], ['paid', 500, undefined]);

  // The next refund is another request: a key of its own. The whole rest cancels the order.
  await example.refund('order_1001', 1500);
  const next = cancels(order).at(-1);
  assert.ok(!keys.has(next?.headers['idempotency-key'] as string), 'a new key for a new refund');
  assert.deepEqual(next?.body, { amount: 1500, currentCancellableAmount: 1500, reason: 'Refund requested by the buyer' });
  assert.deepEqual([order.status, order.refunded], ['cancelled', 2000]);
  await assert.rejects(example.refund('order_1001', 1), /not paid/);
});

test("the README's V2 example keeps a refund whose outcome stays unknown, and a later call sends it again with the same key", async (t) => {
  const { fake, example, cancels, paidOrder } = await startExample(t);
  const { order } = await paidOrder('order_1001');
  const path = `/payments/${order.paymentId}/cancel`;
  // Three lost answers, the first after PortOne made the refund.
  fake.injectFault({ type: 'late', ms: SLOW_TIMEOUT_MS * 3 }, path);
  fake.injectFault({ type: 'status', status: 502 }, path);
  fake.injectFault({ type: 'drop' }, path);
  await assert.rejects(example.refund('order_1001', 500), { name: 'PortOneApiError', kind: 'network' });
  assert.ok(order.refund, 'still stored: the outcome is unknown');
  await assert.rejects(example.refund('order_1001', 500), /on its way/, 'no second refund meanwhile');
  await assert.rejects(example.delivered('order_1001'), /do not deliver/);
  assert.equal(cancels(order).length, 3);
  // A job, later.
  await example.sendRefund('order_1001');
  const keys = new Set(cancels(order).map((r) => r.headers['idempotency-key']));
  assert.deepEqual([cancels(order).length, keys.size], [4, 1]);
  assert.equal((fake.payments.get(order.paymentId)?.amount as { cancelled: number }).cancelled, 500, 'refunded once');
  assert.deepEqual([order.refunded, order.refund], [500, undefined]);

  // A cancellation the PG refused: nothing on its way, and the next refund is a new request.
  fake.cancelOutcome = 'FAILED';
  await assert.rejects(example.refund('order_1001', 500), { name: 'PortOneApiError', kind: 'api' });
  assert.equal(order.refund, undefined);
  fake.cancelOutcome = 'SUCCEEDED';
  await example.refund('order_1001', 500);
  assert.equal(new Set(cancels(order).map((r) => r.headers['idempotency-key'])).size, 3);
  assert.equal(order.refunded, 1000);
});

test("the README's V2 example records a REQUESTED refund as requested, not done, until its webhook says it landed", async (t) => {
  const { fake, example, cancels, complete, webhook, webhookBody, paidOrder } = await startExample(t);
  const { order } = await paidOrder('order_1001');
  fake.cancelOutcome = 'REQUESTED';
  await example.refund('order_1001', 500);
  assert.deepEqual([order.refunded, order.refund?.requested, order.status], [0, true, 'paid']);
  // Never sent again, nor delivered, nor reported paid while it is on its way.
  await example.sendRefund('order_1001');
  await assert.rejects(example.refund('order_1001', 500), /on its way/);
  assert.equal(cancels(order).length, 1);
  await assert.rejects(example.delivered('order_1001'), /do not deliver/);
  assert.deepEqual(await complete({ orderId: 'order_1001' }), [409, { status: 'cancelled' }]);

  // The PG finishes it; its webhook, and a resend of it, record it once.
  assert.deepEqual(fake.completeRequestedCancels(), [order.paymentId]);
  const body = webhookBody('Transaction.PartialCancelled', order.paymentId);
  assert.deepEqual(await webhook(body), [200, { received: true }]);
  assert.deepEqual(await webhook(body), [200, { received: true }]);
  assert.deepEqual([order.refunded, order.refund, order.status], [500, undefined, 'paid']);

  // The rest, REQUESTED as well: the order is cancelled only once it lands.
  await example.refund('order_1001', 1500);
  assert.equal(order.status, 'paid');
  fake.completeRequestedCancels();
  assert.deepEqual(await webhook(webhookBody('Transaction.Cancelled', order.paymentId)), [200, { received: true }]);
  assert.deepEqual([order.refunded, order.status], [2000, 'cancelled']);
});

test("the README's V2 example confirms delivery by the payment's transactionId, not its paymentId, and only for a paid order", async (t) => {
  const { fake, example, paidOrder } = await startExample(t);
  await example.createOrder('order_1000', 2000, 'USD');
  await assert.rejects(example.delivered('order_1000'), /do not deliver/);
  const { order, payment } = await paidOrder('order_1001');
  // The first answer is lost: the repeat carries the same key, and PortOne answers with the first result.
  fake.injectFault({ type: 'late', ms: SLOW_TIMEOUT_MS * 3 }, '/paymentwall/delivery/confirm');
  await example.delivered('order_1001');
  assert.equal(fake.deliveries.length, 1, 'confirmed once');
  const [delivery] = fake.deliveries;
  assert.equal(delivery?.transactionId, payment.transactionId);
  assert.notEqual(delivery?.transactionId, order.paymentId);
  assert.deepEqual([delivery?.deliveryType, delivery?.deliveryStatus, delivery?.shippingAddressEmail], ['DIGITAL', 'DELIVERED', 'jack@example.com']);
  const sent = fake.requests.filter((r) => r.path === '/paymentwall/delivery/confirm');
  assert.deepEqual([sent.length, new Set(sent.map((r) => r.headers['idempotency-key'])).size], [2, 1]);
});
