import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  PortOneClient,
  PortOneInputError,
  type CancelPaymentInput,
  type ChargeBillingKeyInput,
  type PortOneClientOptions,
  type PreparePaymentInput,
  type RegisterDeliveryInput,
  type VerifyPaymentInput,
  type WebhookOptions,
} from '../../src/server/index.js';
import { physicalShipping } from './fixtures.js';
import { assertRefusesInherited, inherited, inheriting, refusedBeforeAnyRequest, setup, setupV2 } from './harness.js';

// Inputs are deliberately wrong here; the casts let JavaScript-style mistakes through the compiler.
type Loose<T> = { [K in keyof T]?: unknown } & Record<string, unknown>;

const charge: ChargeBillingKeyInput = {
  customerUid: 'cust_1',
  merchantUid: 'order_1',
  amount: 20,
  name: 'Monthly plan',
  currency: 'USD',
  buyerEmail: 'jack@example.com',
};

const digitalDelivery: RegisterDeliveryInput = {
  impUid: 'imp_1',
  merchantUid: 'order_1',
  type: 'digital',
  status: 'delivered',
  estimatedDeliveryDatetime: 1_750_000_000,
  estimatedUpdateDatetime: 1_750_000_000,
  refundable: 'no',
  shippingAddressEmail: 'jack@example.com',
};

const physicalDelivery: RegisterDeliveryInput = { ...digitalDelivery, type: 'physical', ...physicalShipping };

const long = (length: number): string => 'x'.repeat(length);

type Case = [description: string, field: string, call: (client: PortOneClient) => Promise<unknown>];

const chargeWith = (change: Loose<ChargeBillingKeyInput>) => (c: PortOneClient) =>
  c.chargeBillingKey({ ...charge, ...change } as ChargeBillingKeyInput);
const deliveryWith = (base: RegisterDeliveryInput, change: Loose<RegisterDeliveryInput>) => (c: PortOneClient) =>
  c.registerDelivery({ ...base, ...change } as RegisterDeliveryInput);
const verifyWith = (change: Loose<Parameters<PortOneClient['verifyPayment']>[0]>) => (c: PortOneClient) =>
  c.verifyPayment({ impUid: 'imp_1', amount: 1000, currency: 'KRW', merchantUid: 'order_1', ...change } as Parameters<PortOneClient['verifyPayment']>[0]);
const cancelWith = (change: Loose<CancelPaymentInput>) => (c: PortOneClient) => c.cancelPayment({ impUid: 'imp_1', ...change } as CancelPaymentInput);

const cases: Case[] = [
  ['getPayment without an imp_uid', 'impUid', (c) => c.getPayment('')],
  ['getPayment with a number', 'impUid', (c) => c.getPayment(42 as unknown as string)],
  // A URL parser resolves `.` and `..` (and `%2e`), so `GET /payments/..` would reach `GET /`.
  ["getPayment with the id '..'", 'impUid', (c) => c.getPayment('..')],
  ["findPaymentByMerchantUid with the id '.'", 'merchantUid', (c) => c.findPaymentByMerchantUid('.')],
  ["deleteBillingKey with the id '..'", 'customerUid', (c) => c.deleteBillingKey('..')],
  ['getBillingKey with a lone surrogate, which has no UTF-8 to percent-encode', 'customerUid', (c) => c.getBillingKey('cust_\ud800')],
  ["verifyPayment with the impUid '..'", 'impUid', verifyWith({ impUid: '..' })],
  ["handleWebhook with the imp_uid '..'", 'imp_uid', (c) => c.handleWebhook({ imp_uid: '..' })],

  ['verifyPayment without impUid', 'impUid', verifyWith({ impUid: undefined })],
  ['verifyPayment with amount 0', 'amount', verifyWith({ amount: 0 })],
  ['verifyPayment with a negative amount', 'amount', verifyWith({ amount: -1 })],
  ['verifyPayment with a fractional amount', 'amount', verifyWith({ amount: 10.5 })],
  ['verifyPayment with the amount as a string', 'amount', verifyWith({ amount: '1000' })],
  ['verifyPayment with an unsafe integer', 'amount', verifyWith({ amount: 2 ** 53 })],
  ['verifyPayment without currency', 'currency', verifyWith({ currency: undefined })],
  ['verifyPayment with a 4-letter currency', 'currency', verifyWith({ currency: 'KRWW' })],
  ['verifyPayment with a 41-character merchantUid', 'merchantUid', verifyWith({ merchantUid: long(41) })],
  ['verifyPayment without merchantUid', 'merchantUid', verifyWith({ merchantUid: undefined })],
  ['verifyPayment with an empty merchantUid', 'merchantUid', verifyWith({ merchantUid: '' })],
  ['verifyPayment with a null merchantUid', 'merchantUid', verifyWith({ merchantUid: null })],

  ['findPaymentByMerchantUid without a merchantUid', 'merchantUid', (c) => c.findPaymentByMerchantUid('')],
  ['findPaymentByMerchantUid with a 41-character merchantUid', 'merchantUid', (c) => c.findPaymentByMerchantUid(long(41))],
  ['getBillingKey without a customerUid', 'customerUid', (c) => c.getBillingKey(undefined as never)],
  ['getBillingKey with an 81-character customerUid', 'customerUid', (c) => c.getBillingKey(long(81))],
  ['deleteBillingKey without a customerUid', 'customerUid', (c) => c.deleteBillingKey('')],
  ['deleteBillingKey with a number', 'customerUid', (c) => c.deleteBillingKey(7 as never)],
  ['getPayment with a signal that is no AbortSignal', 'signal', (c) => c.getPayment('imp_1', { signal: 'stop' as never })],
  ['getPayment with an unknown option', 'timeout', (c) => c.getPayment('imp_1', { timeout: 5 } as never)],
  ['handleWebhook with a signal that is no AbortSignal', 'signal', (c) => c.handleWebhook({ imp_uid: 'imp_1' }, { signal: {} as never })],

  ['preparePayment without merchantUid', 'merchantUid', (c) => c.preparePayment({ amount: 1000 } as never)],
  ['preparePayment with a 41-character merchantUid', 'merchantUid', (c) => c.preparePayment({ merchantUid: long(41), amount: 1000 })],
  ['preparePayment with NaN', 'amount', (c) => c.preparePayment({ merchantUid: 'o', amount: Number.NaN })],
  ['preparePayment with a bad currency', 'currency', (c) => c.preparePayment({ merchantUid: 'o', amount: 1, currency: 'US' })],

  ['chargeBillingKey without customerUid', 'customerUid', chargeWith({ customerUid: undefined })],
  ['chargeBillingKey with an 81-character customerUid', 'customerUid', chargeWith({ customerUid: long(81) })],
  ['chargeBillingKey without merchantUid', 'merchantUid', chargeWith({ merchantUid: '' })],
  ['chargeBillingKey with a 41-character merchantUid', 'merchantUid', chargeWith({ merchantUid: long(41) })],
  ['chargeBillingKey with amount 0', 'amount', chargeWith({ amount: 0 })],
  ['chargeBillingKey without name', 'name', chargeWith({ name: undefined })],
  ['chargeBillingKey with a 41-character name', 'name', chargeWith({ name: long(41) })],
  ['chargeBillingKey without currency', 'currency', chargeWith({ currency: undefined })],
  ['chargeBillingKey without buyerEmail (Paymentwall requires it)', 'buyerEmail', chargeWith({ buyerEmail: undefined })],
  ['chargeBillingKey with a buyerEmail that is no address', 'buyerEmail', chargeWith({ buyerEmail: 'jack.example.com' })],
  ['chargeBillingKey with a 65-character buyerEmail', 'buyerEmail', chargeWith({ buyerEmail: `${long(53)}@example.com` })],
  ['chargeBillingKey with a one-word buyerName', 'buyerName', chargeWith({ buyerName: 'Madonna' })],
  ['chargeBillingKey with a double space in buyerName', 'buyerName', chargeWith({ buyerName: 'Jack  Son' })],
  ['chargeBillingKey with a 17-character buyerName', 'buyerName', chargeWith({ buyerName: 'Maximilian Muster' })],
  ['chargeBillingKey with a 17-character buyerTel', 'buyerTel', chargeWith({ buyerTel: '0'.repeat(17) })],
  ['chargeBillingKey with a 129-character buyerAddr', 'buyerAddr', chargeWith({ buyerAddr: long(129) })],
  ['chargeBillingKey with a 9-character buyerPostcode', 'buyerPostcode', chargeWith({ buyerPostcode: '123456789' })],
  ['chargeBillingKey with a browserIp that is no IP', 'browserIp', chargeWith({ browserIp: '999.1.1.1' })],
  ['chargeBillingKey with an array as customData', 'customData', chargeWith({ customData: [1] })],
  // JSON.stringify throws a TypeError for these; it used to escape as one.
  ['chargeBillingKey with a bigint inside customData', 'customData', chargeWith({ customData: { cents: 10n } })],
  ['chargeBillingKey with a cycle inside customData', 'customData', chargeWith({ customData: ((o: Record<string, unknown>) => Object.assign(o, { self: o }))({}) })],
  ['chargeBillingKey with a snake_case key', 'buyer_tel', chargeWith({ buyer_tel: '010' })],

  ['cancelPayment without impUid or merchantUid', 'impUid', (c) => c.cancelPayment({ reason: 'x' })],
  ['cancelPayment with amount 0', 'amount', cancelWith({ amount: 0 })],
  // A NULL column must not turn a partial refund into a full one.
  ['cancelPayment with amount null', 'amount', cancelWith({ amount: null })],
  ["cancelPayment with amount ''", 'amount', cancelWith({ amount: '' })],
  // A missing field read from a row or a request body is as often undefined as null.
  ['cancelPayment with the amount key holding undefined', 'amount', cancelWith({ amount: undefined })],
  ['cancelPayment with the checksum key holding undefined', 'checksum', cancelWith({ amount: 5, checksum: undefined })],
  ['cancelPayment with checksum null', 'checksum', cancelWith({ amount: 5, checksum: null })],
  // Without it, a partial refund repeated after a timeout (a retried job) is made twice.
  ['cancelPayment with amount but without checksum', 'checksum', cancelWith({ amount: 5 })],
  ["cancelPayment with amount '500'", 'amount', cancelWith({ amount: '500' })],
  ['cancelPayment with amount NaN', 'amount', cancelWith({ amount: Number.NaN })],
  ['cancelPayment with a fractional amount', 'amount', cancelWith({ amount: 0.5 })],
  ['cancelPayment with a negative checksum', 'checksum', (c) => c.cancelPayment({ impUid: 'imp_1', checksum: -1 })],
  ['cancelPayment with enableWebhook as a string', 'enableWebhook', (c) => c.cancelPayment({ impUid: 'imp_1', enableWebhook: 'yes' as never })],

  ...(Object.keys(digitalDelivery) as (keyof RegisterDeliveryInput)[]).map(
    (field): Case => [`registerDelivery without ${field}`, field, deliveryWith(digitalDelivery, { [field]: undefined })],
  ),
  ...(Object.keys(physicalShipping) as (keyof RegisterDeliveryInput)[]).map(
    (field): Case => [`a physical registerDelivery without ${field}`, field, deliveryWith(physicalDelivery, { [field]: undefined })],
  ),
  ['registerDelivery with type express', 'type', deliveryWith(digitalDelivery, { type: 'express' })],
  ['registerDelivery with status shipped', 'status', deliveryWith(digitalDelivery, { status: 'shipped' })],
  ['registerDelivery with refundable maybe', 'refundable', deliveryWith(digitalDelivery, { refundable: 'maybe' })],
  ['registerDelivery with an invalid Date', 'estimatedDeliveryDatetime', deliveryWith(digitalDelivery, { estimatedDeliveryDatetime: new Date('x') })],
  // -1 as a number was refused, but a Date before 1970 was sent as negative seconds.
  ['registerDelivery with a Date before 1970', 'estimatedDeliveryDatetime', deliveryWith(digitalDelivery, { estimatedDeliveryDatetime: new Date('1969-12-31T23:59:59Z') })],
  ['registerDelivery with UNIX seconds as a string', 'estimatedUpdateDatetime', deliveryWith(digitalDelivery, { estimatedUpdateDatetime: '1750000000' })],
  ['registerDelivery with a 41-character impUid', 'impUid', deliveryWith(digitalDelivery, { impUid: long(41) })],
  ['registerDelivery with a 51-character shippingAddressEmail', 'shippingAddressEmail', deliveryWith(digitalDelivery, { shippingAddressEmail: `${long(39)}@example.com` })],
  ['registerDelivery with a 65-character reason', 'reason', deliveryWith(digitalDelivery, { reason: long(65) })],
  ['registerDelivery with 401-character details', 'details', deliveryWith(digitalDelivery, { details: long(401) })],
  ['registerDelivery with a 65-character carrierTrackingId', 'carrierTrackingId', deliveryWith(physicalDelivery, { carrierTrackingId: long(65) })],
  ['registerDelivery with a 41-character shippingAddressState', 'shippingAddressState', deliveryWith(physicalDelivery, { shippingAddressState: long(41) })],

  ['handleWebhook with an object without imp_uid', 'imp_uid', (c) => c.handleWebhook({ merchant_uid: 'order_1', status: 'paid' })],
  ['handleWebhook with a form body without imp_uid', 'imp_uid', (c) => c.handleWebhook('merchant_uid=order_1&status=paid')],
  ['handleWebhook with broken JSON', 'body', (c) => c.handleWebhook('{"imp_uid": ')],
  ['handleWebhook with a number', 'body', (c) => c.handleWebhook(42 as never)],
  ['handleWebhook with null', 'body', (c) => c.handleWebhook(null as never)],
];

refusedBeforeAnyRequest('refused before any request', cases, setup);

test('the case table covers all 8 always-required and all 10 physical-only delivery fields', () => {
  assert.equal(Object.keys(digitalDelivery).length, 8);
  assert.equal(Object.keys(physicalShipping).length, 10);
});

test('a refused value is never repeated in the message', async (t) => {
  const { client } = await setup(t);
  const value = 'jack.private-address.example';
  await assert.rejects(chargeWith({ buyerEmail: value })(client), (error: Error) => !error.message.includes(value));
});

test('a partial refund without its guard is refused saying why, and without the amount', async (t) => {
  const { client } = await setup(t);
  const v2 = await setupV2(t);
  await assert.rejects(client.cancelPayment({ impUid: 'imp_1', amount: 4321 }), (error: Error) => /refunding twice/.test(error.message) && !error.message.includes('4321'));
  await assert.rejects(v2.client.cancelPayment({ paymentId: 'order-1', reason: 'x', amount: 4321 }), (error: Error) => /refunding twice/.test(error.message) && !error.message.includes('4321'));
});

test('lengths count characters, so 40 Hangul characters are a valid name', async (t) => {
  const { fake, client } = await setup(t);
  fake.billingKeys.set('cust_1', 'jack@example.com');
  const name = '가'.repeat(40);
  await client.chargeBillingKey({ ...charge, name });
  assert.equal(fake.apiRequests()[0]?.body.name, name);
});

const options: PortOneClientOptions = { apiKey: 'key', apiSecret: 'the-secret-value' };
const constructorCases: [string, Loose<PortOneClientOptions>][] = [
  ['apiKey', { apiKey: undefined }],
  ['apiSecret', { apiSecret: '' }],
  ['baseUrl', { baseUrl: 'ftp://api.iamport.kr' }],
  // The token request carries imp_secret: never over plain http to anything but this machine.
  ['baseUrl', { baseUrl: 'http://api.example.com' }],
  ['baseUrl', { baseUrl: 'http://api.iamport.kr' }],
  ['baseUrl', { baseUrl: 'http://127.0.0.2.example.com' }],
  ['baseUrl', { baseUrl: 'http://10.0.0.1:8080' }],
  ['baseUrl', { baseUrl: 'https://user:pass@api.iamport.kr' }],
  ['baseUrl', { baseUrl: 'not a url' }],
  ['timeoutMs', { timeoutMs: 0 }],
  // More than a timer holds: AbortSignal.timeout ended every call after 1 ms, or threw a RangeError.
  ['timeoutMs', { timeoutMs: 2 ** 31 }],
  ['timeoutMs', { timeoutMs: Number.MAX_SAFE_INTEGER }],
  ['fetch', { fetch: 'fetch' }],
  ['now', { now: 1 }],
  ['tierCode', { tierCode: 7 }],
  // Sent as the Tier header: a control character made every call fail as a "network" error after the token request.
  ['tierCode', { tierCode: 'A01\n' }],
  ['tierCode', { tierCode: 'A 01' }],
  ['tierCode', { tierCode: '티어' }],
  ['includeSandbox', { includeSandbox: 'yes' }],
  ['apisecret', { apisecret: 'typo' }],
];
for (const [field, change] of constructorCases) {
  test(`the constructor refuses a bad ${field}: ${JSON.stringify(change[field]) ?? 'undefined'}`, () => {
    assert.throws(
      () => new PortOneClient({ ...options, ...change } as PortOneClientOptions),
      (error: unknown) => error instanceof PortOneInputError && error.field === field && !error.message.includes('the-secret-value'),
    );
  });
}

for (const baseUrl of ['https://api.iamport.kr', 'https://proxy.example/portone/', 'http://localhost:8080', 'http://127.0.0.1:9', 'http://[::1]:9']) {
  test(`the constructor accepts baseUrl ${baseUrl}`, () => {
    assert.ok(new PortOneClient({ ...options, baseUrl }) instanceof PortOneClient);
  });
}

test('the longest timeoutMs a timer holds, 2^31 - 1 ms, is accepted by both clients, and calls run under it', async (t) => {
  const { fake, client } = await setup(t, { timeoutMs: 2 ** 31 - 1 });
  const { imp_uid } = fake.addPayment();
  assert.equal((await client.getPayment(imp_uid as string)).impUid, imp_uid);
  const v2 = await setupV2(t, { timeoutMs: 2 ** 31 - 1 });
  const { id } = v2.fake.addPayment();
  assert.equal((await v2.client.getPayment(id as string)).paymentId, id);
});

test('a field is read only from the input itself: a polluted Object.prototype adds nothing to a call', async (t) => {
  const { fake, client } = await setup(t);
  fake.billingKeys.set('cust_1', 'jack@example.com');
  const polluted = Object.prototype as Record<string, unknown>;
  polluted.noticeUrl = 'https://attacker.example/hook';
  try {
    await client.chargeBillingKey({ customerUid: 'cust_1', merchantUid: 'order_9', amount: 20, name: 'Plan', currency: 'USD', buyerEmail: 'jack@example.com' });
  } finally {
    delete polluted.noticeUrl;
  }
  assert.equal(JSON.parse(fake.apiRequests().at(-1)?.rawBody ?? '{}').notice_url, undefined);
  const v2 = await setupV2(t);
  const { id } = v2.fake.addPayment() as { id: string };
  polluted.idempotencyKey = 'polluted-key-0000000000';
  try {
    assert.notEqual((await v2.client.cancelPayment({ paymentId: id, reason: 'x' })).idempotencyKey, 'polluted-key-0000000000');
  } finally {
    delete polluted.idempotencyKey;
  }
});

/** A partial refund as a class: `amount` and `checksum` are getters on its prototype, not keys of its own. */
class PartialRefund {
  readonly impUid: string;
  readonly #amount: number;
  constructor(impUid: string, amount: number) {
    this.impUid = impUid;
    this.#amount = amount;
  }
  get amount(): number {
    return this.#amount;
  }
  get checksum(): number {
    return 20;
  }
}

test('an amount the input inherits (a class getter, Object.create(defaults)) is refused: it was read as absent, a full refund', async (t) => {
  const { fake, client } = await setup(t);
  const { imp_uid } = fake.addPayment({ pg_provider: 'html5_inicis', amount: 20 });
  const refused = (error: unknown): boolean =>
    error instanceof PortOneInputError && error.field === 'amount' && inherited('amount').test(error.message) && !error.message.includes('5');
  await assert.rejects(client.cancelPayment(new PartialRefund(imp_uid as string, 5)), refused);
  await assert.rejects(client.cancelPayment(Object.assign(Object.create({ amount: 5, checksum: 20 }), { impUid: imp_uid })), refused);
  assert.equal(fake.requests.length, 0, 'nothing sent, no token asked for');
  assert.equal(fake.payments.get(imp_uid as string)?.cancel_amount, 0);
});

test('every field of every V1 input is refused when inherited, nothing sent: no rule reads it as absent', async (t) => {
  const { fake, client } = await setup(t);
  const signal = new AbortController().signal;
  const verify: Required<VerifyPaymentInput> = { impUid: 'imp_1', amount: 1000, currency: 'KRW', merchantUid: 'order_1' };
  const prepare: Required<PreparePaymentInput> = { merchantUid: 'order_1', amount: 1000, currency: 'KRW' };
  const fullCharge: Required<ChargeBillingKeyInput> = {
    ...charge,
    buyerName: 'Jack Son',
    buyerTel: '010-1234-5678',
    buyerAddr: 'Invalidenstr. 1',
    buyerPostcode: '10115',
    browserIp: '203.0.113.9',
    noticeUrl: 'https://shop.example/hook',
    customData: { plan: 'monthly' },
  };
  const cancel: Required<CancelPaymentInput> = { impUid: 'imp_1', merchantUid: 'order_1', amount: 5, reason: 'x', checksum: 20, enableWebhook: true };
  const delivery: Required<RegisterDeliveryInput> = { ...digitalDelivery, type: 'physical', ...physicalShipping, reason: 'shipped', details: 'one parcel' };
  const webhookOptions: Required<WebhookOptions> = { remoteAddress: '52.78.100.19', signal };
  const inputs: [string, Record<string, unknown>, (input: never) => Promise<unknown>][] = [
    ['verifyPayment', verify, (input) => client.verifyPayment(input)],
    ['preparePayment', prepare, (input) => client.preparePayment(input)],
    ['chargeBillingKey', fullCharge, (input) => client.chargeBillingKey(input)],
    ['cancelPayment', cancel, (input) => client.cancelPayment(input)],
    ['registerDelivery', delivery, (input) => client.registerDelivery(input)],
    ['getPayment options', { signal }, (input) => client.getPayment('imp_1', input)],
    // An inherited remoteAddress was not checked at all: a webhook from anywhere was read.
    ['handleWebhook options', webhookOptions, (input) => client.handleWebhook({ imp_uid: 'imp_1' }, input)],
  ];
  await assertRefusesInherited(inputs);
  assert.equal(fake.requests.length, 0);
  const constructorOptions: Required<PortOneClientOptions> = {
    ...options,
    baseUrl: 'https://proxy.example',
    timeoutMs: 1000,
    fetch: globalThis.fetch,
    tierCode: 'A01',
    now: Date.now,
    includeSandbox: true,
    acceptTestPayments: true,
  };
  for (const field of Object.keys(constructorOptions)) {
    assert.throws(() => new PortOneClient(inheriting(constructorOptions, field) as never), { name: 'PortOneInputError', field, message: inherited(field) }, `constructor: ${field}`);
  }
});

test('a very long text is refused by its length before its characters are counted', async (t) => {
  const { client } = await setup(t);
  const long = 'x'.repeat(20_000_000);
  await assert.rejects(
    client.chargeBillingKey({ customerUid: 'c', merchantUid: 'o', amount: 1, name: 'n', currency: 'USD', buyerEmail: 'a@b.cd', buyerName: long }),
    { name: 'PortOneInputError', field: 'buyerName' },
  );
  // Between the limit and twice it, characters are counted: 40 emoji (80 UTF-16 units) are a
  // valid name of at most 40, and 41 are not.
  const charge = (name: string) => client.chargeBillingKey({ customerUid: 'c', merchantUid: 'o', amount: 1, name, currency: 'USD', buyerEmail: 'a@b.cd' });
  await assert.rejects(charge('😀'.repeat(41)), { name: 'PortOneInputError', field: 'name' });
  const error = await charge('😀'.repeat(40)).catch((e: unknown) => e);
  assert.notEqual((error as Error | undefined)?.name, 'PortOneInputError');
});
