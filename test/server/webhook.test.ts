import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PORTONE_WEBHOOK_ADDRESSES, PortOneApiError, PortOneInputError, WebhookVerificationError, type WebhookBody } from '../../src/server/index.js';
import { jsonOfBytes } from './fixtures.js';
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

test("PortOne's documented webhook sender addresses are exported, frozen", () => {
  assert.deepEqual([...PORTONE_WEBHOOK_ADDRESSES], ['52.78.100.19', '52.78.48.223', '52.78.5.241']);
  assert.ok(Object.isFrozen(PORTONE_WEBHOOK_ADDRESSES));
});

for (const remoteAddress of ['52.78.100.19', '52.78.48.223', '52.78.5.241', '::ffff:52.78.100.19', '::FFFF:52.78.48.223']) {
  test(`handleWebhook accepts a webhook from ${remoteAddress}`, async (t) => {
    const { fake, client } = await setup(t);
    const { imp_uid } = fake.addPayment();
    assert.equal((await client.handleWebhook(form(imp_uid as string), { remoteAddress })).impUid, imp_uid);
  });
}

const strangers: [string, unknown][] = [
  ['another IPv4 address', '203.0.113.9'],
  ['a neighbour of a PortOne address', '52.78.100.20'],
  ['loopback', '127.0.0.1'],
  ['an IPv6 address', '2001:db8::1'],
  ['an IPv4-mapped stranger', '::ffff:203.0.113.9'],
  ['a PortOne address with a port', '52.78.100.19:443'],
  ['an X-Forwarded-For list', '52.78.100.19, 203.0.113.9'],
  ['a string with ::ffff: inside, not in front', '5::ffff:2.78.100.19'],
  ['an empty string', ''],
  ['undefined (a socket already closed)', undefined],
];
for (const [what, remoteAddress] of strangers) {
  test(`handleWebhook refuses a webhook from ${what} before reading the body or asking PortOne`, async (t) => {
    const { fake, client } = await setup(t);
    const { imp_uid } = fake.addPayment();
    for (const body of [form(imp_uid as string), '{"broken', 42 as never]) {
      await assert.rejects(client.handleWebhook(body, { remoteAddress } as { remoteAddress: string }), (error: unknown) => {
        assert.ok(error instanceof WebhookVerificationError, String(error));
        assert.equal(error.reason, 'untrusted-address');
        return true;
      });
    }
    assert.equal(fake.requests.length, 0);
  });
}

test('without a remoteAddress key handleWebhook does not check the sender', async (t) => {
  const { fake, client } = await setup(t);
  const { imp_uid } = fake.addPayment();
  assert.equal((await client.handleWebhook(form(imp_uid as string), {})).impUid, imp_uid);
});

test('a webhook body over 64 KiB is refused as an input error before anything is read or asked; 64 KiB is read', async (t) => {
  const { fake, client } = await setup(t);
  const { imp_uid } = fake.addPayment();
  const notice = { imp_uid };
  const multibyte = jsonOfBytes(65_537, notice, 'ä');
  assert.ok(multibyte.length <= 65_536, 'within the limit in characters, over it in bytes');
  for (const body of [jsonOfBytes(65_537, notice), Buffer.from(jsonOfBytes(65_537, notice)), multibyte, new TextEncoder().encode(jsonOfBytes(100_000, notice))]) {
    await assert.rejects(client.handleWebhook(body), (error: unknown) => {
      assert.ok(error instanceof PortOneInputError, String(error));
      assert.equal(error.field, 'body');
      return true;
    });
  }
  assert.equal(fake.requests.length, 0);
  assert.equal((await client.handleWebhook(jsonOfBytes(65_536, notice))).impUid, imp_uid);
  assert.equal((await client.handleWebhook(Buffer.from(jsonOfBytes(65_536, notice)))).impUid, imp_uid);
  assert.equal((await client.handleWebhook({ imp_uid, pad: 'a'.repeat(100_000) })).impUid, imp_uid, 'a parsed body was limited by its parser');
});
