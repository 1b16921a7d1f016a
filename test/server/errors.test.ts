import assert from 'node:assert/strict';
import { test } from 'node:test';
import { inspect } from 'node:util';
import { PortOneClient, PortOneV2Client, type FetchLike, type PortOneApiError, type RegisterDeliveryInput } from '../../src/server/index.js';
import { FakePortOne } from './fake-portone.js';
import { physicalShipping, v2Digital } from './fixtures.js';
import { apiError, setup, setupV2 } from './harness.js';


test('a reply slower than timeoutMs ends in a timeout error, quickly', async (t) => {
  const { fake, client } = await setup(t, { timeoutMs: 500 });
  const { imp_uid } = fake.addPayment();
  fake.injectFault({ type: 'slow', ms: 5000 }, `/payments/${imp_uid}`);
  const started = performance.now();
  const error = await apiError(client.getPayment(imp_uid as string));
  assert.ok(performance.now() - started < 1500);
  assert.equal(error.kind, 'timeout');
  assert.equal(error.endpoint, `GET /payments/${imp_uid}`);
  assert.match(error.message, /500 ms/);
});

test('a slow token request times out too', async (t) => {
  const { fake, client } = await setup(t, { timeoutMs: 100 });
  fake.injectFault({ type: 'slow', ms: 5000 }, '/users/getToken');
  const error = await apiError(client.getPayment('imp_1'));
  assert.equal(error.kind, 'timeout');
  assert.equal(error.endpoint, 'POST /users/getToken');
  assert.equal(fake.apiRequests().length, 0);
});

test('a connection dropped three times is a network error', async (t) => {
  const { fake, client } = await setup(t);
  const { imp_uid } = fake.addPayment();
  for (let i = 0; i < 3; i++) fake.injectFault({ type: 'drop' }, `/payments/${imp_uid}`);
  const error = await apiError(client.getPayment(imp_uid as string));
  assert.equal(error.kind, 'network');
  assert.equal(error.status, undefined);
  assert.ok(error.cause instanceof Error, 'the cause says what the socket did');
});

test('nobody listening is a network error', async () => {
  const closed = await FakePortOne.start();
  const baseUrl = closed.baseUrl;
  await closed.close();
  const client = new PortOneClient({ apiKey: 'k', apiSecret: 'secret-value', baseUrl });
  const error = await apiError(client.getPayment('imp_1'));
  assert.equal(error.kind, 'network');
  assert.equal(error.endpoint, 'POST /users/getToken');
});

test('a 200 reply that is not JSON is an invalid-response error', async (t) => {
  const { fake, client } = await setup(t);
  fake.injectFault({ type: 'non-json' }, '/payments/imp_1');
  const error = await apiError(client.getPayment('imp_1'));
  assert.equal(error.kind, 'invalid-response');
  assert.equal(error.status, 200);
});

test('a 5xx reply is an http error with its status', async (t) => {
  const { fake, client } = await setup(t);
  for (let i = 0; i < 3; i++) fake.injectFault({ type: 'status', status: 503 }, '/payments/imp_1');
  const error = await apiError(client.getPayment('imp_1'));
  assert.equal(error.kind, 'http');
  assert.equal(error.status, 503);
  assert.equal(error.portOneCode, undefined);
});

test('an HTTP error with an envelope keeps PortOne code and message', async (t) => {
  const { fake, client } = await setup(t);
  fake.injectFault({ type: 'envelope', status: 500, code: -1, message: '서버 오류' }, '/payments/imp_1');
  const error = await apiError(client.getPayment('imp_1'));
  assert.equal(error.kind, 'http');
  assert.equal(error.status, 500);
  assert.equal(error.portOneCode, -1);
  assert.match(error.message, /서버 오류/);
});

test('code !== 0 in a 200 reply is an api error with PortOne code and message', async (t) => {
  const { fake, client } = await setup(t);
  fake.injectFault({ type: 'envelope', code: 1, message: '잘못된 요청입니다.' }, '/payments/imp_1');
  const error = await apiError(client.getPayment('imp_1'));
  assert.equal(error.kind, 'api');
  assert.equal(error.status, 200);
  assert.equal(error.portOneCode, 1);
  assert.match(error.message, /잘못된 요청입니다/);
  assert.match(error.message, /GET \/payments\/imp_1/);
});

test("PortOne's message is kept as portOneMessage, on api and http errors", async (t) => {
  const { fake, client } = await setup(t);
  fake.injectFault({ type: 'envelope', code: 1, message: '이미 결제가 이루어진 거래건입니다.' }, '/payments/imp_1');
  const api = await apiError(client.getPayment('imp_1'));
  assert.equal(api.portOneCode, 1);
  assert.equal(api.portOneMessage, '이미 결제가 이루어진 거래건입니다.');
  const http = await apiError(client.getPayment('imp_missing'));
  assert.equal(http.portOneMessage, '존재하지 않는 결제정보입니다.');
  fake.injectFault({ type: 'non-json' }, '/payments/imp_1');
  assert.equal((await apiError(client.getPayment('imp_1'))).portOneMessage, undefined, 'no envelope, no message');
});

test('an unknown imp_uid is an http 404 error with code -1', async (t) => {
  const { client } = await setup(t);
  const error = await apiError(client.getPayment('imp_missing'));
  assert.equal(error.kind, 'http');
  assert.equal(error.status, 404);
  assert.equal(error.portOneCode, -1);
});

test('an envelope whose response is not a payment is an invalid-response error', async (t) => {
  const { fake, client } = await setup(t);
  fake.injectFault({ type: 'envelope', code: 0, message: '', response: { imp_uid: 'imp_1', amount: '1004' } }, '/payments/imp_1');
  const error = await apiError(client.getPayment('imp_1'));
  assert.equal(error.kind, 'invalid-response');
  assert.match(error.message, /amount/);
});

test('a token reply without expired_at is an invalid-response error', async (t) => {
  const { fake, client } = await setup(t);
  fake.injectFault({ type: 'envelope', code: 0, message: '', response: { access_token: 'x', now: 1 } }, '/users/getToken');
  const error = await apiError(client.getPayment('imp_1'));
  assert.equal(error.kind, 'invalid-response');
  assert.equal(error.endpoint, 'POST /users/getToken');
  assert.match(error.message, /expired_at/);
});

test('the endpoint names method and path but no query string', async (t) => {
  const { fake, client } = await setup(t, { includeSandbox: true });
  const error = await apiError(client.getPayment('imp_missing'));
  assert.equal(error.endpoint, 'GET /payments/imp_missing');
  assert.equal(fake.apiRequests()[0]?.query.get('include_sandbox'), 'true');
});

test('a test-channel payment is found only with includeSandbox', async (t) => {
  const { fake, client } = await setup(t);
  const { imp_uid } = fake.addPayment({ sandbox: true });
  await assert.rejects(client.getPayment(imp_uid as string), { status: 404 });
  const sandboxClient = new PortOneClient({ apiKey: fake.apiKey, apiSecret: fake.apiSecret, baseUrl: fake.baseUrl, includeSandbox: true });
  assert.equal((await sandboxClient.getPayment(imp_uid as string)).sandbox, true);
});

/** Every place an error's text can end up: message, stack, JSON, inspect, each cause. */
function everythingSaidBy(error: unknown): string {
  const parts: string[] = [];
  for (let link: unknown = error; link !== undefined && link !== null; link = (link as Error).cause) {
    parts.push(String(link), JSON.stringify(link), inspect(link, { showHidden: true, depth: Infinity }));
    if (link instanceof Error) parts.push(link.stack ?? '');
  }
  return parts.join('\n');
}

test('neither the secret nor a token appears in any error', { timeout: 5_000 }, async (t) => {
  const { fake, client } = await setup(t, { timeoutMs: 1000 });
  const { imp_uid } = fake.addPayment();
  const errors: unknown[] = [];
  const collect = async (call: Promise<unknown>): Promise<void> => {
    errors.push(await call.then(() => assert.fail('expected a rejection'), (e: unknown) => e));
  };

  // A careless server quoting the token request's body (with imp_secret) and an API call's Authorization header.
  fake.injectFault({ type: 'echo-request' }, '/users/getToken');
  await collect(client.getPayment(imp_uid as string));
  await client.getPayment(imp_uid as string);
  fake.injectFault({ type: 'echo-request' }, `/payments/${imp_uid}`);
  await collect(client.getPayment(imp_uid as string));
  for (const fault of [{ type: 'slow', ms: 2000 }, { type: 'drop' }, { type: 'non-json' }, { type: 'status', status: 502 }] as const) {
    // Reads are tried three times; each try meets the fault.
    for (let i = 0; i < 3; i++) fake.injectFault(fault, `/payments/${imp_uid}`);
    await collect(client.getPayment(imp_uid as string));
    fake.clearFaults();
  }
  fake.rejectAllTokens = true;
  await collect(client.getPayment(imp_uid as string));
  await collect(new PortOneClient({ apiKey: fake.apiKey, apiSecret: `${fake.apiSecret}x`, baseUrl: fake.baseUrl }).getPayment('imp_1'));

  // A custom fetch whose errors hold the whole request: message, cause and a property.
  const leakyFetch: FetchLike = async (url, init) => {
    if (url.endsWith('/users/getToken') && init.body?.includes('"x"')) {
      throw new Error(`cannot send ${init.body}`, { cause: Object.assign(new Error(String(init.body)), { request: init, code: 'E_LEAK' }) });
    }
    if (!url.endsWith('/users/getToken')) {
      throw new TypeError(`refused ${init.headers.Authorization}`, { cause: { init } });
    }
    return fetch(url, init);
  };
  await collect(new PortOneClient({ apiKey: 'x', apiSecret: fake.apiSecret, baseUrl: fake.baseUrl, fetch: leakyFetch }).getPayment('imp_1'));
  await collect(new PortOneClient({ apiKey: fake.apiKey, apiSecret: fake.apiSecret, baseUrl: fake.baseUrl, fetch: leakyFetch }).getPayment('imp_1'));

  assert.deepEqual(
    errors.map((e) => (e as PortOneApiError).kind),
    ['http', 'http', 'timeout', 'network', 'invalid-response', 'http', 'http', 'http', 'network', 'network'],
  );
  assert.ok(fake.issuedTokens.length >= 1);
  for (const error of errors) {
    const said = everythingSaidBy(error);
    assert.ok(!said.includes(fake.apiSecret), `secret in: ${said}`);
    for (const token of fake.issuedTokens) assert.ok(!said.includes(token), `token in: ${said}`);
  }
  // Scrubbed, not dropped: the rest of what the server and fetch said is still there.
  assert.match(everythingSaidBy(errors[0]), /Bad request .*\[redacted\]/);
  assert.match((errors[0] as PortOneApiError).portOneMessage ?? '', /^Bad request .*\[redacted\]/);
  assert.match((errors[1] as PortOneApiError).portOneMessage ?? '', /with Bearer \[redacted\]/);
  assert.match(everythingSaidBy(errors[1]), /with Bearer \[redacted\]/);
  assert.match(everythingSaidBy(errors[8]), /E_LEAK/);
});

test("the buyer's data a request sent, and the API key, are scrubbed from what a server or fetch quotes back; order ids and amounts stay", { timeout: 5_000 }, async (t) => {
  const { fake, client } = await setup(t);
  // A quote in the address: a server quoting the JSON body shows it as \".
  const hangul = '길동 홍';
  const buyer = { buyerEmail: 'jack.private@example.com', buyerName: 'Jack Son', buyerTel: '010-9999-8888', buyerAddr: '12 "Main" St', buyerPostcode: '04524', browserIp: '203.0.113.77' };
  const charge = { customerUid: 'cust_1', merchantUid: 'order_77', amount: 2077, name: 'Monthly plan', currency: 'USD', ...buyer };
  const address = { ...physicalShipping, shippingAddressEmail: 'jack.private@example.com' };
  const { imp_uid } = fake.addPayment({ merchant_uid: 'order_78' });
  const delivery: RegisterDeliveryInput = {
    impUid: imp_uid as string,
    merchantUid: 'order_78',
    type: 'physical',
    status: 'order_shipped',
    estimatedDeliveryDatetime: 1_750_000_000,
    estimatedUpdateDatetime: 1_750_000_000,
    refundable: 'yes',
    ...address,
  };
  const buyerData = [
    ...Object.values(buyer),
    hangul,
    JSON.stringify(buyer.buyerAddr).slice(1, -1),
    ...[address.shippingAddressEmail, address.shippingAddressCity, address.shippingAddressZip, address.shippingAddressStreet, address.shippingAddressPhone, address.shippingAddressFirstname, address.shippingAddressLastname],
  ];

  fake.injectFault({ type: 'echo-request' }, '/users/getToken');
  const token = await apiError(client.getPayment(imp_uid as string));
  fake.injectFault({ type: 'echo-request' }, '/subscribe/payments/again');
  const charged = await apiError(client.chargeBillingKey(charge));
  fake.injectFault({ type: 'echo-request' }, '/paymentwall/delivery');
  const delivered = await apiError(client.registerDelivery(delivery));
  // Paymentwall's refusal inside a code-0 envelope, its error and notices quoting the address.
  const refusal = { error_code: 3201, error: `Invalid street ${address.shippingAddressStreet}`, notices: [`${address.shippingAddressEmail} (${address.shippingAddressFirstname} ${address.shippingAddressLastname}, ${address.shippingAddressPhone}, ${address.shippingAddressZip} ${address.shippingAddressCity}) refused`] };
  fake.injectFault({ type: 'envelope', code: 0, message: '', response: refusal }, '/paymentwall/delivery');
  const refused = await apiError(client.registerDelivery(delivery));
  // A custom fetch whose error holds the request body.
  const through = (fetch: FetchLike) => new PortOneClient({ apiKey: fake.apiKey, apiSecret: fake.apiSecret, baseUrl: fake.baseUrl, fetch });
  const leaky = through(async (url, init) => {
    if (url.endsWith('/subscribe/payments/again')) throw new Error(`cannot send ${init.body}`, { cause: new Error(`body ${init.body}`) });
    return fetch(url, init);
  });
  const thrown = await apiError(leaky.chargeBillingKey(charge));
  // A server whose JSON escapes all but ASCII, as Python's does: a Hangul name comes back as \uAE38….
  const escaping = through(async (url, init) => {
    if (!url.endsWith('/subscribe/payments/again')) return fetch(url, init);
    const quoted = (init.body ?? '').replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
    return { status: 400, ok: false, text: async () => JSON.stringify({ code: -1, message: `Bad request ${quoted}`, response: null }) };
  });
  const escaped = await apiError(escaping.chargeBillingKey({ ...charge, buyerName: hangul }));
  assert.match(escaped.portOneMessage ?? '', /"buyer_name":"\[redacted\]"/);
  const v2 = await setupV2(t);
  v2.fake.injectFault({ type: 'echo-request' }, '/paymentwall/delivery/confirm');
  const confirmed = await apiError(v2.client.confirmDelivery({ ...v2Digital, transactionId: 'tx-78', deliveryType: 'PHYSICAL', deliveryStatus: 'ORDER_SHIPPED', ...address }));

  assert.deepEqual(
    [token, charged, delivered, refused, thrown, escaped, confirmed].map((e) => e.kind),
    ['http', 'http', 'http', 'api', 'network', 'http', 'http'],
  );
  const said = (error: PortOneApiError): string => [everythingSaidBy(error), error.portOneMessage, error.pgMessage].join('\n');
  assert.ok(!said(token).includes(fake.apiKey), said(token));
  for (const error of [charged, delivered, refused, thrown, escaped, confirmed]) {
    for (const value of buyerData) assert.ok(!said(error).includes(value), `${value} in: ${said(error)}`);
  }
  // Scrubbed, not dropped: the merchant's ids and amounts are still there to debug with.
  assert.match(charged.portOneMessage ?? '', /"merchant_uid":"order_77","amount":2077,.*"buyer_email":"\[redacted\]"/);
  assert.match(everythingSaidBy(thrown), /"customer_uid":"cust_1".*"buyer_addr":"\[redacted\]"/);
  assert.match(delivered.message, /"merchant_uid":"order_78".*"carrier_tracking_id":"JD014600003828"/);
  assert.match(refused.message, /Invalid street \[redacted\] \(\[redacted\] \(\[redacted\] \[redacted\], \[redacted\], \[redacted\] \[redacted\]\) refused\)/);
  assert.match(confirmed.portOneMessage ?? '', /"transactionId":"tx-78".*"shippingAddressEmail":"\[redacted\]"/);
  // A value under 3 characters is left, so that it cuts no word apart: the country code, not DELIVERED.
  assert.match(confirmed.portOneMessage ?? '', /"deliveryType":"PHYSICAL","deliveryStatus":"ORDER_SHIPPED".*"shippingAddressCountry":"DE"/);
});

test('a fetch that throws a value with no text still ends in a PortOneError, V1 and V2', async (t) => {
  const { fake } = await setup(t);
  const throwing: FetchLike = async () => {
    throw Object.create(null);
  };
  const v1 = new PortOneClient({ apiKey: fake.apiKey, apiSecret: fake.apiSecret, baseUrl: fake.baseUrl, fetch: throwing });
  assert.equal((await apiError(v1.getPayment('imp_1'))).kind, 'network');
  const v2 = new PortOneV2Client({ apiSecret: 'secret', baseUrl: fake.baseUrl, fetch: throwing });
  const error = await apiError(v2.cancelPayment({ paymentId: 'p1', reason: 'x' }));
  assert.equal(error.kind, 'network');
  // The key to repeat the cancel with is kept, since its outcome is unknown.
  assert.equal(typeof error.idempotencyKey, 'string');
});

test('inspecting or serialising the client shows no secret', async (t) => {
  const { fake, client } = await setup(t);
  await client.getPayment(fake.addPayment().imp_uid as string);
  const shown = `${inspect(client, { showHidden: true, depth: Infinity })}${JSON.stringify(client)}`;
  assert.ok(!shown.includes(fake.apiSecret));
  assert.ok(!shown.includes(fake.issuedTokens[0] as string));
});
