// The README's complete server example, run as written against the local fake: only the import
// (to this checkout's source), the fake's address and the listening port are swapped in. And its
// Express route for V2 webhooks, run as written with a stand-in for Express.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test, type TestContext } from 'node:test';
import { PaymentVerificationError, PortOneClient, PortOneInputError, PortOneV2Client, WebhookVerificationError, type Payment } from '../../src/server/index.js';
import { FakePortOne } from './fake-portone.js';
import { setupV2 } from './harness.js';
import { readmeExample, runExample } from './readme-code.js';

type ExampleOrder = Record<string, unknown> & { billing?: Record<string, unknown> };

interface Example {
  server: import('node:http').Server;
  orders: Map<string, ExampleOrder>;
  chargeAgain(order: unknown, period: string): Promise<{ status: string; merchantUid: string }>;
  refund(merchantUid: string, amount: number): Promise<void>;
  removeCard(merchantUid: string): Promise<void>;
  shipped(merchantUid: string, trackingId: string): Promise<void>;
  onWebhook(payment: Payment): Promise<void>;
}

/** The example, running against a fresh fake: each call loads its own copy, with its own orders. */
async function startExample(t: TestContext) {
  const fake = await FakePortOne.start();
  t.after(() => fake.close());
  Object.assign(process.env, { PORTONE_API_KEY: fake.apiKey, PORTONE_API_SECRET: fake.apiSecret, PORTONE_BASE_URL: fake.baseUrl });
  // Only the fake's address is swapped in beyond what every example needs.
  const source = readmeExample('On the server (`server.mjs`', [
    ['  apiSecret: process.env.PORTONE_API_SECRET,\n', '  apiSecret: process.env.PORTONE_API_SECRET,\n  baseUrl: process.env.PORTONE_BASE_URL,\n'],
  ]);
  const { example, port } = await runExample<Example>(t, source, 'server.mjs');
  const post = async (path: string, body: unknown): Promise<[number, unknown]> => {
    const res = await fetch(`http://127.0.0.1:${port}${path}`, { method: 'POST', body: JSON.stringify(body) });
    return [res.status, await res.json()];
  };
  // What handleWebhook hands onWebhook: the payment read back from PortOne.
  const reader = new PortOneClient({ apiKey: fake.apiKey, apiSecret: fake.apiSecret, baseUrl: fake.baseUrl });
  const webhook = async (impUid: unknown) => example.onWebhook(await reader.getPayment(impUid as string));
  const cancels = (impUid: unknown) => fake.apiRequests().filter((r) => r.path === '/payments/cancel' && r.body.imp_uid === impUid);
  const order = (id: string, status = 'pending') => {
    const made: ExampleOrder = { amount: 20, currency: 'USD', status, email: 'jack@example.com', refunded: 0 };
    example.orders.set(id, made);
    return made;
  };
  return { fake, example, port, post, webhook, cancels, order };
}

test("the README's server example verifies, refuses an oversized body and a stranger's webhook, renews, refunds and removes a card", { timeout: 10_000 }, async (t) => {
  const { fake, example, port, post, webhook, cancels, order: newOrder } = await startExample(t);

  const paid = fake.addPayment({ merchant_uid: 'order_1001', amount: 20, currency: 'USD', customer_uid: 'cust_1001', buyer_email: 'jack@example.com' });
  const other = fake.addPayment({ merchant_uid: 'order_9999', amount: 20, currency: 'USD' });
  assert.deepEqual(await post('/payments/complete', { impUid: other.imp_uid, merchantUid: 'order_1001' }), [409, { status: 'merchant-uid-mismatch' }]);
  assert.deepEqual(await post('/payments/complete', { impUid: paid.imp_uid, merchantUid: 'order_1001' }), [200, { status: 'paid' }]);
  const order = example.orders.get('order_1001');
  assert.equal(order?.status, 'paid');
  assert.equal(order?.billing?.customerUid, 'cust_1001');

  assert.deepEqual(await post('/payments/complete', { merchantUid: 'order_1001' }), [400, { status: 'bad-request' }], 'no impUid: nothing to ask PortOne');

  // A report naming a payment PortOne does not know (anyone can send one): refused, not a 500 and a stack trace.
  const logged: unknown[] = [];
  const { error } = console;
  console.error = (...args: unknown[]) => logged.push(args);
  try {
    assert.deepEqual(await post('/payments/complete', { impUid: 'imp_000000000000', merchantUid: 'order_1001' }), [404, { status: 'unknown-payment' }]);
  } finally {
    console.error = error;
  }
  assert.deepEqual(logged, [], 'nothing logged for a made-up impUid');

  const garbled = await fetch(`http://127.0.0.1:${port}/payments/complete`, { method: 'POST', body: '{"impUid":' });
  assert.deepEqual([garbled.status, await garbled.json()], [400, { status: 'bad-request' }], 'a body that is not JSON is the client\'s mistake');

  const oversized = await fetch(`http://127.0.0.1:${port}/payments/complete`, { method: 'POST', body: 'x'.repeat(64 * 1024 + 1) });
  assert.equal(oversized.status, 413, 'a body over 64 KiB is not buffered');

  const before = fake.requests.length;
  assert.deepEqual(await post('/portone/webhook', { imp_uid: paid.imp_uid }), [403, { status: 'forbidden' }], '127.0.0.1 is not PortOne');
  assert.equal(fake.requests.length, before, 'nothing asked of PortOne for a stranger');

  fake.addBillingKey('cust_1001');
  const renewal = await example.chargeAgain(order, '2026-07');
  assert.deepEqual([renewal.status, renewal.merchantUid], ['paid', 'renew_cust_1001_2026-07']);
  // A reply that is not this charge's, and the order's latest payment of another amount: not taken as the renewal.
  const stray = fake.addPayment({ merchant_uid: 'renew_cust_1001_2026-08', customer_uid: 'cust_1001', amount: 1, currency: 'USD' });
  fake.injectFault({ type: 'envelope', code: 0, message: '', response: stray }, '/subscribe/payments/again');
  await assert.rejects(example.chargeAgain(order, '2026-08'), /holds a payment of another amount or currency/);

  await example.refund('order_1001', 5);
  assert.equal(order?.refundPending, true, 'a Paymentwall refund waits for the callback');
  const refund = fake.apiRequests().find((r) => r.path === '/payments/cancel');
  assert.deepEqual(refund?.body, { imp_uid: paid.imp_uid, amount: 5, checksum: 20, reason: 'Refund requested by the buyer', enable_webhook: true });

  await example.removeCard('order_1001');
  assert.equal(fake.customers.has('cust_1001'), false);
  assert.equal(order?.billing, undefined);

  // An order the shop closed, paid after all (Paymentwall's fraud review approved it late): the
  // 'paid' webhook, repeated, refunds it once; the buyer's own report of it ships nothing.
  const closed = newOrder('order_1002', 'closed');
  const late = fake.addPayment({ merchant_uid: 'order_1002', amount: 20, currency: 'USD' });
  await webhook(late.imp_uid);
  await webhook(late.imp_uid);
  assert.deepEqual(await post('/payments/complete', { impUid: late.imp_uid, merchantUid: 'order_1002' }), [409, { status: 'refunding' }]);
  assert.equal(cancels(late.imp_uid).length, 1, 'one refund, however often the payment is reported');
  assert.equal(closed.status, 'refunding');

  // The webhook before the browser: the order is paid once, and the browser's report still
  // brings the buyer's IP that later charges send to Paymentwall.
  const pending = newOrder('order_1003');
  const early = fake.addPayment({ merchant_uid: 'order_1003', amount: 20, currency: 'USD', customer_uid: 'cust_1003', buyer_email: 'jack@example.com' });
  await webhook(early.imp_uid);
  assert.equal(pending.billing?.browserIp, undefined);
  assert.deepEqual(await post('/payments/complete', { impUid: early.imp_uid, merchantUid: 'order_1003' }), [200, { status: 'paid' }]);
  assert.equal(pending.billing?.browserIp, '127.0.0.1');
});

test("the README's example answers a bad value in its own order data as its own error (500, logged), not as the buyer's bad request", { timeout: 10_000 }, async (t) => {
  const { fake, example, post } = await startExample(t);
  // node-postgres hands a NUMERIC column over as a string.
  example.orders.set('o_str', { amount: '20', currency: 'USD', status: 'pending', email: 'jack@example.com', refunded: 0 });
  const p = fake.addPayment({ merchant_uid: 'o_str', amount: 20, currency: 'USD' });
  const logged: unknown[][] = [];
  const { error } = console;
  console.error = (...args: unknown[]) => logged.push(args);
  try {
    assert.deepEqual(await post('/payments/complete', { impUid: p.imp_uid, merchantUid: 'o_str' }), [500, { status: 'error' }]);
    // The buyer's own malformed impUid is still the request's mistake: 400, nothing logged.
    assert.deepEqual(await post('/payments/complete', { impUid: 42, merchantUid: 'o_str' }), [400, { status: 'bad-request' }]);
  } finally {
    console.error = error;
  }
  assert.equal(logged.length, 1);
  const [[logged0]] = logged as [[unknown]];
  assert.ok(logged0 instanceof PortOneInputError && logged0.field === 'amount', String(logged0));
});

test("the README's example keeps one payment per order and refunds any other once: a second payment, a closed order's, whatever the reports", { timeout: 10_000 }, async (t) => {
  const { fake, example, post, webhook, cancels, order } = await startExample(t);
  // Paymentwall reported the first payment failed while it reviewed it; the buyer paid again.
  const o = order('o_dup');
  const first = fake.addPayment({ merchant_uid: 'o_dup', amount: 20, currency: 'USD', status: 'failed', paid_at: 0 });
  const second = fake.addPayment({ merchant_uid: 'o_dup', amount: 20, currency: 'USD' });
  assert.deepEqual(await post('/payments/complete', { impUid: second.imp_uid, merchantUid: 'o_dup' }), [200, { status: 'paid' }]);
  // The review approves the first: its 'paid' webhook, twice.
  Object.assign(first, { status: 'paid', paid_at: fake.now });
  await webhook(first.imp_uid);
  await webhook(first.imp_uid);
  assert.deepEqual(await post('/payments/complete', { impUid: first.imp_uid, merchantUid: 'o_dup' }), [409, { status: 'duplicate' }]);
  assert.equal(cancels(first.imp_uid).length, 1, 'the second payment is refunded, once');
  assert.equal(cancels(second.imp_uid).length, 0);
  // Its refund landing is not the order's: the order stays paid by the payment it kept.
  fake.completePaymentwallCancels();
  await webhook(first.imp_uid);
  assert.deepEqual([o.status, o.refunded, o.impUid], ['paid', 0, second.imp_uid]);

  // A closed order paid late twice: each payment refunded once.
  const closed = order('o_closed', 'closed');
  const a = fake.addPayment({ merchant_uid: 'o_closed', amount: 20, currency: 'USD' });
  const b = fake.addPayment({ merchant_uid: 'o_closed', amount: 20, currency: 'USD' });
  await Promise.all([webhook(a.imp_uid), webhook(a.imp_uid), post('/payments/complete', { impUid: a.imp_uid, merchantUid: 'o_closed' })]);
  await webhook(b.imp_uid);
  assert.deepEqual([cancels(a.imp_uid).length, cancels(b.imp_uid).length, closed.status], [1, 1, 'refunding']);

  // A cancel whose answer is lost: it may have reached PortOne, so no report sends it again.
  const lost = order('o_lost', 'closed');
  const c = fake.addPayment({ merchant_uid: 'o_lost', amount: 20, currency: 'USD' });
  fake.injectFault({ type: 'drop' }, '/payments/cancel');
  await assert.rejects(webhook(c.imp_uid), { name: 'PortOneApiError', kind: 'network' });
  assert.deepEqual(await post('/payments/complete', { impUid: c.imp_uid, merchantUid: 'o_lost' }), [409, { status: 'refunding' }]);
  await webhook(c.imp_uid);
  assert.deepEqual([cancels(c.imp_uid).length, lost.status], [1, 'refunding']);

  // A payment refunded in part before the shop heard of it: no webhook fulfils it.
  const part = order('o_part');
  const p = fake.addPayment({ merchant_uid: 'o_part', amount: 20, currency: 'USD', cancel_amount: 15 });
  await webhook(p.imp_uid);
  await webhook(p.imp_uid);
  assert.equal(part.status, 'pending');
  await assert.rejects(example.shipped('o_part', 'TRACK-1'), /do not ship/);
});

test("the README's example refund: one cancel however often it is asked, pending until PortOne tells", { timeout: 10_000 }, async (t) => {
  const { fake, example, post, webhook, cancels, order } = await startExample(t);
  const o = order('o_ref');
  const p = fake.addPayment({ merchant_uid: 'o_ref', amount: 20, currency: 'USD' });
  await post('/payments/complete', { impUid: p.imp_uid, merchantUid: 'o_ref' });
  // A double click: the second is refused before anything is sent.
  const clicks = await Promise.allSettled([example.refund('o_ref', 5), example.refund('o_ref', 5)]);
  assert.deepEqual(clicks.map((r) => r.status), ['fulfilled', 'rejected']);
  assert.equal(cancels(p.imp_uid).length, 1);
  await assert.rejects(example.shipped('o_ref', 'TRACK-1'), /do not ship/, 'nothing ships while a refund is on its way');
  // Paymentwall's callback, then the webhook: the refund is done, and the order can refund again.
  fake.completePaymentwallCancels();
  await webhook(p.imp_uid);
  assert.deepEqual([o.refunded, o.refundPending], [5, false]);

  // A cancel whose answer is lost stays pending: the next refund() sends nothing.
  fake.injectFault({ type: 'drop' }, '/payments/cancel');
  await assert.rejects(example.refund('o_ref', 5), { kind: 'network' });
  await assert.rejects(example.refund('o_ref', 5), /still on its way/);
  assert.equal(cancels(p.imp_uid).length, 2);
  // PortOne's refusal (here: a checksum that no longer matches) leaves nothing pending.
  o.refundPending = false;
  fake.injectFault({ type: 'envelope', code: 1, message: '취소가능잔액 검증에 실패하였습니다.' }, '/payments/cancel');
  await assert.rejects(example.refund('o_ref', 5), { kind: 'api' });
  assert.equal(o.refundPending, false);
});

test("the README's example refund of the whole balance that PortOne reports done cancels the order: its webhook changes nothing, and nothing ships", { timeout: 10_000 }, async (t) => {
  const { fake, example, post, webhook, order } = await startExample(t);
  // Another PG refunds at once, so PortOne's reply shows the payment cancelled.
  const full = order('o_full');
  const p = fake.addPayment({ merchant_uid: 'o_full', amount: 20, currency: 'USD', pg_provider: 'html5_inicis' });
  assert.deepEqual(await post('/payments/complete', { impUid: p.imp_uid, merchantUid: 'o_full' }), [200, { status: 'paid' }]);
  await example.refund('o_full', 20);
  assert.equal(fake.payments.get(p.imp_uid as string)?.status, 'cancelled');
  assert.deepEqual([full.status, full.refunded, full.refundPending], ['cancelled', 20, false]);
  // The 'cancelled' webhook enableWebhook asked for finds the refund already recorded.
  await webhook(p.imp_uid);
  assert.equal(full.status, 'cancelled');
  await assert.rejects(example.shipped('o_full', 'TRACK-1'), /do not ship/);

  // Paymentwall's callback arrived before PortOne answered the cancel: the reply shows it done too.
  const early = order('o_pw');
  const q = fake.addPayment({ merchant_uid: 'o_pw', amount: 20, currency: 'USD' });
  await post('/payments/complete', { impUid: q.imp_uid, merchantUid: 'o_pw' });
  Object.assign(q, { status: 'cancelled', cancel_amount: 20, cancelled_at: fake.now });
  fake.injectFault({ type: 'envelope', code: 0, message: '', response: q }, '/payments/cancel');
  await example.refund('o_pw', 20);
  await webhook(q.imp_uid);
  assert.deepEqual([early.status, early.refunded, early.refundPending], ['cancelled', 20, false]);
  await assert.rejects(example.shipped('o_pw', 'TRACK-1'), /do not ship/);
  assert.equal(fake.deliveries.length, 0, 'no delivery registered for a refunded order');

  // A part of the balance refunded at once: the order stays paid, and the rest may ship.
  const part = order('o_part');
  const r = fake.addPayment({ merchant_uid: 'o_part', amount: 20, currency: 'USD', pg_provider: 'html5_inicis' });
  await post('/payments/complete', { impUid: r.imp_uid, merchantUid: 'o_part' });
  await example.refund('o_part', 5);
  assert.deepEqual([part.status, part.refunded, part.refundPending], ['paid', 5, false]);
});

test("the README's example renewal is an order: a late 'paid' webhook for it finds it and is kept", { timeout: 10_000 }, async (t) => {
  const { fake, example, webhook, cancels, order } = await startExample(t);
  const o = order('o_sub', 'paid');
  o.billing = { customerUid: 'cust_9', buyerEmail: 'jack@example.com', browserIp: '203.0.113.9' };
  fake.addBillingKey('cust_9');
  // Declined while Paymentwall reviews it.
  const merchantUid = 'renew_cust_9_2026-07';
  const held = fake.addPayment({ merchant_uid: merchantUid, customer_uid: 'cust_9', amount: 20, currency: 'USD', status: 'failed', paid_at: 0, fail_reason: 'under review' });
  fake.injectFault({ type: 'envelope', code: 0, message: '', response: held }, '/subscribe/payments/again');
  await assert.rejects(example.chargeAgain(o, '2026-07'), /renewal not paid/);
  assert.equal(example.orders.get(merchantUid)?.status, 'pending');
  // The review approves it: its webhook finds the renewal, which keeps it.
  Object.assign(held, { status: 'paid', paid_at: fake.now });
  await webhook(held.imp_uid);
  assert.equal(example.orders.get(merchantUid)?.status, 'paid');
  assert.equal(cancels(held.imp_uid).length, 0);
});

test("the README's example renewal whose outcome is unknown charges no second time at once: called again later, it looks first", { timeout: 10_000 }, async (t) => {
  const { fake, example, order } = await startExample(t);
  const o = order('o_sub', 'paid');
  o.billing = { customerUid: 'cust_9', buyerEmail: 'jack@example.com', browserIp: '203.0.113.9' };
  fake.addBillingKey('cust_9');
  const CHARGE = '/subscribe/payments/again';
  // A minute passes for the renewal's mark, as for a job that runs again a minute later.
  const minuteLater = (merchantUid: string) => {
    const renewal = example.orders.get(merchantUid) as { chargingSince?: number };
    if (renewal.chargingSince !== undefined) renewal.chargingSince -= 60_000;
  };
  // The answer is lost, and PortOne has nothing yet when asked at once.
  fake.injectFault({ type: 'drop' }, CHARGE);
  await assert.rejects(example.chargeAgain(o, '2026-07'), /not known yet/);
  assert.equal(fake.count(CHARGE), 1, 'no second charge while the first may be under way');
  // Called again at once (a job runner's automatic retry, another worker): PortOne would still find
  // nothing, so the call is turned away before it looks, let alone charges.
  await assert.rejects(example.chargeAgain(o, '2026-07'), /under way/);
  assert.equal(fake.count(CHARGE), 1, 'no second charge right after an unknown outcome');
  // It was under way: a minute later PortOne has it, and the job's call takes it without charging.
  fake.addPayment({ merchant_uid: 'renew_cust_9_2026-07', customer_uid: 'cust_9', amount: 20, currency: 'USD' });
  minuteLater('renew_cust_9_2026-07');
  assert.equal((await example.chargeAgain(o, '2026-07')).status, 'paid');
  assert.equal(fake.count(CHARGE), 1);
  assert.equal(example.orders.get('renew_cust_9_2026-07')?.status, 'paid');
  // A charge PortOne never got: the job's call a minute later finds nothing still, and charges under the same merchantUid.
  fake.injectFault({ type: 'drop' }, CHARGE);
  await assert.rejects(example.chargeAgain(o, '2026-08'), /not known yet/);
  minuteLater('renew_cust_9_2026-08');
  const renewal = await example.chargeAgain(o, '2026-08');
  assert.deepEqual([renewal.status, renewal.merchantUid, fake.count(CHARGE)], ['paid', 'renew_cust_9_2026-08', 3]);
  // A proxy's 401, not PortOne's: the client does not send the charge again, and the example takes
  // it for an outcome not known yet, not for a refusal.
  fake.injectFault({ type: 'status', status: 401 }, CHARGE);
  await assert.rejects(example.chargeAgain(o, '2026-09'), /not known yet/);
  assert.equal(fake.count(CHARGE), 4);
});

test("the README's example renewal called again while its charge is under way (an overlapping job run, a second worker) sends no second charge", { timeout: 10_000 }, async (t) => {
  const { fake, example, order } = await startExample(t);
  const o = order('o_sub', 'paid');
  o.billing = { customerUid: 'cust_9', buyerEmail: 'jack@example.com', browserIp: '203.0.113.9' };
  fake.addBillingKey('cust_9');
  const CHARGE = '/subscribe/payments/again';
  // The first charge is still with Paymentwall: PortOne finds nothing for the order meanwhile.
  fake.injectFault({ type: 'slow', ms: 500 }, CHARGE);
  const first = example.chargeAgain(o, '2026-07');
  await new Promise((resolve) => setTimeout(resolve, 50));
  await assert.rejects(example.chargeAgain(o, '2026-07'), /under way/);
  assert.deepEqual([(await first).status, fake.count(CHARGE)], ['paid', 1]);
  // Once the first call has ended, a call for the period looks first and charges nothing more.
  assert.equal((await example.chargeAgain(o, '2026-07')).status, 'paid');
  assert.equal(fake.count(CHARGE), 1);
  assert.equal(example.orders.get('renew_cust_9_2026-07')?.status, 'paid');
});

/** The README's Express route for V2 webhooks, as written, as a function of what it uses. */
function expressWebhookSource(): string {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const from = readme.indexOf("app.post('/portone/webhook'");
  const to = readme.indexOf('\n});\n', from);
  assert.ok(from !== -1 && to !== -1, 'the README has the Express V2 webhook route');
  return readme.slice(from, to + 4);
}

/** The README's node:http handler for V2 webhooks, as written. */
function nodeWebhookSource(): string {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const from = readme.indexOf('async function webhookV2(req, res) {');
  const to = readme.indexOf('\n}\n', from);
  assert.ok(from !== -1 && to !== -1, 'the README has the node:http V2 webhook handler');
  return `${readme.slice(from, to + 2)}\nreturn webhookV2;`;
}

type V2Order = { paymentId: string; amountInMinorUnits: number; currency: string; status?: string };
type Seen = { status?: number; next?: unknown };

/**
 * Both README V2 webhook handlers, each run as written with stand-ins for Express, `readBody` and
 * the shop's `ordersV2` and `fulfilV2`: `send` posts one webhook to each and returns what each did.
 */
function v2WebhookHandlers(client: PortOneV2Client) {
  type Handler = (req: unknown, res: unknown, next: (error?: unknown) => void) => Promise<void>;
  const routes: { path: string; parser: unknown; handler: Handler }[] = [];
  const app = { post: (path: string, parser: unknown, handler: Handler) => routes.push({ path, parser, handler }) };
  const express = { raw: (options: unknown) => ({ raw: options }) };
  const fulfilled: { via: string; payment: unknown }[] = [];
  const fulfilVia = (via: string) => async (_order: unknown, payment: unknown) => void fulfilled.push({ via, payment });
  const ordersV2 = new Map<string, V2Order>();
  new Function('app', 'express', 'portone', 'WebhookVerificationError', 'PaymentVerificationError', 'ordersV2', 'fulfilV2', expressWebhookSource())(
    app, express, client, WebhookVerificationError, PaymentVerificationError, ordersV2, fulfilVia('express'),
  );
  const readBody = async (req: { body: unknown }) => req.body;
  const webhookV2 = new Function('readBody', 'portone', 'WebhookVerificationError', 'PaymentVerificationError', 'ordersV2', 'fulfilV2', nodeWebhookSource())(
    readBody, client, WebhookVerificationError, PaymentVerificationError, ordersV2, fulfilVia('node:http'),
  ) as (req: unknown, res: unknown) => Promise<void>;
  const [route] = routes;
  const express_ = async (body: unknown, headers: Record<string, string>): Promise<Seen> => {
    const seen: Seen = {};
    const res = { status: (code: number) => ((seen.status = code), res), end: () => res };
    await route?.handler({ body, headers }, res, (error) => (seen.next = error));
    return seen;
  };
  const node = async (body: unknown, headers: Record<string, string>): Promise<Seen> => {
    const seen: Seen = {};
    const res = { writeHead: (code: number) => ((seen.status = code), res), end: () => res };
    await webhookV2({ body, headers }, res).catch((error: unknown) => (seen.next = error));
    return seen;
  };
  return { route, ordersV2, fulfilled, express: express_, node };
}

test("the README's Express V2 webhook answers a forged webhook 401, passes other errors to next, and fulfils only a payment verifyPayment accepts", async (t) => {
  const { fake, client } = await setupV2(t);
  const { route, ordersV2, fulfilled, express: send } = v2WebhookHandlers(client);
  assert.deepEqual(route?.parser, { raw: { type: 'application/json', limit: '64kb' } });

  const { id } = fake.addPayment();
  const paidBody = (paymentId: string) => Buffer.from(JSON.stringify({ type: 'Transaction.Paid', data: { paymentId } }));
  const body = paidBody(id as string);
  for (const payment of [{ id }, fake.addPayment({ channel: { type: 'TEST', key: 'k', pgProvider: 'PAYMENTWALL' } }), fake.addPayment({ currency: 'KRW' })]) {
    ordersV2.set(payment.id as string, { paymentId: payment.id as string, amountInMinorUnits: 150, currency: 'USD', status: 'pending' });
  }
  assert.deepEqual(await send(body, {}), { status: 401 }, 'no signature: 401, nothing passed on');
  const parsed = await send({ type: 'Transaction.Paid' }, fake.signWebhook(body.toString()));
  assert.ok(parsed.next instanceof PortOneInputError, 'a body express.json() already parsed is an error for next');
  assert.equal(parsed.status, undefined);
  const nameless = Buffer.from(JSON.stringify({ type: 'Transaction.Paid', data: { paymentId: 12345 } }));
  const unnamed = await send(nameless, fake.signWebhook(nameless.toString()));
  assert.ok(unnamed.next instanceof PortOneInputError, 'a signed Transaction webhook without a paymentId goes to next (500): PortOne resends it');
  assert.equal(unnamed.status, undefined);
  for (const other of [...ordersV2.keys()].filter((key) => key !== id)) {
    const paid = paidBody(other);
    assert.deepEqual(await send(paid, fake.signWebhook(paid.toString())), { status: 200 }, 'answered, so PortOne does not resend');
  }
  assert.deepEqual(fulfilled, [], 'a PAID payment on the test channel or in another currency is not fulfilled');
  assert.deepEqual(await send(body, fake.signWebhook(body.toString())), { status: 200 });
  assert.deepEqual(fulfilled.map(({ payment }) => (payment as { paymentId?: string }).paymentId), [id]);
});

test("the README's V2 webhook handlers fulfil on Transaction.Paid only: a dispute, or any other event about a payment still PAID, ships nothing again", async (t) => {
  const { fake, client } = await setupV2(t);
  const { ordersV2, fulfilled, express, node } = v2WebhookHandlers(client);
  const event = (type: string, paymentId: unknown) =>
    JSON.stringify({ type, timestamp: '2026-06-20T09:00:01Z', data: { storeId: fake.storeId, paymentId, transactionId: 'tx-1' } });
  for (const [via, send] of [['express', express], ['node:http', node]] as const) {
    const { id } = fake.addPayment();
    ordersV2.set(id as string, { paymentId: id as string, amountInMinorUnits: 150, currency: 'USD', status: 'pending' });
    // The buyer's bank opened a chargeback: PortOne reports the dispute, and the payment is still PAID.
    fake.payments.get(id as string)!.disputes = [{ status: 'UNRESOLVED', reason: 'fraudulent', createdAt: '2026-06-20T09:00:00Z' }];
    for (const type of ['Transaction.DisputeCreated', 'Transaction.DisputeResolved', 'Transaction.Ready']) {
      const body = event(type, id);
      assert.deepEqual(await send(Buffer.from(body), fake.signWebhook(body)), { status: 200 }, `${via} ${type}`);
    }
    assert.deepEqual(fulfilled.filter((f) => f.via === via), [], `${via}: nothing fulfilled for an event that is not the payment being paid`);
    const paid = event('Transaction.Paid', id);
    assert.deepEqual(await send(Buffer.from(paid), fake.signWebhook(paid)), { status: 200 });
    assert.deepEqual(fulfilled.filter((f) => f.via === via).map(({ payment }) => (payment as { paymentId?: string }).paymentId), [id], via);
  }
});

test("the README's V2 webhook handlers fulfil an order once: a Transaction.Paid PortOne resends, or replayed within the 5 minutes its signature holds, ships nothing more", async (t) => {
  const { fake, client } = await setupV2(t);
  const { ordersV2, fulfilled, express, node } = v2WebhookHandlers(client);
  for (const [via, send] of [['express', express], ['node:http', node]] as const) {
    const { id } = fake.addPayment();
    ordersV2.set(id as string, { paymentId: id as string, amountInMinorUnits: 150, currency: 'USD', status: 'pending' });
    const body = JSON.stringify({ type: 'Transaction.Paid', timestamp: '2026-06-01T12:00:05Z', data: { storeId: fake.storeId, paymentId: id, transactionId: 'tx-1' } });
    const headers = fake.signWebhook(body);
    const resent = fake.signWebhook(body, { id: headers['webhook-id'] });
    // Two deliveries at once (a resend while the first is still being answered), then a replay of the first.
    const answers = await Promise.all([send(Buffer.from(body), headers), send(Buffer.from(body), resent)]);
    answers.push(await send(Buffer.from(body), headers));
    assert.deepEqual(answers, [{ status: 200 }, { status: 200 }, { status: 200 }], via);
    assert.deepEqual(fulfilled.filter((f) => f.via === via).length, 1, `${via}: fulfilled once`);
    assert.equal(ordersV2.get(id as string)?.status, 'paid');
  }
});
