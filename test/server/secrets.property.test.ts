// Generated failures, and the secrets nowhere in them. Each case makes one call with a fresh client
// (so the token request happens too), an input that is fine or carries the secret in a refused
// value, and a failure on the way: PortOne or a proxy quoting the request (body with imp_secret,
// Authorization with the token or the V2 secret), an error message carrying them, a careless
// custom fetch whose error and cause quote the request. Whatever error comes back must not
// carry the API secret, a token or the webhook secret in its message, stack, util.inspect output
// (causes included) or JSON.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { inspect } from 'node:util';
import { PortOneClient, PortOneV2Client, type FetchLike } from '../../src/server/index.js';
import { check, fc } from '../helpers/property.js';
import type { NetworkFault, RecordedRequest } from './fake-server.js';
import { FakePortOne, type EnvelopeFault } from './fake-portone.js';
import { FakePortOneV2, type V2ErrorFault } from './fake-portone-v2.js';
import { describe } from './generators.js';

const RUNS = { v1: 350, v2: 250 };

/** Every way an error is commonly shown: as a string, its stack, util.inspect (hidden fields, causes), JSON. */
function views(error: unknown): string[] {
  const shown = [String(error), inspect(error, { depth: Infinity, showHidden: true }), JSON.stringify(error) ?? ''];
  for (let e: unknown = error; e instanceof Error; e = e.cause) shown.push(e.message, e.stack ?? '', JSON.stringify(e) ?? '');
  return shown;
}

function assertNoSecret(error: unknown, secrets: string[]): void {
  if (error === undefined) return;
  for (const secret of secrets) {
    for (const view of views(error)) assert.ok(!view.includes(secret), `an error shows a secret: ${describe(error)}\n${view}`);
  }
}

/** A custom fetch that fails quoting what it was asked to send, with the request as its cause and `code`. */
const carelessFetch = (how: 'error' | 'string' | 'code'): FetchLike =>
  async (url, init) => {
    const quoted = `fetch ${url} failed: ${JSON.stringify(init.headers)} ${init.body ?? ''}`;
    if (how === 'string') throw quoted;
    const error = new TypeError(quoted, { cause: Object.assign(new Error(`request ${init.body ?? ''}`), { request: init }) });
    if (how === 'code') Object.assign(error, { code: `E_${init.headers.Authorization ?? init.body ?? ''}` });
    throw error;
  };

type Careless = 'error' | 'string' | 'code' | null;
const careless = fc.oneof({ weight: 8, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.constantFrom<Careless>('error', 'string', 'code') });

/** Client options for a case: the careless fetch, if any, with a limit short enough that its failure is not retried with back-off. */
const fetchOptions = (mode: Careless): { timeoutMs: number; fetch?: FetchLike } => (mode ? { timeoutMs: 100, fetch: carelessFetch(mode) } : { timeoutMs: 5000 });

/** The error `call` ends with when the fake meets only `injected` (if anything); `undefined` when it succeeds. */
async function failureOf<F>(fake: { clearFaults(): void; injectFault(fault: F, path?: string): void }, injected: [F, string | undefined] | null, call: () => Promise<unknown>): Promise<unknown> {
  fake.clearFaults();
  if (injected) fake.injectFault(...injected);
  return call().then(
    () => undefined,
    (e: unknown) => e,
  );
}

test(`V1: no error from generated failures shows the API secret or a token (${RUNS.v1} cases)`, async (t) => {
  const fake = await FakePortOne.start();
  t.after(() => fake.close());
  const known = fake.addPayment({ pg_provider: 'html5_inicis' }).imp_uid as string;
  // A first token, so faults can quote it before the case's own token request.
  await new PortOneClient({ apiKey: fake.apiKey, apiSecret: fake.apiSecret, baseUrl: fake.baseUrl }).getPayment(known);
  /** The API secret, and the tokens this case's client sent (a token it never held, it cannot know to hide). */
  const secrets = (sent: RecordedRequest[]): string[] => [
    fake.apiSecret,
    ...sent.flatMap((r) => (r.headers.authorization ? [r.headers.authorization.replace(/^Bearer /, '')] : [])),
  ];
  const token = (): string => fake.issuedTokens.at(-1) as string;

  const fault: fc.Arbitrary<[NetworkFault | EnvelopeFault, string | undefined] | null> = fc.option(
    fc.tuple(
      fc.oneof(
        fc.constant<NetworkFault>({ type: 'echo-request' }),
        fc.constant<NetworkFault>({ type: 'non-json' }),
        fc.constantFrom(400, 401, 403, 500).map((status): NetworkFault => ({ type: 'status', status })),
        fc.constantFrom(302, 307).map((status): NetworkFault => ({ type: 'redirect', status: status as 302, location: `https://elsewhere.example/?s=${fake.apiSecret}` })),
        fc.tuple(fc.constantFrom(200, 400, 401, 500), fc.constantFrom(-1, 1)).map(([status, code]): EnvelopeFault => ({
          type: 'envelope',
          status,
          code,
          message: `refused ${fake.apiSecret} with token ${token()}`,
          response: { imp_secret: fake.apiSecret, access_token: token() },
        })),
      ),
      fc.constantFrom<string | undefined>('/users/getToken', `/payments/${known}`, '/payments/cancel', '/payments/prepare', undefined),
    ),
    { freq: 4 },
  );
  // Calls with an input that is fine, or with the secret in a value the rules refuse.
  const call = fc.constantFrom<[string, (c: PortOneClient, s: string) => Promise<unknown>]>(
    ['getPayment', (c) => c.getPayment(known)],
    ['verifyPayment', (c) => c.verifyPayment({ impUid: known, amount: 1, currency: 'KRW', merchantUid: 'other' })],
    ['verifyPayment, secret as amount', (c, s) => c.verifyPayment({ impUid: known, amount: s as never, currency: 'KRW', merchantUid: 'x' })],
    ['cancelPayment', (c) => c.cancelPayment({ impUid: known, amount: 1, checksum: 1004, reason: 'test' })],
    ['cancelPayment, secret as checksum', (c, s) => c.cancelPayment({ impUid: known, checksum: s as never })],
    ['preparePayment', (c) => c.preparePayment({ merchantUid: `order-${Math.random()}`, amount: 1000 })],
    ['preparePayment, secret as currency', (c, s) => c.preparePayment({ merchantUid: 'o', amount: 1, currency: s })],
    ['chargeBillingKey, secret as buyerEmail', (c, s) => c.chargeBillingKey({ customerUid: 'c', merchantUid: 'o', amount: 1, name: 'n', currency: 'KRW', buyerEmail: s })],
    ['chargeBillingKey, secret in an unknown key', (c, s) => c.chargeBillingKey({ customerUid: 'c', merchantUid: 'o', amount: 1, name: 'n', currency: 'KRW', buyerEmail: 'a@b.c', imp_secret: s } as never)],
    ['handleWebhook', (c) => c.handleWebhook({ imp_uid: known }, { remoteAddress: '52.78.100.19' })],
    ['handleWebhook, secret as imp_uid', (c, s) => c.handleWebhook({ imp_uid: [s] })],
    ['handleWebhook, secret as the address', (c, s) => c.handleWebhook({ imp_uid: known }, { remoteAddress: s })],
  );

  await check(
    RUNS.v1,
    fc.asyncProperty(call, fault, careless, async ([, method], injected, fetchMode) => {
      const client = new PortOneClient({ apiKey: fake.apiKey, apiSecret: fake.apiSecret, baseUrl: fake.baseUrl, ...fetchOptions(fetchMode) });
      const before = fake.requests.length;
      const error = await failureOf(fake, injected, () => method(client, fake.apiSecret));
      assertNoSecret(error, secrets(fake.requests.slice(before)));
    }),
  );
});

test(`V2: no error from generated failures shows the API secret or the webhook secret (${RUNS.v2} cases)`, async (t) => {
  const fake = await FakePortOneV2.start();
  t.after(() => fake.close());
  const { id, transactionId } = fake.addPayment() as { id: string; transactionId: string };
  const webhookSecret = fake.webhookSecrets[0] as string;
  const secrets = [fake.apiSecret, webhookSecret, webhookSecret.replace(/^whsec_/, '')];

  const fault: fc.Arbitrary<[NetworkFault | V2ErrorFault, string | undefined] | null> = fc.option(
    fc.tuple(
      fc.oneof(
        fc.constant<NetworkFault>({ type: 'echo-request' }),
        fc.constant<NetworkFault>({ type: 'non-json' }),
        fc.constantFrom(400, 401, 500).map((status): NetworkFault => ({ type: 'status', status })),
        fc.constant<NetworkFault>({ type: 'redirect', status: 307, location: `https://elsewhere.example/?s=${fake.apiSecret}` }),
        fc.constantFrom(400, 401, 409, 500).map((status): V2ErrorFault => ({
          type: 'error',
          status,
          errorType: `BAD_${fake.apiSecret}`,
          message: `Authorization: PortOne ${fake.apiSecret}`,
          pgCode: fake.apiSecret,
          pgMessage: `secret ${fake.apiSecret}`,
        })),
      ),
      fc.constantFrom<string | undefined>(`/payments/${id}`, `/payments/${id}/cancel`, undefined),
    ),
    { freq: 4 },
  );
  const body = JSON.stringify({ type: 'Transaction.Paid', data: { paymentId: id } });
  const call = fc.constantFrom<[string, (c: PortOneV2Client) => Promise<unknown>]>(
    ['getPayment', (c) => c.getPayment(id)],
    ['verifyPayment', (c) => c.verifyPayment({ paymentId: id, amount: 1, currency: 'USD' })],
    ['cancelPayment', (c) => c.cancelPayment({ paymentId: id, reason: 'test', amount: 1, currentCancellableAmount: 150 })],
    ['cancelPayment, secret as amount', (c) => c.cancelPayment({ paymentId: id, reason: 'x', amount: fake.apiSecret as never })],
    ['preRegisterPayment, secret as idempotencyKey', (c) => c.preRegisterPayment({ paymentId: 'new', totalAmount: 1, currency: 'USD', idempotencyKey: `"${fake.apiSecret}"` })],
    ['confirmDelivery', (c) => c.confirmDelivery({ transactionId, deliveryType: 'DIGITAL', deliveryStatus: 'DELIVERED', estimatedDeliveryDatetime: new Date(), estimatedUpdateDatetime: new Date(), refundable: false, details: 'd', shippingAddressEmail: 'a@b.c' })],
    ['handleWebhook', (c) => c.handleWebhook(body, fake.signWebhook(body))],
    ['handleWebhook, tampered', (c) => c.handleWebhook(`${body} `, fake.signWebhook(body))],
    ['handleWebhook, signed with the secret as the id', (c) => c.handleWebhook(body, { ...fake.signWebhook(body), 'webhook-id': webhookSecret })],
  );

  await check(
    RUNS.v2,
    fc.asyncProperty(call, fault, careless, async ([, method], injected, fetchMode) => {
      const client = new PortOneV2Client({ apiSecret: fake.apiSecret, webhookSecret, baseUrl: fake.baseUrl, ...fetchOptions(fetchMode) });
      assertNoSecret(await failureOf(fake, injected, () => method(client)), secrets);
    }),
  );
});
