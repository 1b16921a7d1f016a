import assert from 'node:assert/strict';
import { test } from 'node:test';
import { inspect } from 'node:util';
import {
  PaymentVerificationError,
  PortOneClient,
  PortOneApiError,
  PortOneError,
  PortOneInputError,
  type PaymentVerificationReason,
  type VerifyPaymentInput,
} from '../../src/server/index.js';
import { setup } from './harness.js';

test('getPayment returns the payment in camelCase with the raw reply kept', async (t) => {
  const { fake, client } = await setup(t);
  const raw = fake.addPayment({
    amount: 39000,
    custom_data: '{"orderId":7}',
    buyer_name: 'Jack Son',
    paid_at: 1_750_000_000,
    failed_at: 0,
  });
  const payment = await client.getPayment(raw.imp_uid as string);
  assert.equal(payment.impUid, raw.imp_uid);
  assert.equal(payment.merchantUid, raw.merchant_uid);
  assert.equal(payment.status, 'paid');
  assert.equal(payment.amount, 39000);
  assert.equal(payment.cancelAmount, 0);
  assert.equal(payment.currency, 'KRW');
  assert.equal(payment.pgProvider, 'paymentwall');
  assert.equal(payment.buyerName, 'Jack Son');
  assert.equal(payment.buyerAddr, null);
  assert.deepEqual(payment.customData, { orderId: 7 });
  assert.deepEqual(payment.paidAt, new Date(1_750_000_000_000));
  assert.equal(payment.failedAt, null, 'PortOne sends 0 for "not failed"');
  assert.deepEqual(payment.raw, raw);
});

test('a V1 timestamp no Date can hold reads as null, never an Invalid Date, in a payment and a saved card', async (t) => {
  const { fake, client } = await setup(t);
  // Past ±8.64e15 ms a Date is invalid: `toISOString()` on it throws a RangeError in the caller's code.
  const raw = fake.addPayment({ paid_at: 1e17, cancelled_at: 1e300 });
  const payment = await client.getPayment(raw.imp_uid as string);
  assert.equal(payment.paidAt, null);
  assert.equal(payment.cancelledAt, null);
  fake.addBillingKey('cust_1', { inserted: 1e17 });
  assert.equal((await client.getBillingKey('cust_1'))?.inserted, null);
});

test('getPayment encodes the imp_uid into the path', async (t) => {
  const { fake, client } = await setup(t);
  await assert.rejects(client.getPayment('imp/../1?x'), { status: 404 });
  assert.equal(fake.apiRequests()[0]?.path, '/payments/imp%2F..%2F1%3Fx');
});

test('verifyPayment returns a paid payment whose amount, currency and merchant_uid match', async (t) => {
  const { fake, client } = await setup(t);
  const { imp_uid, merchant_uid } = fake.addPayment({ amount: 20, currency: 'USD' });
  const payment = await client.verifyPayment({ impUid: imp_uid as string, amount: 20, currency: 'usd', merchantUid: merchant_uid as string });
  assert.equal(payment.impUid, imp_uid);
  assert.equal(fake.apiRequests()[0]?.path, `/payments/${imp_uid}`);
});

test('verifyPayment compares currencies without regard to case, on either side', async (t) => {
  const { fake, client } = await setup(t);
  const { imp_uid, merchant_uid } = fake.addPayment({ amount: 20, currency: 'usd' });
  const payment = await client.verifyPayment({ impUid: imp_uid as string, amount: 20, currency: 'USD', merchantUid: merchant_uid as string });
  assert.equal(payment.currency, 'usd');
});

test('verifyPayment compares currencies in ASCII: a currency that upper-cases to USD only in Unicode is not USD', async (t) => {
  const { fake, client } = await setup(t);
  const { imp_uid, merchant_uid } = fake.addPayment({ amount: 20, currency: 'uſd' });
  await assert.rejects(client.verifyPayment({ impUid: imp_uid as string, amount: 20, currency: 'USD', merchantUid: merchant_uid as string }), {
    name: 'PaymentVerificationError',
    reason: 'currency-mismatch',
  });
});

test("a payment for one order does not verify for another at the same price, and merchantUid can't be left out", async (t) => {
  const { fake, client } = await setup(t);
  const { imp_uid } = fake.addPayment({ amount: 10_000, merchant_uid: 'order_A' });
  await assert.rejects(client.verifyPayment({ impUid: imp_uid as string, amount: 10_000, currency: 'KRW', merchantUid: 'order_B' }), {
    name: 'PaymentVerificationError',
    reason: 'merchant-uid-mismatch',
  });
  for (const merchantUid of [undefined, '', null]) {
    const input = { impUid: imp_uid as string, amount: 10_000, currency: 'KRW', merchantUid } as unknown as VerifyPaymentInput;
    await assert.rejects(client.verifyPayment(input), (error: unknown) => error instanceof PortOneInputError && error.field === 'merchantUid');
  }
  assert.equal(fake.apiRequests().length, 1, 'only the first call asked PortOne');
});

const mismatches: [PaymentVerificationReason, Record<string, unknown>, Record<string, unknown>, unknown, unknown][] = [
  ['not-paid', { status: 'ready' }, {}, 'paid', 'ready'],
  ['not-paid', { status: 'failed', fail_reason: '(PG사 결제 장애) Internal error' }, {}, 'paid', 'failed'],
  ['cancelled', { status: 'cancelled', cancel_amount: 1000 }, {}, 0, 1000],
  // A partial refund leaves the status at paid: not paid in full.
  ['cancelled', { cancel_amount: 500 }, {}, 0, 500],
  ['amount-mismatch', { amount: 100 }, {}, 1000, 100],
  // More than the order costs is no match either: the amount must be the order's, exactly.
  ['amount-mismatch', { amount: 1001 }, {}, 1000, 1001],
  ['currency-mismatch', { currency: 'USD' }, {}, 'KRW', 'USD'],
  ['merchant-uid-mismatch', {}, { merchantUid: 'order_other' }, 'order_other', 'order_main'],
  // Status comes first: an unpaid payment with the wrong amount is reported as not paid.
  ['not-paid', { status: 'ready', amount: 1 }, {}, 'paid', 'ready'],
];

for (const [reason, stored, input, expected, actual] of mismatches) {
  test(`verifyPayment throws ${reason} for ${JSON.stringify(stored)}`, async (t) => {
    const { fake, client } = await setup(t);
    const { imp_uid } = fake.addPayment({ amount: 1000, currency: 'KRW', status: 'paid', merchant_uid: 'order_main', ...stored });
    await assert.rejects(
      client.verifyPayment({ impUid: imp_uid as string, amount: 1000, currency: 'KRW', merchantUid: 'order_main', ...input }),
      (error: unknown) => {
        assert.ok(error instanceof PaymentVerificationError);
        assert.ok(error instanceof PortOneError);
        assert.equal(error.name, 'PaymentVerificationError');
        assert.equal(error.reason, reason);
        assert.equal(error.expected, expected);
        assert.equal(error.actual, actual);
        assert.equal(error.payment.impUid, imp_uid);
        assert.deepEqual(error.payment.raw, fake.payments.get(imp_uid as string));
        assert.match(error.message, new RegExp(reason));
        return true;
      },
    );
  });
}

test('verifyPayment of an unknown imp_uid is a 404 api error, not a verification error', async (t) => {
  const { client } = await setup(t);
  await assert.rejects(client.verifyPayment({ impUid: 'imp_missing', amount: 1000, currency: 'KRW', merchantUid: 'order_1' }), (error: unknown) => {
    assert.ok(error instanceof PortOneApiError);
    assert.equal(error.status, 404);
    return true;
  });
});

test('a verification error keeps the payment for code, but prints no buyer e-mail, phone, name or address', async (t) => {
  const { fake, client } = await setup(t);
  const buyer = { buyer_email: 'secret.buyer@example.com', buyer_tel: '010-9876-5432', buyer_name: 'Hong Gildong', buyer_addr: 'Sejong-daero 110', buyer_postcode: '04524' };
  const { imp_uid, merchant_uid } = fake.addPayment({ amount: 1000, ...buyer });
  const error = await client
    .verifyPayment({ impUid: imp_uid as string, amount: 2000, currency: 'KRW', merchantUid: merchant_uid as string })
    .catch((e: unknown) => e);
  assert.ok(error instanceof PaymentVerificationError);
  assert.equal(error.payment.buyerEmail, buyer.buyer_email, 'code can still read it');
  assert.equal(error.payment.raw.buyer_tel, buyer.buyer_tel);
  const printed = [
    String(error),
    error.message,
    error.stack ?? '',
    JSON.stringify(error),
    inspect(error),
    inspect(error, { showHidden: true, depth: Infinity }),
    inspect({ wrapped: error }, { depth: Infinity }),
  ].join('\n');
  for (const value of Object.values(buyer)) assert.ok(!printed.includes(value), `${value} printed in: ${printed}`);
  assert.match(printed, /amount-mismatch/);
});

test('a test-channel (sandbox) payment does not verify unless the client accepts test payments', async (t) => {
  const { fake } = await setup(t);
  const raw = fake.addPayment({ sandbox: true, amount: 1000 });
  const expected = { impUid: raw.imp_uid as string, merchantUid: raw.merchant_uid as string, amount: 1000, currency: 'KRW' };
  const finding = new PortOneClient({ apiKey: fake.apiKey, apiSecret: fake.apiSecret, baseUrl: fake.baseUrl, includeSandbox: true });
  const error = await finding.verifyPayment(expected).then(
    () => assert.fail('a test payment verified'),
    (thrown: unknown) => thrown,
  );
  assert.ok(error instanceof PaymentVerificationError);
  assert.equal(error.reason, 'test-payment');
  const testing = new PortOneClient({ apiKey: fake.apiKey, apiSecret: fake.apiSecret, baseUrl: fake.baseUrl, includeSandbox: true, acceptTestPayments: true });
  assert.equal((await testing.verifyPayment(expected)).sandbox, true);
});

// A reply missing what verification compares, or about something else, is never trusted: the
// schema marks these fields required, so only a broken PortOne or a proxy sends such replies.
const untrusted: [description: string, change: (stored: Record<string, unknown>) => void][] = [
  ['without cancel_amount (not "nothing refunded")', (stored) => delete stored.cancel_amount],
  ['with cancel_amount as a string', (stored) => (stored.cancel_amount = '500')],
  ['without sandbox (not "a live payment")', (stored) => delete stored.sandbox],
  ['about another imp_uid', (stored) => (stored.imp_uid = 'imp_999999999999')],
];
for (const [description, change] of untrusted) {
  test(`verifyPayment refuses a reply ${description} as invalid-response`, async (t) => {
    const { fake, client } = await setup(t);
    const stored = fake.addPayment();
    const { imp_uid, merchant_uid, amount } = stored;
    change(stored);
    await assert.rejects(
      client.verifyPayment({ impUid: imp_uid as string, amount: amount as number, currency: 'KRW', merchantUid: merchant_uid as string }),
      (error: unknown) => error instanceof PortOneApiError && error.kind === 'invalid-response',
    );
  });
}

test('findPaymentByMerchantUid refuses a reply about another order as invalid-response', async (t) => {
  // A proxy (or a broken PortOne) that answers the look-up for order_A with order_B's payment.
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const response = await globalThis.fetch(input, init);
    if (!String(input).includes('/payments/find/')) return response;
    const text = (await response.text()).replace('"merchant_uid":"order_A"', '"merchant_uid":"order_B"');
    return new Response(text, { status: response.status, headers: response.headers });
  };
  const { fake, client } = await setup(t, { fetch });
  fake.addPayment({ merchant_uid: 'order_A' });
  await assert.rejects(client.findPaymentByMerchantUid('order_A'), (error: unknown) => error instanceof PortOneApiError && error.kind === 'invalid-response');
  assert.equal(await client.findPaymentByMerchantUid('order_C'), null, 'an order PortOne has no payment for is still null');
});
