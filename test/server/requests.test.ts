import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PortOneApiError } from '../../src/server/index.js';
import { physicalShipping } from './fixtures.js';
import { setup } from './harness.js';

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
  const { imp_uid } = fake.addPayment({ amount: 1004 });
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
});

test('cancelPayment by merchant_uid alone cancels in full', async (t) => {
  const { fake, client } = await setup(t);
  const { merchant_uid } = fake.addPayment();
  const payment = await client.cancelPayment({ merchantUid: merchant_uid as string });
  assert.deepEqual(JSON.parse(fake.apiRequests()[0]?.rawBody ?? ''), { merchant_uid });
  assert.equal(payment.status, 'cancelled');
  assert.ok(payment.cancelledAt instanceof Date);
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

test("Paymentwall's refusal inside a code 0 envelope is an api error with its code and notices", async (t) => {
  const { fake, client } = await setup(t);
  const { imp_uid } = fake.addPayment();
  const error = await client
    .registerDelivery({
      impUid: imp_uid as string,
      merchantUid: 'some_other_order',
      type: 'digital',
      status: 'delivered',
      estimatedDeliveryDatetime: fake.now,
      estimatedUpdateDatetime: fake.now,
      refundable: true,
      shippingAddressEmail: 'jack@example.com',
    })
    .catch((e: unknown) => e);
  assert.ok(error instanceof PortOneApiError, String(error));
  assert.equal(error.kind, 'api');
  assert.equal(error.portOneCode, 0);
  assert.equal(error.pgCode, 3201);
  assert.match(error.message, /merchant_uid does not belong to imp_uid/);
  assert.equal(fake.deliveries.length, 0);
});
