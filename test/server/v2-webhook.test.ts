import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Webhook } from 'standardwebhooks';
import { PortOneInputError, PortOneV2Client, WebhookVerificationError, type WebhookRefusalReason } from '../../src/server/index.js';
import { jsonOfBytes } from './fixtures.js';
import { setupV2 } from './harness.js';

/** A version 2024-04-25 webhook body about `paymentId`. */
const paidBody = (paymentId: string, storeId: string): string =>
  JSON.stringify({ type: 'Transaction.Paid', timestamp: '2026-06-01T12:00:05.000Z', data: { storeId, paymentId, transactionId: 'tx-1' } });

async function refusal(call: Promise<unknown>, reason: WebhookRefusalReason): Promise<void> {
  await assert.rejects(call, (error: unknown) => {
    assert.ok(error instanceof WebhookVerificationError, String(error));
    assert.equal(error.reason, reason);
    return true;
  });
}

test('a correctly signed V2 webhook is accepted and the payment is read back from PortOne', async (t) => {
  const { fake, client } = await setupV2(t);
  const { id } = fake.addPayment();
  const body = paidBody(id as string, fake.storeId);
  const event = await client.handleWebhook(body, fake.signWebhook(body));
  assert.equal(event.type, 'Transaction.Paid');
  assert.equal(event.timestamp, '2026-06-01T12:00:05.000Z');
  assert.equal(event.paymentId, id);
  assert.equal(event.payment?.status, 'PAID');
  assert.deepEqual(event.payment?.raw, fake.payments.get(id as string));
  assert.deepEqual(fake.requests.map((r) => `${r.method} ${r.path}`), [`GET /payments/${id}`]);
});

test('the webhook trusts nothing in the body but the paymentId', async (t) => {
  const { fake, client } = await setupV2(t);
  const { id } = fake.addPayment({ status: 'FAILED' });
  const body = JSON.stringify({ type: 'Transaction.Paid', timestamp: 'x', data: { paymentId: id, status: 'PAID', amount: 1 } });
  const event = await client.handleWebhook(body, fake.signWebhook(body));
  assert.equal(event.payment?.status, 'FAILED');
});

test('a V2 webhook body as a Buffer, and headers as a Fetch Headers object or in any case, are accepted', async (t) => {
  const { fake, client } = await setupV2(t);
  const { id } = fake.addPayment();
  const body = paidBody(id as string, fake.storeId);
  const signed = fake.signWebhook(body);
  assert.equal((await client.handleWebhook(Buffer.from(body), new Headers(signed))).paymentId, id);
  const shouting = Object.fromEntries(Object.entries(signed).map(([k, v]) => [k.toUpperCase(), [v]]));
  assert.equal((await client.handleWebhook(new TextEncoder().encode(body), shouting)).paymentId, id);
});

test('a webhook signed with another secret is refused before any request', async (t) => {
  const { fake, client } = await setupV2(t);
  const { id } = fake.addPayment();
  const body = paidBody(id as string, fake.storeId);
  const other = `whsec_${Buffer.from('another secret of 32 bytes......').toString('base64')}`;
  await refusal(client.handleWebhook(body, fake.signWebhook(body, { secrets: [other] })), 'bad-signature');
  assert.equal(fake.requests.length, 0);
});

test('a verifier that fails in an unexpected way refuses the webhook: the check fails closed', async (t) => {
  const { fake, client } = await setupV2(t);
  const { id } = fake.addPayment();
  const body = paidBody(id as string, fake.storeId);
  // As a later version of the signature library might, or a bug in it: anything but its own refusal.
  const { verify } = Webhook.prototype;
  Webhook.prototype.verify = () => {
    throw new TypeError('unexpected');
  };
  t.after(() => (Webhook.prototype.verify = verify));
  await assert.rejects(client.handleWebhook(body, fake.signWebhook(body)), (error: unknown) => {
    assert.ok(error instanceof WebhookVerificationError, String(error));
    assert.equal(error.reason, 'bad-signature');
    // Refused as a check that could not be made, not read as the library's own refusal.
    assert.match(error.message, /the signature could not be checked/);
    return true;
  });
  assert.equal(fake.requests.length, 0);
});

test('a tampered body is refused before any request', async (t) => {
  const { fake, client } = await setupV2(t);
  const { id } = fake.addPayment();
  const body = paidBody(id as string, fake.storeId);
  const headers = fake.signWebhook(body);
  await refusal(client.handleWebhook(body.replace(id as string, 'order-of-attacker'), headers), 'bad-signature');
  await refusal(client.handleWebhook(`${body} `, headers), 'bad-signature');
  await refusal(client.handleWebhook(body, { ...headers, 'webhook-id': 'msg_other' }), 'bad-signature');
  assert.equal(fake.requests.length, 0);
});

test('a webhook older than five minutes is refused, one within them accepted', async (t) => {
  const { fake, client } = await setupV2(t);
  const { id } = fake.addPayment();
  const body = paidBody(id as string, fake.storeId);
  await refusal(client.handleWebhook(body, fake.signWebhook(body, { timestamp: new Date(Date.now() - 6 * 60_000) })), 'timestamp-too-old');
  assert.equal(fake.requests.length, 0);
  assert.equal((await client.handleWebhook(body, fake.signWebhook(body, { timestamp: new Date(Date.now() - 4 * 60_000) }))).paymentId, id);
});

test('a webhook from more than five minutes in the future is refused, one within them accepted', async (t) => {
  const { fake, client } = await setupV2(t);
  const { id } = fake.addPayment();
  const body = paidBody(id as string, fake.storeId);
  await refusal(client.handleWebhook(body, fake.signWebhook(body, { timestamp: new Date(Date.now() + 6 * 60_000) })), 'timestamp-too-new');
  assert.equal(fake.requests.length, 0);
  assert.equal((await client.handleWebhook(body, fake.signWebhook(body, { timestamp: new Date(Date.now() + 4 * 60_000) }))).paymentId, id);
});

test('during a secret rotation PortOne signs twice: a client with either secret accepts, one with neither refuses', async (t) => {
  const { fake } = await setupV2(t);
  const { id } = fake.addPayment();
  const [oldSecret] = fake.webhookSecrets as [string];
  const newSecret = fake.rotateWebhookSecret();
  const body = paidBody(id as string, fake.storeId);
  const headers = fake.signWebhook(body);
  assert.equal(headers['webhook-signature']?.split(' ').length, 2);
  for (const webhookSecret of [oldSecret, newSecret, [oldSecret, newSecret]]) {
    const client = new PortOneV2Client({ apiSecret: fake.apiSecret, baseUrl: fake.baseUrl, webhookSecret });
    assert.equal((await client.handleWebhook(body, headers)).paymentId, id);
  }
  // A client that already has both secrets accepts a webhook signed with only the new one.
  const both = new PortOneV2Client({ apiSecret: fake.apiSecret, baseUrl: fake.baseUrl, webhookSecret: [oldSecret, newSecret] });
  assert.equal((await both.handleWebhook(body, fake.signWebhook(body, { secrets: [newSecret] }))).paymentId, id);
  const stranger = new PortOneV2Client({
    apiSecret: fake.apiSecret,
    baseUrl: fake.baseUrl,
    webhookSecret: `whsec_${Buffer.from('a third secret of 32 bytes......').toString('base64')}`,
  });
  await refusal(stranger.handleWebhook(body, headers), 'bad-signature');
});

for (const missing of ['webhook-id', 'webhook-timestamp', 'webhook-signature']) {
  test(`a webhook without ${missing} is refused before any request`, async (t) => {
    const { fake, client } = await setupV2(t);
    const body = paidBody(fake.addPayment().id as string, fake.storeId);
    const headers: Record<string, string> = fake.signWebhook(body);
    delete headers[missing];
    await refusal(client.handleWebhook(body, headers), 'missing-headers');
    await refusal(client.handleWebhook(body, { ...fake.signWebhook(body), [missing]: '' }), 'missing-headers');
    assert.equal(fake.requests.length, 0);
  });
}

test('a repeated signature header is refused', async (t) => {
  const { fake, client } = await setupV2(t);
  const body = paidBody(fake.addPayment().id as string, fake.storeId);
  const headers = fake.signWebhook(body);
  await refusal(client.handleWebhook(body, { ...headers, 'webhook-id': [headers['webhook-id'] as string, 'msg_2'] }), 'missing-headers');
  await refusal(client.handleWebhook(body, { ...headers, 'Webhook-Id': 'msg_2' }), 'missing-headers');
});

test('a parsed body is refused as an input error: the signature covers the raw bytes', async (t) => {
  const { fake, client } = await setupV2(t);
  const body = paidBody(fake.addPayment().id as string, fake.storeId);
  await assert.rejects(client.handleWebhook(JSON.parse(body) as never, fake.signWebhook(body)), (error: unknown) => {
    assert.ok(error instanceof PortOneInputError);
    assert.equal(error.field, 'rawBody');
    return true;
  });
  assert.equal(fake.requests.length, 0);
});

test('handleWebhook without a webhookSecret is an input error, not an unchecked webhook', async (t) => {
  const { fake } = await setupV2(t);
  const client = new PortOneV2Client({ apiSecret: fake.apiSecret, baseUrl: fake.baseUrl });
  const body = paidBody(fake.addPayment().id as string, fake.storeId);
  await assert.rejects(client.handleWebhook(body, fake.signWebhook(body)), { name: 'PortOneInputError', field: 'webhookSecret' });
  assert.equal(fake.requests.length, 0);
});

test('a signed webhook about no payment (a billing key) returns without asking PortOne', async (t) => {
  const { fake, client } = await setupV2(t);
  const body = JSON.stringify({ type: 'BillingKey.Issued', timestamp: '2026-06-01T12:00:00Z', data: { storeId: fake.storeId, billingKey: 'bk-1' } });
  const event = await client.handleWebhook(body, fake.signWebhook(body));
  assert.deepEqual([event.type, event.paymentId, event.payment], ['BillingKey.Issued', null, null]);
  assert.equal(event.data.billingKey, 'bk-1');
  assert.equal(fake.requests.length, 0);
});

test('a signed Transaction webhook without a usable paymentId is an input error, so the handler answers no 200 and PortOne resends it', async (t) => {
  const { fake, client } = await setupV2(t);
  const bodies = [
    ...[12345, '', null, undefined].map((paymentId) => JSON.stringify({ type: 'Transaction.Paid', timestamp: '2026-06-01T12:00:05.000Z', data: { storeId: fake.storeId, paymentId } })),
    JSON.stringify({ tx_id: 'tx-1', status: 'Paid' }),
  ];
  for (const body of bodies) {
    await assert.rejects(client.handleWebhook(body, fake.signWebhook(body)), { name: 'PortOneInputError', field: 'paymentId' }, body);
  }
  assert.equal(fake.requests.length, 0);
});

test('a webhook of the older 2024-01-01 version is read by its payment_id', async (t) => {
  const { fake, client } = await setupV2(t);
  const { id } = fake.addPayment();
  const body = JSON.stringify({ payment_id: id, tx_id: 'tx-1', status: 'Paid' });
  const event = await client.handleWebhook(body, fake.signWebhook(body));
  assert.equal(event.paymentId, id);
  assert.equal(event.type, 'Transaction.Paid');
});

test('signature errors never carry the webhook secret', async (t) => {
  const { fake, client } = await setupV2(t);
  const body = paidBody(fake.addPayment().id as string, fake.storeId);
  const error = await client.handleWebhook(`${body}x`, fake.signWebhook(body)).catch((e: unknown) => e);
  const secret = (fake.webhookSecrets[0] as string).replace(/^whsec_/, '');
  assert.ok(error instanceof WebhookVerificationError);
  assert.ok(!`${String(error)}${error.stack}${JSON.stringify(error)}`.includes(secret));
});

test("a signed webhook naming the paymentId '..' or one with a lone surrogate is an input error, not a request to another path", async (t) => {
  const { fake, client } = await setupV2(t);
  for (const paymentId of ['..', 'order-\ud800']) {
    const body = JSON.stringify({ type: 'Transaction.Paid', timestamp: '2026-06-01T12:00:05.000Z', data: { paymentId } });
    await assert.rejects(client.handleWebhook(body, fake.signWebhook(body)), { name: 'PortOneInputError', field: 'paymentId' });
  }
  assert.equal(fake.requests.length, 0);
});

test('a signed body that starts with a byte order mark is checked on its exact bytes and read', async (t) => {
  const { fake, client } = await setupV2(t);
  const { id } = fake.addPayment();
  const body = `\ufeff${paidBody(id as string, fake.storeId)}`;
  const signed = fake.signWebhook(body);
  assert.equal((await client.handleWebhook(Buffer.from(body), signed)).paymentId, id);
  assert.equal((await client.handleWebhook(body, signed)).paymentId, id);
});

test('a body over 64 KiB is refused as body-too-large before its signature is checked; a signed 64 KiB one is read', async (t) => {
  const { fake, client } = await setupV2(t);
  const { id } = fake.addPayment();
  const event = { type: 'Transaction.Paid', data: { paymentId: id } };
  for (const body of [jsonOfBytes(65_537, event), jsonOfBytes(65_537, event, 'ä')]) {
    const signed = fake.signWebhook(body);
    await refusal(client.handleWebhook(body, signed), 'body-too-large');
    await refusal(client.handleWebhook(Buffer.from(body), signed), 'body-too-large');
  }
  await refusal(client.handleWebhook(Buffer.alloc(1024 * 1024, 'a'), {}), 'body-too-large');
  assert.equal(fake.requests.length, 0);
  const body = jsonOfBytes(65_536, event);
  assert.equal((await client.handleWebhook(Buffer.from(body), fake.signWebhook(body))).paymentId, id);
});

/** A Fetch-style Headers that is not the global class, as undici's and node-fetch's are: entries private, read through get. */
class OtherFetchHeaders {
  readonly #entries: Map<string, string>;
  constructor(init: Record<string, string>) {
    this.#entries = new Map(Object.entries(init).map(([name, value]) => [name.toLowerCase(), value]));
  }
  get(name: string): string | null {
    return this.#entries.get(name.toLowerCase()) ?? null;
  }
}

test("headers from another Fetch implementation's Headers class are read through get, and a missing one is still refused", async (t) => {
  const { fake, client } = await setupV2(t);
  const { id } = fake.addPayment();
  const body = paidBody(id as string, fake.storeId);
  const signed = fake.signWebhook(body);
  assert.ok(!(new OtherFetchHeaders(signed) instanceof Headers));
  assert.equal((await client.handleWebhook(body, new OtherFetchHeaders(signed))).paymentId, id);
  const { 'webhook-signature': _dropped, ...unsigned } = signed;
  await refusal(client.handleWebhook(body, new OtherFetchHeaders(unsigned)), 'missing-headers');
});
