import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PortOneApiError, type WebhookBody } from '../../src/server/index.js';
import { setup } from './harness.js';

// What PortOne posts to notice_url; JSON or form-encoded is a console setting.
const notice = (impUid: string): Record<string, string> => ({ imp_uid: impUid, merchant_uid: 'order_1', status: 'paid' });
const form = (impUid: string): string => new URLSearchParams(notice(impUid)).toString();

const bodies: [string, (impUid: string) => WebhookBody][] = [
  ['a parsed JSON object', (id) => notice(id)],
  ['a JSON string', (id) => JSON.stringify(notice(id))],
  ['a JSON string with leading whitespace', (id) => `\n  ${JSON.stringify(notice(id))}`],
  ['a form-encoded string', (id) => form(id)],
  ['a Buffer of JSON', (id) => Buffer.from(JSON.stringify(notice(id)))],
  ['a Uint8Array of a form', (id) => new TextEncoder().encode(form(id))],
  ['URLSearchParams', (id) => new URLSearchParams(notice(id))],
];

for (const [shape, body] of bodies) {
  test(`handleWebhook reads imp_uid from ${shape} and returns the payment from GET /payments/{imp_uid}`, async (t) => {
    const { fake, client } = await setup(t);
    const { imp_uid } = fake.addPayment({ merchant_uid: 'order_1' });
    const payment = await client.handleWebhook(body(imp_uid as string));
    assert.equal(payment.impUid, imp_uid);
    assert.deepEqual(payment.raw, fake.payments.get(imp_uid as string));
    assert.deepEqual(
      fake.apiRequests().map((r) => `${r.method} ${r.path}`),
      [`GET /payments/${imp_uid}`],
    );
  });
}

test('handleWebhook trusts nothing in the body but imp_uid', async (t) => {
  const { fake, client } = await setup(t);
  const { imp_uid } = fake.addPayment({ status: 'failed', amount: 1004, merchant_uid: 'order_real' });
  const payment = await client.handleWebhook({ imp_uid, merchant_uid: 'order_fake', status: 'paid', amount: 1 });
  assert.equal(payment.status, 'failed');
  assert.equal(payment.merchantUid, 'order_real');
  assert.equal(payment.amount, 1004);
});

test('handleWebhook rejects an imp_uid PortOne does not know', async (t) => {
  const { client } = await setup(t);
  await assert.rejects(client.handleWebhook(form('imp_000000000000')), (error: unknown) => {
    assert.ok(error instanceof PortOneApiError);
    assert.equal(error.status, 404);
    assert.equal(error.portOneCode, -1);
    assert.equal(error.endpoint, 'GET /payments/imp_000000000000');
    return true;
  });
});

test('a repeated webhook gives the same payment, so the caller can de-duplicate on impUid and status', async (t) => {
  const { fake, client } = await setup(t);
  const { imp_uid } = fake.addPayment();
  const first = await client.handleWebhook(notice(imp_uid as string));
  const second = await client.handleWebhook(form(imp_uid as string));
  assert.deepEqual(second, first);
  assert.equal(fake.count('/users/getToken'), 1);
});
