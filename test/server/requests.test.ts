import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PortOneApiError } from '../../src/server/index.js';
import { physicalShipping } from './fixtures.js';
import { apiError, setup } from './harness.js';

test('chargeBillingKey sends every field in snake_case, as JSON, to /subscribe/payments/again', async (t) => {
  const { fake, client } = await setup(t);
  fake.billingKeys.set('cust_1', 'jack@example.com');
  const payment = await client.chargeBillingKey({
    customerUid: 'cust_1',
    merchantUid: 'order_2',
    amount: 20,
    name: 'Monthly plan',
    currency: 'usd',
    buyerEmail: 'jack@example.com',
    buyerName: 'Jack Son',
    buyerTel: '010-1234-5678',
    buyerAddr: 'Invalidenstr. 1, Berlin',
    buyerPostcode: '10115',
    browserIp: '203.0.113.7',
    noticeUrl: 'https://shop.example/portone/webhook',
    customData: { plan: 'monthly', seats: 3 },
  });
  const [request] = fake.apiRequests();
  assert.equal(request?.method, 'POST');
  assert.equal(request?.path, '/subscribe/payments/again');
  assert.equal(request?.headers['content-type'], 'application/json');
  assert.deepEqual(JSON.parse(request?.rawBody ?? ''), {
    customer_uid: 'cust_1',
    merchant_uid: 'order_2',
    amount: 20,
    name: 'Monthly plan',
    currency: 'USD',
    buyer_email: 'jack@example.com',
    buyer_name: 'Jack Son',
    buyer_tel: '010-1234-5678',
    buyer_addr: 'Invalidenstr. 1, Berlin',
    buyer_postcode: '10115',
    browser_ip: '203.0.113.7',
    notice_url: 'https://shop.example/portone/webhook',
    custom_data: '{"plan":"monthly","seats":3}',
  });
  assert.equal(payment.status, 'paid');
  assert.equal(payment.customerUid, 'cust_1');
  assert.equal(payment.customerUidUsage, 'payment');
  assert.deepEqual(payment.customData, { plan: 'monthly', seats: 3 });
});

test('chargeBillingKey sends only the fields given, with amount as a number', async (t) => {
  const { fake, client } = await setup(t);
  fake.billingKeys.set('cust_1', 'jack@example.com');
  await client.chargeBillingKey({
    customerUid: 'cust_1',
    merchantUid: 'order_3',
    amount: 1004,
    name: 'Plan',
    currency: 'KRW',
    buyerEmail: 'jack@example.com',
    buyerTel: undefined,
  });
  assert.deepEqual(JSON.parse(fake.apiRequests()[0]?.rawBody ?? ''), {
    customer_uid: 'cust_1',
    merchant_uid: 'order_3',
    amount: 1004,
    name: 'Plan',
    currency: 'KRW',
    buyer_email: 'jack@example.com',
  });
});

test('a declined billing-key charge resolves with status failed and the reason', async (t) => {
  const { fake, client } = await setup(t);
  fake.billingKeys.set('cust_1', 'jack@example.com');
  const payment = await client.chargeBillingKey({
    customerUid: 'cust_1',
    merchantUid: 'order_4',
    amount: 20,
    name: 'Plan',
    currency: 'USD',
    buyerEmail: 'someone-else@example.com',
  });
  assert.equal(payment.status, 'failed');
  assert.match(payment.failReason ?? '', /buyer_email/);
  assert.ok(payment.failedAt instanceof Date);
  assert.equal(payment.paidAt, null);
});

test("PortOne's refusal of a charge is an api error with its code", async (t) => {
  const { client } = await setup(t);
  const error = await client
    .chargeBillingKey({ customerUid: 'nobody', merchantUid: 'o', amount: 1, name: 'n', currency: 'KRW', buyerEmail: 'a@b.co' })
    .catch((e: unknown) => e);
  assert.ok(error instanceof PortOneApiError);
  assert.equal(error.kind, 'api');
  assert.equal(error.portOneCode, 1);
  assert.equal(error.endpoint, 'POST /subscribe/payments/again');
});

test('preparePayment sends merchant_uid, amount and upper-case currency and returns them', async (t) => {
  const { fake, client } = await setup(t);
  const prepared = await client.preparePayment({ merchantUid: 'order_5', amount: 39000, currency: 'krw' });
  assert.equal(fake.apiRequests()[0]?.path, '/payments/prepare');
  assert.deepEqual(JSON.parse(fake.apiRequests()[0]?.rawBody ?? ''), { merchant_uid: 'order_5', amount: 39000, currency: 'KRW' });
  assert.equal(prepared.merchantUid, 'order_5');
  assert.equal(prepared.amount, 39000);
  assert.deepEqual(prepared.raw, { merchant_uid: 'order_5', amount: 39000 });
  assert.deepEqual(fake.prepared.get('order_5'), { amount: 39000, currency: 'KRW' });
});

test('preparePayment without currency sends no currency key', async (t) => {
  const { fake, client } = await setup(t);
  await client.preparePayment({ merchantUid: 'order_6', amount: 1000 });
  assert.deepEqual(JSON.parse(fake.apiRequests()[0]?.rawBody ?? ''), { merchant_uid: 'order_6', amount: 1000 });
});

test('preparing the same merchant_uid twice is an api error', async (t) => {
  const { client } = await setup(t);
  await client.preparePayment({ merchantUid: 'order_7', amount: 1000 });
  await assert.rejects(client.preparePayment({ merchantUid: 'order_7', amount: 2000 }), { kind: 'api', portOneCode: 1 });
});

test('cancelPayment sends a partial cancel by imp_uid with every option', async (t) => {
  const { fake, client } = await setup(t);
  const { imp_uid } = fake.addPayment({ amount: 1004, pg_provider: 'html5_inicis' });
  const payment = await client.cancelPayment({ impUid: imp_uid as string, amount: 500, reason: 'One item out of stock', checksum: 1004, enableWebhook: true });
  assert.equal(fake.apiRequests()[0]?.path, '/payments/cancel');
  assert.deepEqual(JSON.parse(fake.apiRequests()[0]?.rawBody ?? ''), {
    imp_uid,
    amount: 500,
    reason: 'One item out of stock',
    checksum: 1004,
    enable_webhook: true,
  });
  assert.equal(payment.status, 'paid');
  assert.equal(payment.cancelAmount, 500);
  assert.equal(payment.cancelReason, 'One item out of stock');
  assert.equal(payment.cancelPending, false, 'another PG cancels at once');
});

test('cancelPayment by merchant_uid alone cancels in full', async (t) => {
  const { fake, client } = await setup(t);
  const { merchant_uid } = fake.addPayment({ pg_provider: 'html5_inicis' });
  const payment = await client.cancelPayment({ merchantUid: merchant_uid as string });
  assert.deepEqual(JSON.parse(fake.apiRequests()[0]?.rawBody ?? ''), { merchant_uid });
  assert.equal(payment.status, 'cancelled');
  assert.equal(payment.cancelPending, false);
  assert.ok(payment.cancelledAt instanceof Date);
});

test('a Paymentwall cancel answers paid with cancelPending; getPayment shows it cancelled once Paymentwall calls back', async (t) => {
  const { fake, client } = await setup(t);
  const { imp_uid } = fake.addPayment({ amount: 1004, pg_provider: 'paymentwall' });
  const answer = await client.cancelPayment({ impUid: imp_uid as string, reason: 'Buyer asked', enableWebhook: true });
  assert.equal(answer.status, 'paid', "PortOne's answer to the request still says paid");
  assert.equal(answer.cancelAmount, 0);
  assert.equal(answer.cancelPending, true);
  assert.equal((await client.getPayment(imp_uid as string)).status, 'paid', 'nothing changes before the callback');

  fake.completePaymentwallCancels();
  const later = await client.getPayment(imp_uid as string);
  assert.equal(later.status, 'cancelled');
  assert.equal(later.cancelAmount, 1004);
  assert.equal(later.cancelReason, 'Buyer asked');
  assert.ok(later.cancelledAt instanceof Date);
});

test('a partial Paymentwall cancel is pending too, and verification refuses the payment once it lands', async (t) => {
  const { fake, client } = await setup(t);
  const { imp_uid, merchant_uid } = fake.addPayment({ amount: 1000, pg_provider: 'paymentwall' });
  const answer = await client.cancelPayment({ impUid: imp_uid as string, amount: 400, checksum: 1000 });
  assert.equal(answer.cancelPending, true);
  fake.completePaymentwallCancels();
  const order = { impUid: imp_uid as string, merchantUid: merchant_uid as string, amount: 1000, currency: 'KRW' };
  await assert.rejects(client.verifyPayment(order), { name: 'PaymentVerificationError', reason: 'cancelled', actual: 400 });
});

test('a Paymentwall cancel that PortOne already shows as cancelled is not pending', async (t) => {
  const { fake, client } = await setup(t);
  const payment = fake.addPayment({ amount: 1004, pg_provider: 'paymentwall' });
  // Once PortOne reports the refund, nothing is left to wait for: cancelPending must say so.
  const cancelled = { ...payment, status: 'cancelled', cancel_amount: 1004, cancelled_at: fake.now, cancel_reason: 'Buyer asked' };
  fake.injectFault({ type: 'envelope', code: 0, message: '', response: cancelled }, '/payments/cancel');
  const answer = await client.cancelPayment({ impUid: payment.imp_uid as string, reason: 'Buyer asked' });
  assert.equal(answer.status, 'cancelled');
  assert.equal(answer.cancelPending, false);
});

test('a cancel reply that names no PG is pending unless it shows this cancel recorded', async (t) => {
  const { fake, client } = await setup(t);
  /** The cancel's reply: the payment with these fields, without pg_provider and emb_pg_provider. */
  const reply = (payment: Record<string, unknown>, fields: Record<string, unknown>): void => {
    const { pg_provider: _pg, emb_pg_provider: _emb, ...rest } = payment;
    fake.injectFault({ type: 'envelope', code: 0, message: '', response: { ...rest, ...fields } }, '/payments/cancel');
  };
  const p = fake.addPayment({ amount: 1000 });
  const impUid = p.imp_uid as string;
  // Nothing refunded yet, as a Paymentwall payment answers: it may be Paymentwall's.
  reply(p, {});
  assert.equal((await client.cancelPayment({ impUid, amount: 400, checksum: 1000 })).cancelPending, true);
  reply(p, {});
  assert.equal((await client.cancelPayment({ impUid })).cancelPending, true);
  // Another refund's amount, not this one's: the balance is not down by 400 from the checksum.
  reply(p, { cancel_amount: 100 });
  assert.equal((await client.cancelPayment({ impUid, amount: 400, checksum: 1000 })).cancelPending, true);
  reply(p, { cancel_amount: 400 });
  assert.equal((await client.cancelPayment({ impUid })).cancelPending, true, 'a full cancel leaves nothing to refund');
  // Recorded: the balance down by the amount, or the payment cancelled.
  reply(p, { cancel_amount: 500 });
  assert.equal((await client.cancelPayment({ impUid, amount: 400, checksum: 900 })).cancelPending, false);
  reply(p, { status: 'cancelled', cancel_amount: 1000, cancelled_at: fake.now });
  assert.equal((await client.cancelPayment({ impUid })).cancelPending, false);
});

test('a cancel whose checksum no longer matches is an api error', async (t) => {
  const { fake, client } = await setup(t);
  const { imp_uid } = fake.addPayment({ amount: 1004, cancel_amount: 4 });
  await assert.rejects(client.cancelPayment({ impUid: imp_uid as string, checksum: 1004 }), { kind: 'api', portOneCode: 1 });
});

test('registerDelivery sends a physical delivery in snake_case, Dates as UNIX seconds, booleans as yes/no', async (t) => {
  const { fake, client } = await setup(t);
  const { imp_uid, merchant_uid } = fake.addPayment();
  const result = await client.registerDelivery({
    impUid: imp_uid as string,
    merchantUid: merchant_uid as string,
    type: 'physical',
    status: 'order_shipped',
    estimatedDeliveryDatetime: new Date('2026-06-20T10:00:00.900Z'),
    estimatedUpdateDatetime: new Date('2026-06-18T10:00:00Z'),
    refundable: false,
    reason: 'Shipped with DHL',
    details: 'Two boxes',
    shippingAddressEmail: 'jack@example.com',
    ...physicalShipping,
  });
  assert.equal(fake.apiRequests()[0]?.path, '/paymentwall/delivery');
  assert.deepEqual(JSON.parse(fake.apiRequests()[0]?.rawBody ?? ''), {
    imp_uid,
    merchant_uid,
    type: 'physical',
    status: 'order_shipped',
    estimated_delivery_datetime: 1781949600,
    estimated_update_datetime: 1781776800,
    refundable: 'no',
    reason: 'Shipped with DHL',
    details: 'Two boxes',
    carrier_tracking_id: 'JD014600003828',
    carrier_type: 'DHL',
    shipping_address_email: 'jack@example.com',
    shipping_address_country: 'DE',
    shipping_address_city: 'Berlin',
    shipping_address_zip: '10115',
    shipping_address_state: 'N/A',
    shipping_address_street: 'Invalidenstr. 1',
    shipping_address_phone: '+49 30 1234567',
    shipping_address_firstname: 'Jack',
    shipping_address_lastname: 'Son',
  });
  assert.deepEqual(result, { notices: [], raw: { success: 1 } });
  assert.equal(fake.deliveries.length, 1);
});

test('registerDelivery of digital goods needs no shipping details; UNIX seconds pass through', async (t) => {
  const { fake, client } = await setup(t);
  const { imp_uid, merchant_uid } = fake.addPayment();
  await client.registerDelivery({
    impUid: imp_uid as string,
    merchantUid: merchant_uid as string,
    type: 'digital',
    status: 'delivered',
    estimatedDeliveryDatetime: fake.now,
    estimatedUpdateDatetime: fake.now,
    refundable: 'yes',
    shippingAddressEmail: 'jack@example.com',
  });
  assert.deepEqual(JSON.parse(fake.apiRequests()[0]?.rawBody ?? ''), {
    imp_uid,
    merchant_uid,
    type: 'digital',
    status: 'delivered',
    estimated_delivery_datetime: fake.now,
    estimated_update_datetime: fake.now,
    refundable: 'yes',
    shipping_address_email: 'jack@example.com',
  });
  assert.equal(fake.deliveries.length, 1);
});

/** A digital-goods delivery, delivered, refundable. */
const digitalDelivery = (impUid: string, merchantUid: string, now: number) =>
  ({
    impUid,
    merchantUid,
    type: 'digital',
    status: 'delivered',
    estimatedDeliveryDatetime: now,
    estimatedUpdateDatetime: now,
    refundable: true,
    shippingAddressEmail: 'jack@example.com',
  }) as const;

test("Paymentwall's refusal inside a code 0 envelope is an api error with its code and notices", async (t) => {
  const { fake, client } = await setup(t);
  const { imp_uid } = fake.addPayment();
  const error = await client.registerDelivery(digitalDelivery(imp_uid as string, 'some_other_order', fake.now)).catch((e: unknown) => e);
  assert.ok(error instanceof PortOneApiError, String(error));
  assert.equal(error.kind, 'api');
  assert.equal(error.portOneCode, 0);
  assert.equal(error.pgCode, 3201);
  assert.match(error.message, /merchant_uid does not belong to imp_uid/);
  assert.equal(fake.deliveries.length, 0);
});

test("Paymentwall's refusal is told by its error text or by its error_code alone; an error_code of 0 alone is no refusal", async (t) => {
  const { fake, client } = await setup(t);
  const { imp_uid, merchant_uid } = fake.addPayment();
  const delivery = digitalDelivery(imp_uid as string, merchant_uid as string, fake.now);
  fake.injectFault({ type: 'envelope', code: 0, message: '', response: { error: 'Invalid delivery', notices: ['status is invalid'] } }, '/paymentwall/delivery');
  const error = await apiError(client.registerDelivery(delivery));
  assert.equal(error.kind, 'api');
  assert.equal(error.pgCode, undefined);
  assert.match(error.message, /Invalid delivery \(status is invalid\)/);
  fake.injectFault({ type: 'envelope', code: 0, message: '', response: { error_code: 3201, notices: ['merchant_uid does not belong to imp_uid'] } }, '/paymentwall/delivery');
  const coded = await apiError(client.registerDelivery(delivery));
  assert.equal(coded.kind, 'api');
  assert.equal(coded.pgCode, 3201);
  fake.injectFault({ type: 'envelope', code: 0, message: '', response: { success: 1, error_code: 0 } }, '/paymentwall/delivery');
  assert.deepEqual(await client.registerDelivery(delivery), { notices: [], raw: { success: 1, error_code: 0 } });
});

test("a delivery answered success 0 or false without an error_code is Paymentwall's refusal; without success or error_code it is done", async (t) => {
  const { fake, client } = await setup(t);
  const { imp_uid, merchant_uid } = fake.addPayment();
  const delivery = digitalDelivery(imp_uid as string, merchant_uid as string, fake.now);
  for (const success of [0, false]) {
    fake.injectFault({ type: 'envelope', code: 0, message: '', response: { success, notices: ['shipping_address_email is invalid'] } }, '/paymentwall/delivery');
    const error = await apiError(client.registerDelivery(delivery));
    assert.equal(error.kind, 'api', String(success));
    assert.equal(error.pgCode, undefined);
    assert.match(error.message, /Paymentwall refused the delivery: no reason given \(shipping_address_email is invalid\)/);
  }
  // PortOne's reference: a missing error_code means OK.
  fake.injectFault({ type: 'envelope', code: 0, message: '', response: { notices: ['queued'] } }, '/paymentwall/delivery');
  assert.deepEqual(await client.registerDelivery(delivery), { notices: ['queued'], raw: { notices: ['queued'] } });
});

test('a delivery answered code 0 with no response object is an invalid-response, not a registration', async (t) => {
  const { fake, client } = await setup(t);
  const { imp_uid, merchant_uid } = fake.addPayment();
  for (const response of [null, 'ok', 1, []]) {
    fake.injectFault({ type: 'envelope', code: 0, message: '', response }, '/paymentwall/delivery');
    const error = await apiError(client.registerDelivery(digitalDelivery(imp_uid as string, merchant_uid as string, fake.now)));
    assert.equal(error.kind, 'invalid-response', JSON.stringify(response));
    assert.equal(error.endpoint, 'POST /paymentwall/delivery');
  }
});

test("Paymentwall's refusal quoting the access token is told with the token scrubbed", async (t) => {
  const { fake, client } = await setup(t);
  const { imp_uid, merchant_uid } = fake.addPayment();
  await client.getPayment(imp_uid as string); // a token in hand
  const token = fake.issuedTokens.at(-1) as string;
  const quote = { error_code: `E_${token}`, error: `Bad request, Authorization: Bearer ${token}`, notices: [`header ${token}`] };
  fake.injectFault({ type: 'envelope', code: 0, message: '', response: quote }, '/paymentwall/delivery');
  const error = await apiError(client.registerDelivery(digitalDelivery(imp_uid as string, merchant_uid as string, fake.now)));
  assert.equal(error.kind, 'api');
  assert.match(error.message, /Bad request, Authorization: Bearer \[redacted\] \(header \[redacted\]\)/);
  assert.equal(error.pgCode, 'E_[redacted]');
});

test('preparePayment refuses a reply about another order or amount', async (t) => {
  const { fake, client } = await setup(t);
  for (const response of [{ merchant_uid: 'order_OTHER', amount: 1000 }, { merchant_uid: 'order_1', amount: 1 }]) {
    fake.injectFault({ type: 'envelope', code: 0, message: '', response }, '/payments/prepare');
    const error = await apiError(client.preparePayment({ merchantUid: 'order_1', amount: 1000, currency: 'USD' }));
    assert.equal(error.kind, 'invalid-response');
    assert.match(error.message, /the reply is about another order or amount/);
  }
});

test('findPaymentByMerchantUid returns the latest payment for the order from GET /payments/find/{merchant_uid}', async (t) => {
  const { fake, client } = await setup(t);
  fake.addPayment({ merchant_uid: 'renew/7', status: 'failed', started_at: fake.now - 600, fail_reason: '(PG사 결제 장애) Internal error' });
  const latest = fake.addPayment({ merchant_uid: 'renew/7', status: 'paid', started_at: fake.now - 10 });
  const payment = await client.findPaymentByMerchantUid('renew/7');
  assert.equal(payment?.impUid, latest.imp_uid);
  assert.equal(payment?.status, 'paid');
  assert.equal(fake.apiRequests()[0]?.path, '/payments/find/renew%2F7');
});

test('findPaymentByMerchantUid resolves null when PortOne has no payment for the order', async (t) => {
  const { fake, client } = await setup(t);
  assert.equal(await client.findPaymentByMerchantUid('order_never_charged'), null);
  assert.deepEqual(fake.apiRequests().map((r) => r.status), [404]);
});

test('a look-up that fails with anything but a 404 is an error, never "PortOne has none"', async (t) => {
  const { fake, client } = await setup(t);
  // null would tell the merchant the order was never charged (or the card never saved): after a
  // 500 or a 403 nothing is known, and charging again on that word could charge twice.
  fake.injectFault({ type: 'status', status: 500 }, '/payments/find/renew_1');
  await assert.rejects(client.findPaymentByMerchantUid('renew_1'), { name: 'PortOneApiError', kind: 'http', status: 500 });
  fake.injectFault({ type: 'status', status: 403 }, '/subscribe/customers/cust_1');
  await assert.rejects(client.getBillingKey('cust_1'), { name: 'PortOneApiError', kind: 'http', status: 403 });
  assert.deepEqual(fake.apiRequests().map((r) => r.status), [500, 403]);
});

test('PortOne’s own errors other than a 404 are errors on a look-up, never "PortOne has none"', async (t) => {
  const { fake, client } = await setup(t);
  // In PortOne's envelope, so only the status or the code can tell them from a 404.
  fake.injectFault({ type: 'envelope', status: 500, code: -1, message: '서버 오류' }, '/payments/find/renew_1');
  await assert.rejects(client.findPaymentByMerchantUid('renew_1'), { name: 'PortOneApiError', kind: 'http', status: 500, portOneCode: -1 });
  fake.injectFault({ type: 'envelope', code: 1, message: '일시적인 오류입니다.' }, '/subscribe/customers/cust_1');
  await assert.rejects(client.getBillingKey('cust_1'), { name: 'PortOneApiError', kind: 'api', portOneCode: 1 });
});

test('a 404 without PortOne’s envelope (a proxy’s page) is an error, never "PortOne has none"', async (t) => {
  const { fake, client } = await setup(t);
  fake.addPayment({ merchant_uid: 'renew_1', status: 'paid' });
  fake.addBillingKey('cust_1');
  fake.injectFault({ type: 'status', status: 404 }, '/payments/find/renew_1');
  await assert.rejects(client.findPaymentByMerchantUid('renew_1'), { name: 'PortOneApiError', kind: 'http', status: 404 });
  fake.injectFault({ type: 'status', status: 404 }, '/subscribe/customers/cust_1');
  await assert.rejects(client.getBillingKey('cust_1'), { name: 'PortOneApiError', kind: 'http', status: 404 });
  // A gateway's JSON 404 that looks like an envelope but is not PortOne's { code, message, response }.
  fake.injectFault({ type: 'json', status: 404, body: { code: 404, message: 'Not Found' } }, '/payments/find/renew_1');
  await assert.rejects(client.findPaymentByMerchantUid('renew_1'), { name: 'PortOneApiError', kind: 'http', status: 404, portOneCode: undefined });
  fake.injectFault({ type: 'json', status: 404, body: { code: 404, message: 'no Route matched' } }, '/subscribe/customers/cust_1');
  await assert.rejects(client.getBillingKey('cust_1'), { name: 'PortOneApiError', kind: 'http', status: 404 });
  // A 2xx without `response` is no PortOne answer either: not a refusal (api) but invalid-response,
  // which the README's chargeOnce reads as "unknown" and looks up before charging again.
  fake.injectFault({ type: 'json', status: 200, body: { code: 1, message: 'Declined' } }, '/subscribe/payments/again');
  const charge = { customerUid: 'cust_1', merchantUid: 'renew_9', amount: 20, name: 'Plan', currency: 'USD', buyerEmail: 'jack@example.com' };
  await assert.rejects(client.chargeBillingKey(charge), { name: 'PortOneApiError', kind: 'invalid-response', portOneCode: undefined });
  // PortOne's own 404 for the same look-ups still means none.
  assert.equal(await client.findPaymentByMerchantUid('renew_2'), null);
  assert.equal(await client.getBillingKey('cust_2'), null);
});

test('after a charge times out, find says whether it happened; a retry with the same merchantUid cannot charge twice', async (t) => {
  const { fake, client } = await setup(t, { timeoutMs: 300 });
  fake.billingKeys.set('cust_1', 'jack@example.com');
  const charge = { customerUid: 'cust_1', merchantUid: 'renew_1', amount: 20, name: 'Plan', currency: 'USD', buyerEmail: 'jack@example.com' };
  await client.getPayment(fake.addPayment().imp_uid as string); // a token in hand, so the time limit is the charge's alone
  // PortOne charges the card, but its answer arrives after our time limit.
  fake.injectFault({ type: 'late', ms: 1000 }, '/subscribe/payments/again');
  await assert.rejects(client.chargeBillingKey(charge), { name: 'PortOneApiError', kind: 'timeout' });
  const found = await client.findPaymentByMerchantUid('renew_1');
  assert.equal(found?.status, 'paid');
  const again = await client.chargeBillingKey(charge).catch((e: unknown) => e);
  assert.ok(again instanceof PortOneApiError);
  assert.equal(again.portOneMessage, '이미 결제가 이루어진 거래건입니다.');
  assert.equal([...fake.payments.values()].filter((p) => p.merchant_uid === 'renew_1').length, 1);
});

test('findPaymentByMerchantUid asks for test-channel payments with includeSandbox', async (t) => {
  const { fake, client } = await setup(t, { includeSandbox: true });
  fake.addPayment({ merchant_uid: 'order_sandbox', sandbox: true });
  assert.equal((await client.findPaymentByMerchantUid('order_sandbox'))?.sandbox, true);
  assert.equal(fake.apiRequests()[0]?.query.get('include_sandbox'), 'true');
});

test('getBillingKey returns the saved card in camelCase from GET /subscribe/customers/{customer_uid}', async (t) => {
  const { fake, client } = await setup(t);
  const raw = fake.addBillingKey('cust 1', { updated: fake.now });
  const key = await client.getBillingKey('cust 1');
  assert.equal(fake.apiRequests()[0]?.method, 'GET');
  assert.equal(fake.apiRequests()[0]?.path, '/subscribe/customers/cust%201');
  assert.deepEqual(key, {
    customerUid: 'cust 1',
    pgProvider: 'paymentwall',
    pgId: 'project-key',
    cardName: 'VISA',
    cardCode: '366',
    cardNumber: '411111******1111',
    cardType: '0',
    customerName: 'Jack Son',
    customerTel: '010-1234-5678',
    customerEmail: 'jack@example.com',
    customerAddr: null,
    customerPostcode: null,
    inserted: new Date((fake.now - 86_400) * 1000),
    updated: new Date(fake.now * 1000),
    raw,
  });
});

test('getBillingKey resolves null for a customer without a saved card', async (t) => {
  const { client } = await setup(t);
  assert.equal(await client.getBillingKey('cust_none'), null);
});

test('deleteBillingKey removes the saved card with DELETE and returns it; later charges are refused', async (t) => {
  const { fake, client } = await setup(t);
  fake.addBillingKey('cust_1');
  const deleted = await client.deleteBillingKey('cust_1');
  assert.equal(deleted.customerUid, 'cust_1');
  assert.equal(deleted.cardNumber, '411111******1111');
  assert.deepEqual(fake.apiRequests().map((r) => `${r.method} ${r.path}`), ['DELETE /subscribe/customers/cust_1']);
  assert.equal(await client.getBillingKey('cust_1'), null);
  await assert.rejects(
    client.chargeBillingKey({ customerUid: 'cust_1', merchantUid: 'o_1', amount: 1, name: 'n', currency: 'USD', buyerEmail: 'jack@example.com' }),
    { kind: 'api' },
  );
  await assert.rejects(client.deleteBillingKey('cust_1'), { name: 'PortOneApiError', status: 404 });
});

test('a DELETE is not retried', async (t) => {
  const { fake, client } = await setup(t);
  fake.addBillingKey('cust_1');
  fake.injectFault({ type: 'status', status: 503 }, '/subscribe/customers/cust_1');
  await assert.rejects(client.deleteBillingKey('cust_1'), { status: 503 });
  assert.equal(fake.apiRequests().length, 1);
});

// A proxy or a broken PortOne that answers with someone else's record: never taken for the one asked about.
const charge = { customerUid: 'cust_A', merchantUid: 'renew_A_2026-07', amount: 20, name: 'Plan', currency: 'USD', buyerEmail: 'jack@example.com' };
const otherCharges: [description: string, fields: Record<string, unknown>][] = [
  ['of another order', { merchant_uid: 'someone_elses_order', customer_uid: 'cust_A' }],
  ['of this order charged to another customer', { merchant_uid: charge.merchantUid, customer_uid: 'cust_B' }],
  ['of this order and customer for another amount', { merchant_uid: charge.merchantUid, customer_uid: 'cust_A', amount: 1 }],
  ['of this order and customer in another currency', { merchant_uid: charge.merchantUid, customer_uid: 'cust_A', currency: 'KRW' }],
  ['in a currency that upper-cases to this one only outside ASCII', { merchant_uid: charge.merchantUid, customer_uid: 'cust_A', currency: 'uſd' }],
];
for (const [description, fields] of otherCharges) {
  test(`a charge answered with a payment ${description} is refused as invalid-response`, async (t) => {
    const { fake, client } = await setup(t);
    fake.billingKeys.set('cust_A', 'jack@example.com');
    fake.injectFault({ type: 'envelope', code: 0, message: '', response: fake.addPayment({ amount: 20, currency: 'USD', ...fields }) }, '/subscribe/payments/again');
    const error = await apiError(client.chargeBillingKey(charge));
    assert.equal(error.kind, 'invalid-response');
    assert.match(error.message, /the reply is about another (order|customer|amount or currency)/);
  });
}

test('a charge answered without a customer_uid is still taken for its order', async (t) => {
  const { fake, client } = await setup(t);
  fake.injectFault({ type: 'envelope', code: 0, message: '', response: fake.addPayment({ merchant_uid: charge.merchantUid, customer_uid: null, amount: 20, currency: 'USD' }) }, '/subscribe/payments/again');
  assert.equal((await client.chargeBillingKey(charge)).merchantUid, charge.merchantUid);
});

test('a cancel answered with another payment is refused as invalid-response, by impUid and by merchantUid', async (t) => {
  const { fake, client } = await setup(t);
  const mine = fake.addPayment({ pg_provider: 'html5_inicis' });
  const other = fake.addPayment({ pg_provider: 'html5_inicis' });
  for (const input of [{ impUid: mine.imp_uid as string }, { merchantUid: mine.merchant_uid as string }]) {
    fake.injectFault({ type: 'envelope', code: 0, message: '', response: other }, '/payments/cancel');
    const error = await apiError(client.cancelPayment({ ...input, reason: 'x' }));
    assert.equal(error.kind, 'invalid-response', Object.keys(input)[0]);
    assert.match(error.message, /the reply is about another payment/);
  }
  // By impUid PortOne ignores merchantUid, so an answer for the impUid is this cancel's.
  const both = await client.cancelPayment({ impUid: mine.imp_uid as string, merchantUid: 'order_typo' });
  assert.equal(both.impUid, mine.imp_uid);
});

test("getBillingKey and deleteBillingKey refuse another customer's saved card as invalid-response", async (t) => {
  const { fake, client } = await setup(t);
  fake.customers.set('cust_A', fake.addBillingKey('cust_B', { customer_name: 'Other Person' }));
  for (const call of [() => client.getBillingKey('cust_A'), () => client.deleteBillingKey('cust_A')]) {
    const error = await apiError(call());
    assert.equal(error.kind, 'invalid-response');
    assert.match(error.message, /the reply is about another customer/);
  }
});
