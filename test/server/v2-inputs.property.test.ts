// Generated inputs for every PortOneV2Client method and its constructor, as in
// v1-inputs.property.test.ts: a refused input rejects with a PortOneInputError before any request;
// an accepted one reaches the fake as given (paymentId in the path, storeId where V2 takes it, the
// body field for field, the Idempotency-Key header as chosen or a fresh UUID).
import assert from 'node:assert/strict';
import { test, type TestContext } from 'node:test';
import { PortOneInputError, PortOneV2Client, type PortOneV2ClientOptions } from '../../src/server/index.js';
import { check, fc } from '../helpers/property.js';
import { FakePortOneV2 } from './fake-portone-v2.js';
import {
  apiRequest,
  argumentOf,
  assertConstructor,
  builtOrRefused,
  callOptions,
  currency,
  describe,
  email,
  flag,
  inputOf,
  milliseconds,
  nonNegativeInteger,
  notString,
  observe,
  oneOf,
  pathId,
  positiveInteger,
  requestOf,
  shortString,
  text,
  viaJson,
  withKnown,
  type ApiRequest,
  type FieldSpec,
  type Generated,
  type InputSpec,
} from './generators.js';

const RUNS = { id: 250, body: 300, constructor: 300, header: 100 };

async function start(t: TestContext) {
  const fake = await FakePortOneV2.start();
  t.after(() => fake.close());
  const client = new PortOneV2Client({ apiSecret: fake.apiSecret, storeId: fake.storeId, baseUrl: fake.baseUrl, timeoutMs: 5000 });
  const known = [0, 1, 2].map(() => fake.addPayment().id as string);
  return { fake, client, known };
}

/** RFC 8941 string contents, as the `Idempotency-Key` header carries them: 16 to 256 printable ASCII, no `"` or `\`. */
const idempotencyKey: FieldSpec = {
  good: fc.stringMatching(/^[\x20\x21\x23-\x5b\x5d-\x7e]{16,80}$/).map((value) => ({ value, wire: value })),
  bad: fc.oneof(
    notString,
    fc.constantFrom('short-key', '"quoted-idempotency-key"', 'back\\slash-idempotency-key', 'ключ-идемпотентности-1234', 'tab\tin-the-idempotency-key', 'k'.repeat(257)),
  ),
};

/** A Date (sent as RFC 3339 in UTC), or an RFC 3339 date-time with its offset. */
const dateTime: FieldSpec = {
  good: fc.oneof(
    fc.date({ noInvalidDate: true }).map((value) => ({ value, wire: value.toISOString() })),
    fc
      .tuple(fc.date({ min: new Date('1000-01-01T00:00:00Z'), max: new Date('9999-12-30T00:00:00Z'), noInvalidDate: true }), fc.integer({ min: -14 * 60, max: 14 * 60 }))
      .map(([date, offset]) => {
        const local = new Date(date.getTime() + offset * 60_000).toISOString().replace(/Z$/, '');
        const hhmm = `${String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0')}:${String(Math.abs(offset) % 60).padStart(2, '0')}`;
        return { value: `${local}${offset === 0 ? 'Z' : `${offset < 0 ? '-' : '+'}${hhmm}`}`, wire: date.toISOString() };
      }),
  ),
  bad: fc.oneof(
    notString.filter((v) => !(v instanceof Date && !Number.isNaN(v.getTime()))),
    fc.constantFrom('2026-06-01', '2026-06-01 12:00:00Z', '2026-06-01T12:00:00', '1750000000', '2026-13-01T00:00:00Z', 'tomorrow', 'Mon, 01 Jun 2026 12:00:00 GMT'),
  ),
};

const country: FieldSpec = {
  good: fc.stringMatching(/^[A-Z]{2}$/).map((value) => ({ value, wire: value })),
  bad: fc.oneof(notString, fc.constantFrom('de', 'DEU', 'D1', 'Ü1', ' D')),
};

const urls: FieldSpec = {
  good: fc.array(fc.webUrl(), { maxLength: 3 }).map((value) => ({ value, wire: value })),
  bad: fc.oneof(
    notString.filter((v) => !(Array.isArray(v) && v.length === 0)),
    fc.constantFrom(['ftp://example.com/proof.png'], ['not a url'], [1], ['https://example.com', null], 'https://example.com/proof.png'),
  ),
};

const cancelSpec = (known: string[]): InputSpec => ({
  paymentId: { ...withKnown(pathId(), known), required: true },
  reason: { ...text(), required: true },
  amount: { ...positiveInteger, strict: true },
  currentCancellableAmount: { ...nonNegativeInteger, strict: true, required: (input) => Object.hasOwn(input, 'amount') },
  idempotencyKey,
});

const preRegisterSpec = (known: string[]): InputSpec => ({
  paymentId: { ...withKnown(pathId(), known), required: true },
  totalAmount: { ...positiveInteger, required: true },
  currency: { ...currency, required: true },
  taxFreeAmount: nonNegativeInteger,
  idempotencyKey,
});

const physical = (spec: FieldSpec): FieldSpec => ({ ...spec, required: (input) => input.deliveryType === 'PHYSICAL' });
const deliverySpec: InputSpec = {
  transactionId: { ...text(), required: true },
  deliveryType: { ...oneOf('DIGITAL', 'PHYSICAL'), required: true },
  deliveryStatus: { ...oneOf('ORDER_PLACED', 'ORDER_SHIPPED', 'DELIVERED'), required: true },
  estimatedDeliveryDatetime: { ...dateTime, required: true },
  estimatedUpdateDatetime: { ...dateTime, required: true },
  refundable: { ...flag, required: true },
  details: { ...text(), required: true },
  shippingAddressEmail: { ...email(254), required: true },
  reason: text(),
  attachments: urls,
  carrierTrackingId: physical(text()),
  carrierType: physical(text()),
  shippingAddressCountry: physical(country),
  shippingAddressCity: physical(text()),
  shippingAddressZip: physical(text()),
  shippingAddressState: physical(text()),
  shippingAddressStreet: physical(text()),
  shippingAddressPhone: physical(text()),
  shippingAddressFirstname: physical(text()),
  shippingAddressLastname: physical(text()),
  idempotencyKey,
};

/** The `Idempotency-Key` sent: the caller's, or a fresh UUID, as an RFC 8941 string. */
function assertIdempotencyKey(request: ApiRequest, chosen: unknown): void {
  const header = request.headers['idempotency-key'];
  if (chosen === undefined) assert.match(String(header), /^"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"$/);
  else assert.equal(header, `"${String(chosen)}"`);
}

test(`V2 getPayment: any argument is refused before any request or reaches PortOne as the paymentId it is (${RUNS.id} cases)`, async (t) => {
  const { fake, client, known } = await start(t);
  await check(
    RUNS.id,
    fc.asyncProperty(argumentOf(withKnown(pathId(), known)), callOptions, async (id, options) => {
      const seen = await observe(fake, () => client.getPayment(id.input as string, options.options as never));
      const request = requestOf(seen, { ...id, why: `paymentId ${id.why}` }, options);
      if (!id.valid) assert.equal((seen.error as PortOneInputError).field, 'paymentId');
      if (!request) return;
      assert.deepEqual([request.method, ...request.segments], ['GET', 'payments', id.input]);
      assert.equal(request.query.get('storeId'), fake.storeId);
      if (!seen.rejected) assert.equal((seen.value as { paymentId: string }).paymentId, id.input);
    }),
  );
});

test(`V2 verifyPayment: any input is refused before any request or reads the payment it names (${RUNS.body} cases)`, async (t) => {
  const { fake, client, known } = await start(t);
  const spec: InputSpec = {
    paymentId: { ...withKnown(pathId(), known), required: true },
    amount: { ...positiveInteger, required: true },
    currency: { ...currency, required: true },
  };
  await check(
    RUNS.body,
    fc.asyncProperty(inputOf(spec), callOptions, async (generated, options) => {
      const seen = await observe(fake, () => client.verifyPayment(generated.input as never, options.options as never));
      const request = requestOf(seen, generated, options);
      if (!request) return;
      assert.deepEqual([request.method, ...request.segments], ['GET', 'payments', generated.wire.paymentId]);
    }),
  );
});

const POSTS: [string, (known: string[]) => InputSpec, (wire: Record<string, unknown>) => string[], (client: PortOneV2Client, input: unknown, options: unknown) => Promise<unknown>, boolean][] = [
  ['cancelPayment', cancelSpec, (wire) => ['payments', String(wire.paymentId), 'cancel'], (c, i, o) => c.cancelPayment(i as never, o as never), true],
  ['preRegisterPayment', preRegisterSpec, (wire) => ['payments', String(wire.paymentId), 'pre-register'], (c, i, o) => c.preRegisterPayment(i as never, o as never), true],
  ['confirmDelivery', () => deliverySpec, () => ['paymentwall', 'delivery', 'confirm'], (c, i, o) => c.confirmDelivery(i as never, o as never), false],
];

for (const [method, spec, path, call, takesStore] of POSTS) {
  test(`V2 ${method}: any input is refused before any request or posted field for field with its Idempotency-Key (${RUNS.body} cases)`, async (t) => {
    const { fake, client, known } = await start(t);
    await check(
      RUNS.body,
      fc.asyncProperty(inputOf(spec(known)), callOptions, async (generated: Generated, options) => {
        const seen = await observe(fake, () => call(client, generated.input, options.options));
        const request = requestOf(seen, generated, options);
        if (!request) return;
        assert.deepEqual([request.method, ...request.segments], ['POST', ...path(generated.wire)]);
        const { paymentId: _inPath, idempotencyKey: chosen, ...body } = generated.wire;
        assert.deepEqual(request.body, viaJson({ ...body, ...(takesStore ? { storeId: fake.storeId } : {}) }));
        assertIdempotencyKey(request, chosen);
      }),
    );
  });
}

// ——— the constructor ———

const whsec = fc.uint8Array({ minLength: 24, maxLength: 32 }).map((bytes) => `whsec_${Buffer.from(bytes).toString('base64')}`);
const optionSpec: InputSpec = {
  apiSecret: { good: fc.stringMatching(/^[\x21-\x7e]{1,80}$/).map((value) => ({ value, wire: value })), bad: notString, required: true },
  webhookSecret: {
    good: fc.oneof(whsec, fc.array(whsec, { minLength: 1, maxLength: 2 })).map((value) => ({ value, wire: value })),
    bad: fc.oneof(notString.filter((v) => typeof v !== 'string'), fc.constantFrom([], [''], Array(3).fill('whsec_AAAAAAAAAAAAAAAAAAAAAAAA'), [1])),
  },
  storeId: text(),
  baseUrl: {
    good: fc.constantFrom('https://api.portone.io', 'https://proxy.example/portone/', 'http://localhost:8080', 'http://[::1]:9').map((value) => ({ value, wire: value })),
    bad: fc.oneof(notString, fc.constantFrom('http://api.portone.io', 'ftp://api.portone.io', 'https://api.portone.io?x', 'https://u:p@api.portone.io', 'api.portone.io')),
  },
  timeoutMs: milliseconds,
  fetch: { good: fc.constant(() => Promise.reject(new Error('unused'))).map((value) => ({ value, wire: value })), bad: notString.filter((v) => typeof v !== 'function') },
  acceptTestPayments: flag,
};

test(`new PortOneV2Client: any options construct a client or throw a PortOneInputError, sending nothing (${RUNS.constructor} cases)`, async (t) => {
  const { fake } = await start(t);
  check(
    RUNS.constructor,
    fc.property(inputOf(optionSpec), (generated) => assertConstructor((options) => new PortOneV2Client(options as PortOneV2ClientOptions), generated)),
  );
  assert.equal(fake.requests.length, 0);
});

test(`the V2 API secret is refused when constructing, or reaches PortOne in the Authorization header as it is (${RUNS.header} cases)`, async (t) => {
  const { fake, known } = await start(t);
  // Short ones: a header of many kilobytes meets the server's own size limit, which is no rule of ours.
  await check(
    RUNS.header,
    fc.asyncProperty(shortString, async (apiSecret) => {
      const client = builtOrRefused(() => new PortOneV2Client({ apiSecret, baseUrl: fake.baseUrl }));
      if (!client) return;
      const seen = await observe(fake, () => client.getPayment(known[0] as string));
      assert.ok(!seen.rejected || (seen.error as { status?: number }).status === 401, `a constructed client failed: ${describe(seen.error)}`);
      assert.equal(apiRequest(seen).headers.authorization, `PortOne ${apiSecret}`);
    }),
  );
});
