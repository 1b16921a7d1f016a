// Generated inputs for every PortOneClient (V1) method: built field by field from each rule's good
// and bad values, so the test knows whether a rule must refuse the input. A refused input rejects
// with a PortOneInputError before any request (not even the token's); an accepted one reaches the
// fake exactly as given: the ids in the path, every field in the body under its snake_case name.
import assert from 'node:assert/strict';
import { test, type TestContext } from 'node:test';
import { PortOneClient, PortOneInputError, type PortOneClientOptions } from '../../src/server/index.js';
import { check, fc } from '../helpers/property.js';
import { FakePortOne } from './fake-portone.js';
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
  ipAddress,
  jsonText,
  milliseconds,
  nonNegativeInteger,
  notString,
  observe,
  oneOf,
  pathId,
  personName,
  positiveInteger,
  requestOf,
  shortString,
  snake,
  text,
  unixSeconds,
  viaJson,
  withKnown,
  yesNo,
  type FieldSpec,
  type InputSpec,
} from './generators.js';

const RUNS = { id: 200, body: 300, constructor: 300, header: 100 };

/**
 * One fake for a whole property; cases run one after another, each watched on its own. An input
 * the rules accept goes to one shared client (its token cached); one they refuse goes to a client
 * with no token yet, so a token request made before the check would show.
 */
async function start(t: TestContext) {
  const fake = await FakePortOne.start();
  t.after(() => fake.close());
  const build = (): PortOneClient => new PortOneClient({ apiKey: fake.apiKey, apiSecret: fake.apiSecret, baseUrl: fake.baseUrl, timeoutMs: 5000 });
  const shared = build();
  return { fake, clientFor: (...generated: { valid: boolean }[]): PortOneClient => (generated.every((g) => g.valid) ? shared : build()) };
}

// ——— methods that take an id ———

type IdMethod = 'getPayment' | 'findPaymentByMerchantUid' | 'getBillingKey' | 'deleteBillingKey';
const ID_METHODS: [IdMethod, string, 'GET' | 'DELETE', string[], number | undefined][] = [
  ['getPayment', 'impUid', 'GET', ['payments'], undefined],
  ['findPaymentByMerchantUid', 'merchantUid', 'GET', ['payments', 'find'], 40],
  ['getBillingKey', 'customerUid', 'GET', ['subscribe', 'customers'], 80],
  ['deleteBillingKey', 'customerUid', 'DELETE', ['subscribe', 'customers'], 80],
];

for (const [method, field, verb, prefix, max] of ID_METHODS) {
  test(`${method}: any argument is refused before any request or reaches PortOne as the id it is (${RUNS.id} cases)`, async (t) => {
    const { fake, clientFor } = await start(t);
    const known = [0, 1, 2].flatMap(() => {
      const payment = fake.addPayment();
      fake.addBillingKey(`cust_${String(payment.imp_uid)}`);
      return [payment.imp_uid as string, payment.merchant_uid as string, `cust_${String(payment.imp_uid)}`];
    });
    await check(
      RUNS.id,
      fc.asyncProperty(argumentOf(withKnown(pathId(max), known)), callOptions, async (id, options) => {
        const seen = await observe(fake, () => (clientFor(id, options)[method] as (id: unknown, options: unknown) => Promise<unknown>)(id.input, options.options));
        const request = requestOf(seen, { ...id, why: `${field} ${id.why}` }, options);
        if (!id.valid) assert.equal((seen.error as PortOneInputError).field, field);
        if (!request) return;
        assert.equal(request.method, verb);
        assert.deepEqual(request.segments, [...prefix, id.input]);
        assert.equal(request.query.size, 0);
      }),
    );
  });
}

// ——— methods that take an input object ———

const verifySpec = (known: string[]): InputSpec => ({
  impUid: { ...withKnown(pathId(), known), required: true },
  amount: { ...positiveInteger, required: true },
  currency: { ...currency, required: true },
  merchantUid: { ...text(40), required: true },
});

const prepareSpec: InputSpec = {
  merchantUid: { ...text(40), required: true },
  amount: { ...positiveInteger, required: true },
  currency,
};

const chargeSpec: InputSpec = {
  customerUid: { ...text(80), required: true },
  merchantUid: { ...text(40), required: true },
  amount: { ...positiveInteger, required: true },
  name: { ...text(40), required: true },
  currency: { ...currency, required: true },
  buyerEmail: { ...email(64), required: true },
  buyerName: personName(16),
  buyerTel: text(16),
  buyerAddr: text(128),
  buyerPostcode: text(8),
  browserIp: ipAddress,
  noticeUrl: text(),
  customData: jsonText,
};

const isBlank = (value: unknown): boolean => value === undefined || value === null || value === '';

const cancelSpec = (known: string[]): InputSpec => ({
  impUid: { ...withKnown(text(), known), required: (input) => isBlank(input.merchantUid) },
  merchantUid: text(40),
  amount: { ...positiveInteger, strict: true },
  reason: text(),
  checksum: { ...nonNegativeInteger, strict: true, required: (input) => Object.hasOwn(input, 'amount') },
  enableWebhook: flag,
});

const physical = (spec: FieldSpec): FieldSpec => ({ ...spec, required: (input) => input.type === 'physical' });
const deliverySpec: InputSpec = {
  impUid: { ...text(40), required: true },
  merchantUid: { ...text(40), required: true },
  type: { ...oneOf('physical', 'digital'), required: true },
  status: { ...oneOf('order_placed', 'order_shipped', 'delivering', 'delivered'), required: true },
  estimatedDeliveryDatetime: { ...unixSeconds, required: true },
  estimatedUpdateDatetime: { ...unixSeconds, required: true },
  refundable: { ...yesNo, required: true },
  shippingAddressEmail: { ...email(50), required: true },
  reason: text(64),
  details: text(400),
  carrierTrackingId: physical(text(64)),
  carrierType: physical(text(64)),
  shippingAddressCountry: physical(text(40)),
  shippingAddressCity: physical(text(40)),
  shippingAddressZip: physical(text(40)),
  shippingAddressState: physical(text(40)),
  shippingAddressStreet: physical(text(40)),
  shippingAddressPhone: physical(text(40)),
  shippingAddressFirstname: physical(text(40)),
  shippingAddressLastname: physical(text(40)),
};

type BodyMethod = 'preparePayment' | 'chargeBillingKey' | 'cancelPayment' | 'registerDelivery';

/** Posting methods: the body PortOne receives is the input's fields, snake_case, with each rule's conversion. */
function postingProperty(method: BodyMethod, path: string, spec: (known: string[]) => InputSpec): void {
  test(`${method}: any input is refused before any request or posted to ${path} field for field (${RUNS.body} cases)`, async (t) => {
    const { fake, clientFor } = await start(t);
    const known = [0, 1, 2].map(() => fake.addPayment({ pg_provider: 'html5_inicis' }).imp_uid as string);
    await check(
      RUNS.body,
      fc.asyncProperty(inputOf(spec(known)), callOptions, async (generated, options) => {
        const seen = await observe(fake, () => (clientFor(generated, options)[method] as (input: unknown, options: unknown) => Promise<unknown>)(generated.input, options.options));
        const request = requestOf(seen, generated, options);
        if (!request) return;
        assert.equal(`${request.method} ${request.path}`, `POST ${path}`);
        const expected = Object.fromEntries(Object.entries(generated.wire).map(([field, value]) => [snake(field), value]));
        assert.deepEqual(request.body, viaJson(expected));
      }),
    );
  });
}

postingProperty('preparePayment', '/payments/prepare', () => prepareSpec);
postingProperty('chargeBillingKey', '/subscribe/payments/again', () => chargeSpec);
postingProperty('cancelPayment', '/payments/cancel', cancelSpec);
postingProperty('registerDelivery', '/paymentwall/delivery', () => deliverySpec);

test(`verifyPayment: any input is refused before any request or reads the payment it names (${RUNS.body} cases)`, async (t) => {
  const { fake, clientFor } = await start(t);
  const known = [0, 1, 2].map(() => fake.addPayment().imp_uid as string);
  await check(
    RUNS.body,
    fc.asyncProperty(inputOf(verifySpec(known)), callOptions, async (generated, options) => {
      const seen = await observe(fake, () => clientFor(generated, options).verifyPayment(generated.input as never, options.options as never));
      const request = requestOf(seen, generated, options);
      if (!request) return;
      assert.equal(request.method, 'GET');
      assert.deepEqual(request.segments, ['payments', generated.wire.impUid]);
    }),
  );
});

// ——— the constructor ———

const secureUrl: FieldSpec = {
  good: fc.oneof(
    fc.webAuthority({ withPort: true }).map((host) => `https://${host}`),
    fc.constantFrom('https://api.iamport.kr', 'https://api.iamport.kr/', 'http://localhost:8080', 'http://127.0.0.1', 'http://[::1]:3000/base/'),
  ).map((value) => ({ value, wire: value })),
  bad: fc.oneof(
    notString,
    fc.constantFrom('http://api.iamport.kr', 'ftp://api.iamport.kr', 'https://api.iamport.kr?x=1', 'https://api.iamport.kr#x', 'https://user:pw@api.iamport.kr', 'api.iamport.kr', 'https://', 'javascript:alert(1)'),
  ),
};
const callable: FieldSpec = {
  good: fc.constantFrom(() => Date.now(), async () => undefined, class {}).map((value) => ({ value, wire: value })),
  bad: notString.filter((v) => typeof v !== 'function'),
};

const clientOptionSpec: InputSpec = {
  apiKey: { ...text(), required: true },
  apiSecret: { ...text(), required: true },
  baseUrl: secureUrl,
  timeoutMs: milliseconds,
  fetch: callable,
  tierCode: { good: fc.stringMatching(/^[\x21-\x7e]{1,12}$/).map((value) => ({ value, wire: value })), bad: notString },
  now: callable,
  includeSandbox: flag,
};

test(`new PortOneClient: any options construct a client or throw a PortOneInputError, sending nothing (${RUNS.constructor} cases)`, async (t) => {
  const { fake } = await start(t);
  check(
    RUNS.constructor,
    fc.property(inputOf(clientOptionSpec), (generated) => assertConstructor((options) => new PortOneClient(options as PortOneClientOptions), generated)),
  );
  assert.equal(fake.requests.length, 0);
});

test(`the tier code is refused when constructing, or reaches PortOne as the Tier header it is (${RUNS.header} cases)`, async (t) => {
  const fake = await FakePortOne.start();
  t.after(() => fake.close());
  const { imp_uid: impUid } = fake.addPayment();
  await check(
    RUNS.header,
    // Short ones: a header of many kilobytes meets the server's own size limit (Node's is 16 KB), which is no rule of ours.
    fc.asyncProperty(shortString, async (tierCode) => {
      const client = builtOrRefused(() => new PortOneClient({ apiKey: fake.apiKey, apiSecret: fake.apiSecret, baseUrl: fake.baseUrl, tierCode }));
      if (!client) return;
      const seen = await observe(fake, () => client.getPayment(impUid as string));
      assert.ok(!seen.rejected, `a constructed client failed: ${describe(seen.error)}`);
      assert.equal(apiRequest(seen).headers.tier, tierCode === '' ? undefined : tierCode);
    }),
  );
});
