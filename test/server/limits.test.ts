// Issue 8 items 5, 9 and 10: no redirect followed, one time limit and an AbortSignal per method
// call, and retries of reads only.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { Readable } from 'node:stream';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import { PortOneClient, PortOneV2Client, type PortOneClientOptions } from '../../src/server/index.js';
import { apiError, setup, setupV2, trail } from './harness.js';

const BOUNDED = { timeout: 5_000 };


/** A second local server that records whatever reaches it, standing in for wherever a redirect points. */
async function elsewhere(t: { after: (fn: () => Promise<void>) => void }): Promise<{ url: string; bodies: string[] }> {
  const bodies: string[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      bodies.push(`${req.method} ${req.url} ${body}`);
      res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"code":0,"message":"","response":{"access_token":"x","expired_at":2000000000,"now":1750000000}}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/steal`, bodies };
}

for (const status of [301, 302, 307, 308] as const) {
  test(`a ${status} on the token request is an http error and the secret goes nowhere else`, BOUNDED, async (t) => {
    const { fake, client } = await setup(t);
    const thief = await elsewhere(t);
    fake.injectFault({ type: 'redirect', status, location: thief.url }, '/users/getToken');
    const error = await apiError(client.getPayment('imp_1'));
    assert.equal(error.kind, 'http');
    assert.equal(error.status, status);
    assert.equal(error.endpoint, 'POST /users/getToken');
    assert.match(error.message, /redirect/);
    assert.deepEqual(thief.bodies, []);
    assert.deepEqual(trail(fake), [`POST /users/getToken ${status}`]);
  });
}

test('a redirect on an API call is not followed with the token either', BOUNDED, async (t) => {
  const { fake, client } = await setup(t);
  const thief = await elsewhere(t);
  const { imp_uid } = fake.addPayment();
  fake.injectFault({ type: 'redirect', status: 307, location: thief.url }, `/payments/${imp_uid}`);
  const error = await apiError(client.getPayment(imp_uid as string));
  assert.equal(error.kind, 'http');
  assert.equal(error.status, 307);
  assert.deepEqual(thief.bodies, []);
});

test('every request is sent with redirect: manual', async (t) => {
  const { fake } = await setup(t);
  const seen: string[] = [];
  const client = new PortOneClient({
    apiKey: fake.apiKey,
    apiSecret: fake.apiSecret,
    baseUrl: fake.baseUrl,
    fetch: (url, init) => {
      seen.push(init.redirect);
      return fetch(url, init);
    },
  });
  await client.getPayment(fake.addPayment().imp_uid as string);
  assert.deepEqual(seen, ['manual', 'manual']);
});

test('timeoutMs bounds the whole call: a slow token and a slow reply together run out of time', BOUNDED, async (t) => {
  const { fake, client } = await setup(t, { timeoutMs: 1500 });
  const { imp_uid } = fake.addPayment();
  // Each alone fits in 1,500 ms, with room for a busy machine; together they do not.
  fake.injectFault({ type: 'slow', ms: 1000 }, '/users/getToken');
  fake.injectFault({ type: 'slow', ms: 1000 }, `/payments/${imp_uid}`);
  const started = performance.now();
  const error = await apiError(client.getPayment(imp_uid as string));
  assert.equal(error.kind, 'timeout');
  assert.equal(error.endpoint, `GET /payments/${imp_uid}`);
  assert.ok(performance.now() - started < 3000);
});

test('the time limit covers the 401, the new token and the retry', BOUNDED, async (t) => {
  const { fake, client } = await setup(t, { timeoutMs: 1500 });
  const { imp_uid } = fake.addPayment();
  await client.getPayment(imp_uid as string);
  fake.revokeTokens();
  // The 401 comes at 900 ms; the new token would come at 1,800.
  fake.injectFault({ type: 'slow', ms: 900 }, `/payments/${imp_uid}`);
  fake.injectFault({ type: 'slow', ms: 900 }, '/users/getToken');
  const error = await apiError(client.getPayment(imp_uid as string));
  assert.equal(error.kind, 'timeout');
  assert.equal(error.endpoint, 'POST /users/getToken');
});

test('an AbortSignal ends a call under way with kind aborted', BOUNDED, async (t) => {
  const { fake, client } = await setup(t);
  const { imp_uid } = fake.addPayment();
  await client.getPayment(imp_uid as string);
  fake.injectFault({ type: 'slow', ms: 3000 }, `/payments/${imp_uid}`);
  const controller = new AbortController();
  const call = client.getPayment(imp_uid as string, { signal: controller.signal });
  setTimeout(() => controller.abort(), 50);
  const started = performance.now();
  const error = await apiError(call);
  assert.equal(error.kind, 'aborted');
  assert.equal(error.endpoint, `GET /payments/${imp_uid}`);
  assert.ok(performance.now() - started < 1000);
});

test('an aborted signal sends nothing, for every method', async (t) => {
  const { fake, client } = await setup(t);
  const signal = AbortSignal.abort();
  const calls: Promise<unknown>[] = [
    client.getPayment('imp_1', { signal }),
    client.findPaymentByMerchantUid('order_1', { signal }),
    client.verifyPayment({ impUid: 'imp_1', merchantUid: 'order_1', amount: 1, currency: 'KRW' }, { signal }),
    client.preparePayment({ merchantUid: 'order_1', amount: 1 }, { signal }),
    client.chargeBillingKey({ customerUid: 'c', merchantUid: 'o', amount: 1, name: 'n', currency: 'USD', buyerEmail: 'a@b.co' }, { signal }),
    client.getBillingKey('c', { signal }),
    client.deleteBillingKey('c', { signal }),
    client.cancelPayment({ impUid: 'imp_1' }, { signal }),
    client.registerDelivery(
      { impUid: 'i', merchantUid: 'o', type: 'digital', status: 'delivered', estimatedDeliveryDatetime: 1, estimatedUpdateDatetime: 1, refundable: 'no', shippingAddressEmail: 'a@b.co' },
      { signal },
    ),
    client.handleWebhook({ imp_uid: 'imp_1' }, { signal }),
  ];
  for (const call of calls) assert.equal((await apiError(call)).kind, 'aborted');
  // Nothing starts later either: no token request is left running after the caller was told.
  await new Promise((resolve) => setTimeout(resolve, 300));
  assert.equal(fake.requests.length, 0);
});

test('V2: an aborted signal sends nothing, even through a fetch that ignores signals (no refund after "aborted")', async (t) => {
  let fetched = 0;
  const deafFetch: PortOneClientOptions['fetch'] = (url, { signal: _ignored, ...init }) => {
    fetched += 1;
    return fetch(url, init);
  };
  // V2 has no token request to stop first: the call's own check is all that stands before the refund.
  const { fake, client } = await setupV2(t, { fetch: deafFetch });
  const { id } = fake.addPayment();
  assert.equal((await apiError(client.cancelPayment({ paymentId: id as string, reason: 'r' }, { signal: AbortSignal.abort() }))).kind, 'aborted');
  await new Promise((resolve) => setTimeout(resolve, 200));
  assert.equal(fetched, 0);
  assert.equal(fake.requests.length, 0);
});

test("one caller's abort while a token request is shared does not fail the others", BOUNDED, async (t) => {
  const { fake, client } = await setup(t);
  const { imp_uid } = fake.addPayment();
  fake.injectFault({ type: 'slow', ms: 1000 }, '/users/getToken');
  const controller = new AbortController();
  const aborted = client.getPayment(imp_uid as string, { signal: controller.signal });
  const patient = client.getPayment(imp_uid as string);
  setTimeout(() => controller.abort(), 20);
  assert.equal((await apiError(aborted)).endpoint, 'POST /users/getToken');
  assert.equal((await patient).impUid, imp_uid);
  assert.equal(fake.count('/users/getToken'), 1);
});

for (const status of [502, 503, 504]) {
  test(`a read is retried after ${status} and succeeds`, BOUNDED, async (t) => {
    const { fake, client } = await setup(t);
    const { imp_uid } = fake.addPayment();
    await client.getPayment(imp_uid as string);
    fake.injectFault({ type: 'status', status }, `/payments/${imp_uid}`);
    fake.injectFault({ type: 'status', status }, `/payments/${imp_uid}`);
    assert.equal((await client.getPayment(imp_uid as string)).impUid, imp_uid);
    assert.deepEqual(trail(fake).slice(2), [`GET /payments/${imp_uid} ${status}`, `GET /payments/${imp_uid} ${status}`, `GET /payments/${imp_uid} 200`]);
  });
}

test('a read is retried after a dropped connection, at most twice', BOUNDED, async (t) => {
  const { fake, client } = await setup(t);
  const { merchant_uid } = fake.addPayment();
  await client.getPayment('imp_100000000001');
  for (let i = 0; i < 4; i++) fake.injectFault({ type: 'drop' }, `/payments/find/${merchant_uid}`);
  assert.equal((await apiError(client.findPaymentByMerchantUid(merchant_uid as string))).kind, 'network');
  assert.equal(fake.count(`/payments/find/${merchant_uid}`), 3);
});

test('a 500 and an api error are not retried', async (t) => {
  const { fake, client } = await setup(t);
  fake.injectFault({ type: 'status', status: 500 }, '/payments/imp_1');
  assert.equal((await apiError(client.getPayment('imp_1'))).status, 500);
  fake.injectFault({ type: 'envelope', code: 1, message: 'no' }, '/payments/imp_1');
  assert.equal((await apiError(client.getPayment('imp_1'))).kind, 'api');
  assert.equal(fake.count('/payments/imp_1'), 2);
});

test('POSTs are never retried: a charge that met a 503 or a dropped connection is sent once', async (t) => {
  const { fake, client } = await setup(t);
  fake.billingKeys.set('cust_1', 'jack@example.com');
  const charge = { customerUid: 'cust_1', merchantUid: 'order_9', amount: 20, name: 'Plan', currency: 'USD', buyerEmail: 'jack@example.com' };
  fake.injectFault({ type: 'status', status: 503 }, '/subscribe/payments/again');
  assert.equal((await apiError(client.chargeBillingKey(charge))).status, 503);
  fake.injectFault({ type: 'drop' }, '/subscribe/payments/again');
  assert.equal((await apiError(client.chargeBillingKey(charge))).kind, 'network');
  const { imp_uid } = fake.addPayment();
  fake.injectFault({ type: 'drop' }, '/payments/cancel');
  assert.equal((await apiError(client.cancelPayment({ impUid: imp_uid as string }))).kind, 'network');
  assert.equal(fake.count('/subscribe/payments/again'), 2);
  assert.equal(fake.count('/payments/cancel'), 1);
});

test('retries stop at the time limit: no backoff is started that cannot end in time', BOUNDED, async (t) => {
  const { fake, client } = await setup(t, { timeoutMs: 1000 });
  const { imp_uid } = fake.addPayment();
  await client.getPayment(imp_uid as string);
  fake.injectFault({ type: 'status', status: 503 }, `/payments/${imp_uid}`);
  fake.injectFault({ type: 'slow', ms: 3000 }, `/payments/${imp_uid}`);
  const started = performance.now();
  const error = await apiError(client.getPayment(imp_uid as string));
  assert.equal(error.kind, 'timeout');
  assert.ok(performance.now() - started < 2500);
});

test('a 503 with less time left than the backoff is reported as the 503 at once, not waited on', async (t) => {
  // The call's clock, moved on by the fetch: no real waiting, so a busy machine changes nothing.
  const { now } = performance;
  let skipped = 0;
  performance.now = () => now.call(performance) + skipped;
  t.after(() => (performance.now = now));
  let fetched = 0;
  const slow503: PortOneClientOptions['fetch'] = async () => {
    fetched += 1;
    skipped += 9_950; // 50 ms left of 10 s: less than the 100 ms backoff
    return new Response('<html>Service Unavailable</html>', { status: 503 });
  };
  const { client } = await setupV2(t, { fetch: slow503, timeoutMs: 10_000 });
  const error = await apiError(client.getPayment('payment-1'));
  assert.equal(error.kind, 'http');
  assert.equal(error.status, 503);
  assert.equal(fetched, 1);
});

test('timeoutMs holds with a custom fetch that ignores the signal, before and after the headers', BOUNDED, async (t) => {
  const never = new Promise<never>(() => {});
  // The token request goes through; the payment request stalls.
  const deaf = (stall: 'reply' | 'body'): PortOneClientOptions['fetch'] => (url, init) =>
    url.endsWith('/users/getToken')
      ? fetch(url, init)
      : stall === 'reply'
        ? never
        : fetch(url, init).then((response) => ({ status: response.status, ok: response.ok, text: () => never }));
  for (const stall of ['reply', 'body'] as const) {
    const { fake, client } = await setup(t, { timeoutMs: 1000, fetch: deaf(stall) });
    const started = performance.now();
    const error = await apiError(client.getPayment(fake.addPayment().imp_uid as string));
    assert.equal(error.kind, 'timeout', stall);
    assert.match(error.endpoint, /^GET \/payments\//, stall);
    assert.ok(performance.now() - started < 2000, stall);
  }
});

test('a reply larger than 1 MiB is given up as invalid-response, without reading it all', BOUNDED, async (t) => {
  const { fake } = await setup(t);
  let sent = 0;
  // A proxy that streams without end: 64 KiB chunks for as long as someone reads.
  const endless = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    const more = (): void => {
      while (!res.destroyed && sent < 64 * 1024 * 1024 && res.write(chunk)) sent += chunk.length;
      if (!res.destroyed && sent < 64 * 1024 * 1024) res.once('drain', more);
    };
    more();
  });
  await new Promise<void>((resolve) => endless.listen(0, '127.0.0.1', resolve));
  t.after(() => new Promise<void>((resolve) => endless.close(() => resolve())));
  const client = new PortOneClient({
    apiKey: fake.apiKey,
    apiSecret: fake.apiSecret,
    baseUrl: `http://127.0.0.1:${(endless.address() as AddressInfo).port}`,
  });
  const error = await apiError(client.getPayment('imp_1'));
  assert.equal(error.kind, 'invalid-response');
  assert.match(error.message, /larger than 1048576 bytes/);
  assert.ok(sent < 16 * 1024 * 1024, `${sent} bytes sent before the client gave up`);
});

test('a call ended just as the reply arrives leaves no unhandled rejection behind (it would end the process)', BOUNDED, async (t) => {
  const unhandled: unknown[] = [];
  const record = (reason: unknown): void => void unhandled.push(reason);
  process.on('unhandledRejection', record);
  t.after(() => process.off('unhandledRejection', record));
  // A reply whose body comes in two parts, so reading it is still under way when the call ends.
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.write('{"id":"p1",');
    setTimeout(() => res.end('"status":"PAID","currency":"USD","amount":{"total":1}}'), 50);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => {
    server.closeAllConnections();
    return new Promise<void>((resolve) => server.close(() => resolve()));
  });
  for (const microtasks of [0, 1, 2]) {
    const controller = new AbortController();
    // Instrumentation around fetch, with the caller's abort landing a few microtasks after the headers.
    const fetchAndAbort: PortOneClientOptions['fetch'] = async (url, init) => {
      const response = await fetch(url, init);
      let left = microtasks;
      const later = (): void => (left-- > 0 ? queueMicrotask(later) : controller.abort());
      queueMicrotask(later);
      return response;
    };
    const client = new PortOneV2Client({ apiSecret: 'secret', baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, fetch: fetchAndAbort });
    const error = await apiError(client.getPayment('p1', { signal: controller.signal }));
    assert.equal(error.kind, 'aborted', `abort ${microtasks} microtasks after the headers`);
  }
  await new Promise((resolve) => setTimeout(resolve, 200));
  assert.deepEqual(unhandled.map(String), []);
});

test('the 1 MiB cap holds for a fetch whose body is a Node stream, as node-fetch gives', BOUNDED, async (t) => {
  const { fake } = await setup(t);
  let produced = 0;
  let destroyed = false;
  const endless = new Readable({
    read() {
      produced += 64 * 1024;
      this.push(Buffer.alloc(64 * 1024, 0x20));
    },
    destroy(error, callback) {
      destroyed = true;
      callback(error);
    },
  });
  const nodeFetchLike: PortOneClientOptions['fetch'] = async (url, init) =>
    url.endsWith('/users/getToken')
      ? fetch(url, init)
      : Object.assign({ status: 200, ok: true, text: () => Promise.reject(new Error('text() read the whole body')) }, { body: endless });
  const client = new PortOneClient({ apiKey: fake.apiKey, apiSecret: fake.apiSecret, baseUrl: fake.baseUrl, fetch: nodeFetchLike });
  const error = await apiError(client.getPayment('imp_1'));
  assert.equal(error.kind, 'invalid-response');
  assert.match(error.message, /larger than 1048576 bytes/);
  assert.ok(produced < 4 * 1024 * 1024, `${produced} bytes produced`);
  await new Promise((resolve) => setImmediate(resolve));
  assert.ok(destroyed, 'the stream was destroyed');
});

const replies: [string, (body: string) => Awaited<ReturnType<NonNullable<PortOneClientOptions['fetch']>>>][] = [
  ['a fetch that gives only text(), no body stream', (body) => ({ status: 200, ok: true, text: async () => body })],
  ['a web stream body', (body) => new Response(body)],
];
for (const [how, reply] of replies) {
  test(`the 1 MiB cap holds for ${how}: 1 MiB exactly is read, one byte more refused`, BOUNDED, async (t) => {
    const { fake } = await setup(t);
    const payment = fake.addPayment();
    const envelope = JSON.stringify({ code: 0, message: '', response: payment });
    // A valid envelope padded with trailing JSON whitespace to exactly `bytes` bytes.
    let bytes = 0;
    const padded: PortOneClientOptions['fetch'] = async (url, init) =>
      url.endsWith('/users/getToken') ? fetch(url, init) : reply(envelope + ' '.repeat(bytes - Buffer.byteLength(envelope)));
    const client = new PortOneClient({ apiKey: fake.apiKey, apiSecret: fake.apiSecret, baseUrl: fake.baseUrl, fetch: padded });
    bytes = 1024 * 1024;
    assert.equal((await client.getPayment(payment.imp_uid as string)).impUid, payment.imp_uid);
    bytes = 1024 * 1024 + 1;
    const error = await apiError(client.getPayment(payment.imp_uid as string));
    assert.equal(error.kind, 'invalid-response');
    assert.match(error.message, /larger than 1048576 bytes/);
  });
}

test('a Node stream body that stalls is destroyed when the time runs out, though the fetch ignores the signal', BOUNDED, async (t) => {
  const { fake } = await setup(t, { timeoutMs: 1000 });
  let destroyed = false;
  const stalled = new Readable({
    read() {},
    destroy(error, callback) {
      destroyed = true;
      callback(error);
    },
  });
  const deafFetch: PortOneClientOptions['fetch'] = async (url, init) =>
    url.endsWith('/users/getToken') ? fetch(url, init) : Object.assign({ status: 200, ok: true, text: () => new Promise<string>(() => {}) }, { body: stalled });
  const client = new PortOneClient({ apiKey: fake.apiKey, apiSecret: fake.apiSecret, baseUrl: fake.baseUrl, timeoutMs: 1000, fetch: deafFetch });
  const error = await apiError(client.getPayment('imp_1'));
  assert.equal(error.kind, 'timeout');
  assert.equal(error.status, 200);
  assert.ok(destroyed, 'no connection is kept open for a call that ended');
});

test('a web stream body that stalls is cancelled when the time runs out, though the fetch ignores the signal', BOUNDED, async (t) => {
  const { fake } = await setup(t, { timeoutMs: 1000 });
  // A server that sends the headers and half a body, then nothing: the global fetch's body is a web stream.
  let closed = false;
  const stalling = createServer((req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.write('{"code":0,');
    req.socket.on('close', () => (closed = true));
  });
  await new Promise<void>((resolve) => stalling.listen(0, '127.0.0.1', resolve));
  t.after(() => {
    stalling.closeAllConnections();
    return new Promise<void>((resolve) => stalling.close(() => resolve()));
  });
  const stallingUrl = `http://127.0.0.1:${(stalling.address() as AddressInfo).port}`;
  // Instrumentation that passes everything on but the signal.
  const deafFetch: PortOneClientOptions['fetch'] = (url, { signal: _ignored, ...init }) =>
    url.endsWith('/users/getToken') ? fetch(url, init) : fetch(url.replace(fake.baseUrl, stallingUrl), init);
  const client = new PortOneClient({ apiKey: fake.apiKey, apiSecret: fake.apiSecret, baseUrl: fake.baseUrl, timeoutMs: 1000, fetch: deafFetch });
  const error = await apiError(client.getPayment('imp_1'));
  assert.equal(error.kind, 'timeout');
  assert.equal(error.status, 200);
  // The socket closes a moment after the cancel; a second at most.
  for (let waited = 0; !closed && waited < 1000; waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
  assert.ok(closed, 'no connection is kept open for a call that ended');
});
