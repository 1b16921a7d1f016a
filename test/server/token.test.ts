import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PortOneApiError } from '../../src/server/index.js';
import { TOKEN_LIFETIME_S } from './fake-portone.js';
import { apiError, setup, trail } from './harness.js';

// A retry loop would never end on its own; these tests fail instead of hanging.
const BOUNDED = { timeout: 5_000 };

const TOKEN = '/users/getToken';

test('one token serves many calls and is sent as a Bearer header', async (t) => {
  const { fake, client } = await setup(t);
  const { imp_uid } = fake.addPayment();
  for (let i = 0; i < 3; i++) await client.getPayment(imp_uid as string);
  assert.equal(fake.count(TOKEN), 1);
  const [token] = fake.issuedTokens;
  assert.deepEqual(
    fake.apiRequests().map((r) => r.headers.authorization),
    [`Bearer ${token}`, `Bearer ${token}`, `Bearer ${token}`],
  );
});

test('the token request carries imp_key and imp_secret as JSON', async (t) => {
  const { fake, client } = await setup(t);
  await client.getPayment(fake.addPayment().imp_uid as string);
  const [tokenRequest] = fake.requests;
  assert.equal(tokenRequest?.headers['content-type'], 'application/json');
  assert.deepEqual(tokenRequest?.body, { imp_key: fake.apiKey, imp_secret: fake.apiSecret });
});

test('a token is replaced a minute before expired_at, so no call meets an expired token', async (t) => {
  const { fake, client, advance } = await setup(t);
  const { imp_uid } = fake.addPayment();
  await client.getPayment(imp_uid as string);
  advance(TOKEN_LIFETIME_S - 61);
  await client.getPayment(imp_uid as string);
  assert.equal(fake.count(TOKEN), 1, 'still 61 s left: the cached token is used');
  advance(1);
  await client.getPayment(imp_uid as string);
  assert.equal(fake.count(TOKEN), 2, '60 s left: a token request comes first');
  assert.ok(fake.requests.every((r) => r.status === 200));
});

test('after expiry a new token is fetched before the call, not after a 401', async (t) => {
  const { fake, client, advance } = await setup(t);
  const { imp_uid } = fake.addPayment();
  await client.getPayment(imp_uid as string);
  advance(TOKEN_LIFETIME_S + 1);
  await client.getPayment(imp_uid as string);
  assert.equal(fake.issuedTokens.length, 2);
  assert.equal(fake.apiRequests()[1]?.headers.authorization, `Bearer ${fake.issuedTokens[1]}`);
  assert.deepEqual(trail(fake), [
    'POST /users/getToken 200',
    `GET /payments/${imp_uid} 200`,
    'POST /users/getToken 200',
    `GET /payments/${imp_uid} 200`,
  ]);
});

test('a server clock an hour behind ours does not make every call fetch a token', async (t) => {
  const { fake, client, clock, advance } = await setup(t);
  clock.ms += 3600_000;
  const { imp_uid } = fake.addPayment();
  await client.getPayment(imp_uid as string);
  advance(TOKEN_LIFETIME_S / 2);
  await client.getPayment(imp_uid as string);
  assert.equal(fake.count(TOKEN), 1);
});

test('a server clock an hour ahead of ours does not make us use an expired token', async (t) => {
  const { fake, client, clock, advance } = await setup(t);
  clock.ms -= 3600_000;
  const { imp_uid } = fake.addPayment();
  await client.getPayment(imp_uid as string);
  advance(TOKEN_LIFETIME_S + 1);
  await client.getPayment(imp_uid as string);
  assert.equal(fake.count(TOKEN), 2);
  assert.ok(!fake.requests.some((r) => r.status === 401), trail(fake).join('\n'));
});

test('concurrent calls share one token request', async (t) => {
  const { fake, client } = await setup(t);
  const { imp_uid } = fake.addPayment();
  fake.injectFault({ type: 'slow', ms: 50 }, TOKEN);
  const payments = await Promise.all(Array.from({ length: 10 }, () => client.getPayment(imp_uid as string)));
  assert.equal(payments.length, 10);
  assert.equal(fake.count(TOKEN), 1);
});

test('a 401 replaces the token once and retries the call once', BOUNDED, async (t) => {
  const { fake, client } = await setup(t);
  const { imp_uid } = fake.addPayment();
  await client.getPayment(imp_uid as string);
  fake.revokeTokens();
  const payment = await client.getPayment(imp_uid as string);
  assert.equal(payment.impUid, imp_uid);
  assert.deepEqual(trail(fake).slice(2), [
    `GET /payments/${imp_uid} 401`,
    'POST /users/getToken 200',
    `GET /payments/${imp_uid} 200`,
  ]);
  assert.equal(fake.apiRequests()[2]?.headers.authorization, `Bearer ${fake.issuedTokens[1]}`);
});

test("a POST meeting PortOne's own 401 gets a new token and is sent once more", BOUNDED, async (t) => {
  const { fake, client } = await setup(t);
  const { imp_uid } = fake.addPayment({ pg_provider: 'html5_inicis' });
  await client.getPayment(imp_uid as string);
  fake.revokeTokens();
  assert.equal((await client.cancelPayment({ impUid: imp_uid as string, reason: 'x' })).status, 'cancelled');
  assert.deepEqual(trail(fake).slice(2), ['POST /payments/cancel 401', 'POST /users/getToken 200', 'POST /payments/cancel 200']);
});

test("a POST meeting a 401 without PortOne's envelope (a proxy's, a firewall's) is not sent again; its token is dropped", BOUNDED, async (t) => {
  const { fake, client } = await setup(t);
  const { imp_uid } = fake.addPayment({ pg_provider: 'html5_inicis' });
  await client.getPayment(imp_uid as string);
  const proxies = [{ type: 'status', status: 401 }, { type: 'json', status: 401, body: { code: 401, message: 'Unauthorized' } }] as const;
  for (const fault of proxies) {
    fake.injectFault(fault, '/payments/cancel');
    const error = await apiError(client.cancelPayment({ impUid: imp_uid as string, reason: 'x' }));
    assert.deepEqual([error.kind, error.status, error.portOneCode], ['http', 401, undefined], fault.type);
  }
  await client.getPayment(imp_uid as string);
  assert.deepEqual(trail(fake).slice(2), [
    'POST /payments/cancel 401',
    'POST /users/getToken 200',
    'POST /payments/cancel 401',
    'POST /users/getToken 200',
    `GET /payments/${imp_uid} 200`,
  ]);
  assert.equal(fake.payments.get(imp_uid as string)?.status, 'paid', 'nothing was cancelled');
});

test("a read meeting a 401 without PortOne's envelope is still retried with a new token", BOUNDED, async (t) => {
  const { fake, client } = await setup(t);
  const { imp_uid } = fake.addPayment();
  await client.getPayment(imp_uid as string);
  fake.injectFault({ type: 'status', status: 401 }, `/payments/${imp_uid}`);
  assert.equal((await client.getPayment(imp_uid as string)).impUid, imp_uid);
  assert.deepEqual(trail(fake).slice(2), [`GET /payments/${imp_uid} 401`, 'POST /users/getToken 200', `GET /payments/${imp_uid} 200`]);
});

test('a second 401 is thrown, not retried again', BOUNDED, async (t) => {
  const { fake, client } = await setup(t);
  const { imp_uid } = fake.addPayment();
  fake.rejectAllTokens = true;
  await assert.rejects(client.getPayment(imp_uid as string), (error: unknown) => {
    assert.ok(error instanceof PortOneApiError);
    assert.equal(error.kind, 'http');
    assert.equal(error.status, 401);
    assert.equal(error.endpoint, `GET /payments/${imp_uid}`);
    return true;
  });
  assert.equal(fake.apiRequests().length, 2);
  assert.equal(fake.count(TOKEN), 2);
});

test('concurrent calls that all meet a 401 share one replacement token', BOUNDED, async (t) => {
  const { fake, client } = await setup(t);
  const { imp_uid } = fake.addPayment();
  await client.getPayment(imp_uid as string);
  fake.revokeTokens();
  await Promise.all(Array.from({ length: 5 }, () => client.getPayment(imp_uid as string)));
  assert.equal(fake.count(TOKEN), 2);
  assert.equal(fake.apiRequests().filter((r) => r.status === 200).length, 6);
});

test('wrong credentials fail on the token request and nothing else is sent', async (t) => {
  const { fake, client } = await setup(t, { apiSecret: 'not-the-secret' });
  await assert.rejects(client.getPayment('imp_1'), (error: unknown) => {
    assert.ok(error instanceof PortOneApiError);
    assert.equal(error.status, 401);
    assert.equal(error.endpoint, 'POST /users/getToken');
    return true;
  });
  assert.deepEqual(trail(fake), ['POST /users/getToken 401']);
});

test('a failed token request is not remembered: the next call asks again', async (t) => {
  const { fake, client } = await setup(t);
  const { imp_uid } = fake.addPayment();
  fake.injectFault({ type: 'status', status: 500 }, TOKEN);
  await assert.rejects(client.getPayment(imp_uid as string), { name: 'PortOneApiError', status: 500 });
  assert.equal((await client.getPayment(imp_uid as string)).impUid, imp_uid);
  assert.equal(fake.count(TOKEN), 2);
});

test('tierCode is sent as the Tier header on API calls, not on the token request', async (t) => {
  const { fake, client } = await setup(t, { tierCode: 'A1B' });
  await client.getPayment(fake.addPayment().imp_uid as string);
  assert.deepEqual(
    fake.requests.map((r) => [r.path.split('/')[1], r.headers.tier]),
    [['users', undefined], ['payments', 'A1B']],
  );
});

test('without tierCode no Tier header is sent', async (t) => {
  const { fake, client } = await setup(t);
  await client.getPayment(fake.addPayment().imp_uid as string);
  assert.ok(fake.requests.every((r) => !('tier' in r.headers)));
});

test('a token issued with under a minute to live is reused for at least half of that life', async (t) => {
  const { fake, client, advance } = await setup(t);
  fake.tokenLifetimeS = 50;
  const { imp_uid } = fake.addPayment();
  await client.getPayment(imp_uid as string);
  advance(20);
  await client.getPayment(imp_uid as string);
  await client.getPayment(imp_uid as string);
  assert.equal(fake.count(TOKEN), 1, '30 s of 50 left: the token is reused, not fetched for every call');
  advance(6);
  await client.getPayment(imp_uid as string);
  assert.equal(fake.count(TOKEN), 2, 'past half of its life: a token request comes first');
  assert.ok(fake.requests.every((r) => r.status === 200));
});

test('the token request is retried after a 503 and a dropped connection', BOUNDED, async (t) => {
  const { fake, client } = await setup(t);
  const { imp_uid } = fake.addPayment();
  fake.injectFault({ type: 'status', status: 503 }, TOKEN);
  fake.injectFault({ type: 'drop' }, TOKEN);
  assert.equal((await client.getPayment(imp_uid as string)).impUid, imp_uid);
  assert.deepEqual(trail(fake), ['POST /users/getToken 503', 'POST /users/getToken dropped', 'POST /users/getToken 200', `GET /payments/${imp_uid} 200`]);
});

test('a token fetch could not send is refused as invalid-response, not cached: the next call asks again', BOUNDED, async (t) => {
  const { fake, client } = await setup(t);
  const { imp_uid } = fake.addPayment();
  for (const token of ['tok\nen-secret', 'tok en-secret', 'tök-secret']) {
    fake.injectFault({ type: 'envelope', code: 0, message: '', response: { access_token: token, expired_at: fake.now + TOKEN_LIFETIME_S, now: fake.now } }, TOKEN);
    const error = await client.getPayment(imp_uid as string).catch((e: unknown) => e);
    assert.ok(error instanceof PortOneApiError, String(error));
    assert.equal(error.kind, 'invalid-response', JSON.stringify(token));
    assert.equal(error.endpoint, 'POST /users/getToken');
    assert.ok(!error.message.includes('secret'), 'the token is not repeated');
  }
  assert.equal(fake.apiRequests().length, 0, 'no call went out with it');
  assert.equal((await client.getPayment(imp_uid as string)).impUid, imp_uid);
  assert.equal(fake.count(TOKEN), 4);
});
