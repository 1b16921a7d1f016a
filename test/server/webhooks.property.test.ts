// Generated webhook requests. V1: any body (object, JSON or form text, bytes, URLSearchParams,
// garbage, huge) from any address; V2: any body with missing, wrong, tampered or stale signatures,
// and correctly signed bodies of any JSON. Each is read a second way here (the oracle) to know
// what must happen: a refusal with the documented error and no request, or exactly one request
// for the payment the body names.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  PORTONE_WEBHOOK_ADDRESSES,
  PortOneClient,
  PortOneInputError,
  WebhookVerificationError,
  type Payment,
  type V2WebhookEvent,
} from '../../src/server/index.js';
import { check, fc } from '../helpers/property.js';
import {
  anyString,
  anything,
  apiRequest,
  assertOrdinary,
  callOptions,
  describe,
  observe,
  pathId,
  shortString,
  wellFormed,
  type Observed,
} from './generators.js';
import { setup, setupV2 } from './harness.js';

const RUNS = { v1: 700, v2Refused: 400, v2Signed: 400 };

/** A path id by a second reading: a non-empty string, not a dot segment, with a UTF-8 form. */
const isPathId = (value: unknown): value is string => typeof value === 'string' && value !== '' && value !== '.' && value !== '..' && wellFormed(value);

function assertRefusedWith(seen: Observed, type: typeof PortOneInputError | typeof WebhookVerificationError, why: string): void {
  assert.ok(seen.rejected, `accepted (${why})`);
  assert.ok(seen.error instanceof type, `expected a ${type.name} (${why}), got ${describe(seen.error)}`);
  assert.deepEqual(seen.sent.map((r) => `${r.method} ${r.path}`), [], 'a refused webhook sent a request');
}

// ——— V1 ———

/** The `imp_uid` a V1 webhook body names, read a second way; `refused` when the body is over 64 KiB as sent, or unreadable. */
function v1ImpUid(body: unknown): { refused: true } | { refused: false; impUid: unknown } {
  const bytes = typeof body === 'string' ? Buffer.byteLength(body, 'utf8') : body instanceof Uint8Array ? body.byteLength : 0;
  return bytes > 64 * 1024 ? { refused: true } : readImpUid(body);
}

function readImpUid(body: unknown): { refused: true } | { refused: false; impUid: unknown } {
  if (body instanceof URLSearchParams) return { refused: false, impUid: body.getAll('imp_uid').at(-1) };
  if (body instanceof Uint8Array) return readImpUid(Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8'));
  if (typeof body === 'string') {
    const text = body.trim();
    if (!text.startsWith('{')) return { refused: false, impUid: new URLSearchParams(text).getAll('imp_uid').at(-1) };
    try {
      return { refused: false, impUid: (JSON.parse(text) as { imp_uid?: unknown }).imp_uid };
    } catch {
      return { refused: true };
    }
  }
  if (typeof body === 'object' && body !== null && !Array.isArray(body)) return { refused: false, impUid: (body as { imp_uid?: unknown }).imp_uid };
  return { refused: true };
}

const jsonable = fc.oneof(shortString, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.jsonValue({ maxDepth: 2 }));

/** Fields of a notice_url body: an imp_uid of any kind (or none) and whatever else PortOne or anyone adds. */
const v1Fields = (known: string[]) =>
  fc
    .tuple(
      fc.option(fc.oneof({ weight: 4, arbitrary: pathId().good.map((g) => g.value) }, { weight: 2, arbitrary: fc.constantFrom(...known) }, { weight: 3, arbitrary: jsonable })),
      fc.dictionary(fc.constantFrom('merchant_uid', 'status', 'cancellation_id', '__proto__', 'constructor', 'IMP_UID', 'imp_uid[]'), jsonable, { maxKeys: 3 }),
    )
    .map(([impUid, rest]) => {
      const fields: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(rest)) Object.defineProperty(fields, key, { value, enumerable: true, writable: true, configurable: true });
      if (impUid !== null) fields.imp_uid = impUid;
      return fields;
    });

const pad = fc.constantFrom('', ' ', '\n', '\t \r\n', '\ufeff');

/** A form body's pairs: strings as they are, anything else as its JSON. */
const pairs = (fields: Record<string, unknown>): [string, string][] =>
  Object.entries(fields).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]);

/** V1 webhook bodies in every shape the client documents, and garbage, and huge ones. */
const v1Body = (known: string[]): fc.Arbitrary<unknown> =>
  fc.oneof(
    { weight: 3, arbitrary: v1Fields(known) },
    { weight: 3, arbitrary: fc.tuple(v1Fields(known), pad, pad).map(([f, a, b]) => `${a}${JSON.stringify(f)}${b}`) },
    { weight: 3, arbitrary: v1Fields(known).map((f) => new URLSearchParams(pairs(f)).toString()) },
    { weight: 2, arbitrary: v1Fields(known).map((f) => Buffer.from(JSON.stringify(f))) },
    { weight: 1, arbitrary: v1Fields(known).map((f) => new TextEncoder().encode(new URLSearchParams(pairs(f)).toString())) },
    { weight: 2, arbitrary: v1Fields(known).map((f) => new URLSearchParams(pairs(f))) },
    { weight: 2, arbitrary: anything },
    { weight: 1, arbitrary: fc.tuple(pad, anyString).map(([p, s]) => `${p}{${s}`) },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 64 }) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom(...known), fc.integer({ min: 10_000, max: 300_000 }))
        .map(([impUid, size]) => JSON.stringify({ imp_uid: impUid, padding: 'x'.repeat(size) })),
    },
  );

const portOne = fc.constantFrom(...PORTONE_WEBHOOK_ADDRESSES);
/** The sender: PortOne's addresses (plain or IPv4-mapped), anyone else's, or no address at all. */
const remoteAddress = fc.oneof(
  { weight: 4, arbitrary: portOne },
  { weight: 1, arbitrary: portOne.chain((a) => fc.constantFrom(`::ffff:${a}`, `::FFFF:${a}`)) },
  { weight: 1, arbitrary: portOne.chain((a) => fc.constantFrom(` ${a}`, `${a}:443`, `${a}.`, `::ffff:${a}x`, a.replace(/\d+$/, '1'), `0${a}`)) },
  { weight: 1, arbitrary: fc.oneof(fc.ipV4(), fc.ipV6(), fc.ipV4().map((a) => `::ffff:${a}`)) },
  { weight: 1, arbitrary: anything },
);

interface V1Options {
  options: unknown;
  /** Why the options are refused as input, if they are. */
  badOptions?: string;
  /** Whether PortOne's address rule refuses the sender. */
  untrusted: boolean;
}

const v1Options: fc.Arbitrary<V1Options> = fc.oneof(
  { weight: 3, arbitrary: fc.constant<V1Options>({ options: undefined, untrusted: false }) },
  {
    weight: 6,
    arbitrary: remoteAddress.map((address): V1Options => {
      const plain = typeof address === 'string' && address.toLowerCase().startsWith('::ffff:') ? address.slice(7) : address;
      return { options: { remoteAddress: address }, untrusted: !PORTONE_WEBHOOK_ADDRESSES.includes(plain as string) };
    }),
  },
  { weight: 1, arbitrary: fc.constantFrom<V1Options>({ options: { signal: 'x' }, badOptions: 'bad signal', untrusted: false }, { options: { remoteAdress: '52.78.100.19' }, badOptions: 'unknown key', untrusted: false }, { options: null, badOptions: 'null', untrusted: false }) },
);

test(`V1 handleWebhook: any body from any address is refused before any request or reads exactly the payment it names (${RUNS.v1} cases)`, async (t) => {
  const { fake, client } = await setup(t);
  const known = [0, 1, 2].map(() => fake.addPayment().imp_uid as string);
  await check(
    RUNS.v1,
    fc.asyncProperty(v1Body(known), v1Options, async (body, sender) => {
      const read = v1ImpUid(body);
      const refused = sender.badOptions !== undefined || sender.untrusted || read.refused || !isPathId(read.impUid);
      // A refusal goes to a client with no token yet, so a token request made before the checks would show.
      const by = refused ? new PortOneClient({ apiKey: fake.apiKey, apiSecret: fake.apiSecret, baseUrl: fake.baseUrl }) : client;
      const seen = await observe(fake, () => by.handleWebhook(body as never, sender.options as never));
      if (sender.badOptions) return assertRefusedWith(seen, PortOneInputError, sender.badOptions);
      if (sender.untrusted) {
        assertRefusedWith(seen, WebhookVerificationError, 'a sender other than PortOne');
        assert.equal((seen.error as WebhookVerificationError).reason, 'untrusted-address');
        return;
      }
      if (read.refused || !isPathId(read.impUid)) return assertRefusedWith(seen, PortOneInputError, read.refused ? 'unreadable body' : 'no usable imp_uid');
      assertOrdinary(seen, false);
      const request = apiRequest(seen);
      assert.deepEqual([request.method, ...request.segments], ['GET', 'payments', read.impUid]);
      if (!seen.rejected) assert.equal((seen.value as Payment).impUid, read.impUid);
    }),
  );
});

// ——— V2 ———

const FIVE_MINUTES_MS = 5 * 60_000;

/** The event the client must return for a signed body, read a second way; `refused` names the input error. */
function v2Event(text: string): { refused: string } | { refused?: undefined; type: string; paymentId: string | null } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.startsWith('\ufeff') ? text.slice(1) : text);
  } catch {
    return { refused: 'rawBody' };
  }
  const event = parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  const data = event.data !== null && typeof event.data === 'object' ? (event.data as Record<string, unknown>) : event;
  const id = data.paymentId ?? data.payment_id;
  const type = typeof event.type === 'string' ? event.type : typeof event.status === 'string' ? `Transaction.${event.status}` : 'unknown';
  // A Transaction event must name its payment; any other may name none.
  if (typeof id !== 'string' || id === '') return type.startsWith('Transaction.') ? { refused: 'paymentId' } : { type, paymentId: null };
  return isPathId(id) ? { type, paymentId: id } : { refused: 'paymentId' };
}

test(`V2 handleWebhook: any body without a valid signature is refused before any request (${RUNS.v2Refused} cases)`, async (t) => {
  const { fake, client } = await setupV2(t);
  const { id } = fake.addPayment();
  const signedText = JSON.stringify({ type: 'Transaction.Paid', timestamp: '2026-06-01T12:00:05.000Z', data: { paymentId: id } });
  const other = `whsec_${Buffer.from('another secret of 32 bytes......').toString('base64')}`;
  const headerNames = fc.constantFrom('webhook-id', 'webhook-timestamp', 'webhook-signature', 'Webhook-Signature', 'svix-signature');
  type Case = { body: unknown; headers: unknown; reason?: string };
  const cases: fc.Arbitrary<Case> = fc.oneof(
    // No or made-up headers.
    fc.record({ body: fc.oneof(anyString, fc.constant(signedText)), headers: fc.dictionary(headerNames, fc.oneof(shortString, fc.array(shortString, { maxLength: 2 })), { maxKeys: 4 }) }),
    fc.record({ body: fc.constant(signedText), headers: fc.oneof(fc.constant({}), fc.constant(new Headers()), fc.constant(new Map()), fc.constant([])) }),
    // Signed, then tampered with: body, id, timestamp or signature.
    fc.tuple(shortString, fc.integer({ min: 0, max: 3 })).map(([change, what]): Case => {
      const headers = fake.signWebhook(signedText);
      if (what === 0) return { body: `${signedText}${change || ' '}`, headers, reason: 'bad-signature' };
      if (what === 1) return { body: signedText, headers: { ...headers, 'webhook-id': `${headers['webhook-id']}${change || 'x'}` } };
      if (what === 2) return { body: signedText, headers: { ...headers, 'webhook-timestamp': String(Number(headers['webhook-timestamp']) - 1) }, reason: 'bad-signature' };
      return { body: signedText, headers: { ...headers, 'webhook-signature': `v1,${Buffer.from(change || 'x').toString('base64')}` }, reason: 'bad-signature' };
    }),
    // Signed with a secret the client does not have.
    fc.constant(null).map((): Case => ({ body: signedText, headers: fake.signWebhook(signedText, { secrets: [other] }), reason: 'bad-signature' })),
    // Signed correctly, but more than five minutes away from now.
    fc.tuple(fc.boolean(), fc.integer({ min: FIVE_MINUTES_MS + 5_000, max: 10 * 365 * 86_400_000 })).map(([past, ms]): Case => ({
      body: signedText,
      headers: fake.signWebhook(signedText, { timestamp: new Date(Date.now() + (past ? -ms : ms)) }),
      reason: past ? 'timestamp-too-old' : 'timestamp-too-new',
    })),
    // Not a raw body, or no headers object at all.
    fc.record({ body: anything.filter((v) => typeof v !== 'string'), headers: fc.constant(null).map(() => fake.signWebhook(signedText)) }),
    fc.record({ body: fc.constant(signedText), headers: fc.oneof(fc.constant(null), fc.constant(undefined), shortString, fc.integer()) }),
  );
  await check(
    RUNS.v2Refused,
    fc.asyncProperty(cases, async ({ body, headers, reason }) => {
      const seen = await observe(fake, () => client.handleWebhook(body as never, headers as never));
      if (typeof body !== 'string' && !(body instanceof Uint8Array)) return assertRefusedWith(seen, PortOneInputError, 'not a raw body');
      if (typeof headers !== 'object' || headers === null) return assertRefusedWith(seen, PortOneInputError, 'no headers object');
      assertRefusedWith(seen, WebhookVerificationError, 'no valid signature');
      if (reason) assert.equal((seen.error as WebhookVerificationError).reason, reason);
    }),
  );
});

test(`V2 handleWebhook: a correctly signed body of any JSON returns the event it says and reads only the payment it names (${RUNS.v2Signed} cases)`, async (t) => {
  const { fake, client } = await setupV2(t);
  const known = [0, 1, 2].map(() => fake.addPayment().id as string);
  const id = fc.oneof(fc.constantFrom(...known), pathId().good.map((g) => g.value), fc.constantFrom('.', '..', 'order-\ud800', '\udc00'), jsonable);
  const text = fc.oneof(
    { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)) },
    { weight: 4, arbitrary: fc.record({ type: jsonable, timestamp: jsonable, data: fc.record({ paymentId: id, storeId: jsonable }, { requiredKeys: [] }) }, { requiredKeys: [] }).map((v) => JSON.stringify(v)) },
    { weight: 2, arbitrary: fc.record({ payment_id: id, tx_id: jsonable, status: jsonable }, { requiredKeys: [] }).map((v) => JSON.stringify(v)) },
    { weight: 1, arbitrary: fc.record({ data: fc.oneof(fc.constant(null), fc.array(jsonable)), paymentId: id }).map((v) => JSON.stringify(v)) },
    { weight: 1, arbitrary: anyString },
    { weight: 1, arbitrary: fc.constantFrom(...known).map((paymentId) => `\ufeff${JSON.stringify({ data: { paymentId } })}`) },
  );
  // The raw body as a string or bytes; the headers as Node gives them, as Fetch Headers, or in capitals with one-element arrays.
  const form = fc.constantFrom('string', 'bytes', 'headers', 'shouting');
  await check(
    RUNS.v2Signed,
    fc.asyncProperty(text, form, callOptions, async (body, as, options) => {
      const signed = fake.signWebhook(body);
      const raw = as === 'bytes' && wellFormed(body) ? new TextEncoder().encode(body) : body;
      const headers = as === 'headers' ? new Headers(signed) : as === 'shouting' ? Object.fromEntries(Object.entries(signed).map(([k, v]) => [k.toUpperCase(), [v]])) : signed;
      const seen = await observe(fake, () => client.handleWebhook(raw, headers, options.options as never));
      if (!options.valid) return assertRefusedWith(seen, PortOneInputError, 'bad options');
      const expected = v2Event(body);
      if (expected.refused !== undefined) {
        assertRefusedWith(seen, PortOneInputError, `signed, but ${expected.refused} is unusable`);
        assert.equal((seen.error as PortOneInputError).field, expected.refused);
        return;
      }
      assertOrdinary(seen, false);
      if (expected.paymentId === null) {
        assert.deepEqual(seen.sent, [], 'a webhook about no payment sent a request');
        const event = seen.value as V2WebhookEvent;
        assert.deepEqual([event.type, event.paymentId, event.payment], [expected.type, null, null]);
        return;
      }
      // A caller's signal that has already fired ends the call before the payment is read.
      assertOrdinary(seen, options.aborted);
      if (options.aborted) return;
      const request = apiRequest(seen);
      assert.deepEqual([request.method, ...request.segments], ['GET', 'payments', expected.paymentId]);
      if (seen.rejected) return;
      const event = seen.value as V2WebhookEvent;
      assert.deepEqual([event.type, event.paymentId, event.payment?.paymentId], [expected.type, expected.paymentId, expected.paymentId]);
    }),
  );
});
