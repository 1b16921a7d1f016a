import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  PortOneInputError,
  PortOneV2Client,
  type PortOneV2ClientOptions,
  type V2CancelPaymentInput,
  type V2ConfirmDeliveryInput,
  type V2PreRegisterPaymentInput,
  type V2VerifyPaymentInput,
} from '../../src/server/index.js';
import { physicalShipping as v2Physical, v2Digital } from './fixtures.js';
import { assertRefusesInherited, inherited, inheriting, refusedBeforeAnyRequest, setupV2 } from './harness.js';

// Inputs are deliberately wrong here; the casts let JavaScript-style mistakes through the compiler.
type Loose<T> = { [K in keyof T]?: unknown } & Record<string, unknown>;
type Case = [description: string, field: string, call: (client: PortOneV2Client) => Promise<unknown>];

const digital: V2ConfirmDeliveryInput = { ...v2Digital, transactionId: 'tx-1' };
const physical: V2ConfirmDeliveryInput = { ...digital, deliveryType: 'PHYSICAL', ...v2Physical };

const verifyWith = (change: Loose<V2VerifyPaymentInput>) => (c: PortOneV2Client) =>
  c.verifyPayment({ paymentId: 'order-1', amount: 150, currency: 'USD', ...change } as V2VerifyPaymentInput);
const cancelWith = (change: Loose<V2CancelPaymentInput>) => (c: PortOneV2Client) =>
  c.cancelPayment({ paymentId: 'order-1', reason: 'x', ...change } as V2CancelPaymentInput);
const preRegisterWith = (change: Loose<V2PreRegisterPaymentInput>) => (c: PortOneV2Client) =>
  c.preRegisterPayment({ paymentId: 'order-1', totalAmount: 150, currency: 'USD', ...change } as V2PreRegisterPaymentInput);
const deliveryWith = (base: V2ConfirmDeliveryInput, change: Loose<V2ConfirmDeliveryInput>) => (c: PortOneV2Client) =>
  c.confirmDelivery({ ...base, ...change } as V2ConfirmDeliveryInput);

const cases: Case[] = [
  ['getPayment without a paymentId', 'paymentId', (c) => c.getPayment('')],
  ['getPayment with a number', 'paymentId', (c) => c.getPayment(7 as never)],
  // A URL parser resolves `.` and `..`: `POST /payments/../cancel` would reach `POST /cancel`.
  ["getPayment with the paymentId '..'", 'paymentId', (c) => c.getPayment('..')],
  ["cancelPayment with the paymentId '.'", 'paymentId', cancelWith({ paymentId: '.' })],
  ['preRegisterPayment with a lone surrogate in paymentId', 'paymentId', preRegisterWith({ paymentId: 'order-\udc00' })],
  ["verifyPayment with the paymentId '..'", 'paymentId', verifyWith({ paymentId: '..' })],
  ['getPayment with a bad signal', 'signal', (c) => c.getPayment('order-1', { signal: 'now' as never })],

  ['verifyPayment without paymentId', 'paymentId', verifyWith({ paymentId: undefined })],
  ['verifyPayment with amount 0', 'amount', verifyWith({ amount: 0 })],
  ['verifyPayment with a fractional amount (minor units are whole)', 'amount', verifyWith({ amount: 1.5 })],
  ['verifyPayment with the amount as a string', 'amount', verifyWith({ amount: '150' })],
  ['verifyPayment without currency', 'currency', verifyWith({ currency: undefined })],
  ['verifyPayment with a bad currency', 'currency', verifyWith({ currency: 'DOLLAR' })],
  ['verifyPayment with a V1 field', 'impUid', verifyWith({ impUid: 'imp_1' })],

  ['cancelPayment without paymentId', 'paymentId', cancelWith({ paymentId: '' })],
  ['cancelPayment without reason (PortOne requires it)', 'reason', cancelWith({ reason: undefined })],
  ['cancelPayment with amount 0', 'amount', cancelWith({ amount: 0 })],
  ['cancelPayment with amount null', 'amount', cancelWith({ amount: null })],
  ["cancelPayment with amount ''", 'amount', cancelWith({ amount: '' })],
  ['cancelPayment with the amount key holding undefined', 'amount', cancelWith({ amount: undefined })],
  ['cancelPayment with the currentCancellableAmount key holding undefined', 'currentCancellableAmount', cancelWith({ amount: 5, currentCancellableAmount: undefined })],
  ["cancelPayment with amount '50'", 'amount', cancelWith({ amount: '50' })],
  // Without it, a partial refund repeated after a timeout under a fresh key is made twice.
  ['cancelPayment with amount but without currentCancellableAmount', 'currentCancellableAmount', cancelWith({ amount: 50 })],
  ['cancelPayment with a negative currentCancellableAmount', 'currentCancellableAmount', cancelWith({ currentCancellableAmount: -1 })],
  ['cancelPayment with a 15-character idempotencyKey', 'idempotencyKey', cancelWith({ idempotencyKey: 'x'.repeat(15) })],
  ['cancelPayment with a 257-character idempotencyKey', 'idempotencyKey', cancelWith({ idempotencyKey: 'x'.repeat(257) })],
  ['cancelPayment with a quote in idempotencyKey', 'idempotencyKey', cancelWith({ idempotencyKey: 'refund-"order"-0001' })],
  ['cancelPayment with Hangul in idempotencyKey', 'idempotencyKey', cancelWith({ idempotencyKey: '환불-order-0001-0001' })],

  ['preRegisterPayment without paymentId', 'paymentId', preRegisterWith({ paymentId: undefined })],
  ['preRegisterPayment without totalAmount', 'totalAmount', preRegisterWith({ totalAmount: undefined })],
  ['preRegisterPayment with a negative totalAmount', 'totalAmount', preRegisterWith({ totalAmount: -150 })],
  ['preRegisterPayment without currency', 'currency', preRegisterWith({ currency: '' })],
  ['preRegisterPayment with a fractional taxFreeAmount', 'taxFreeAmount', preRegisterWith({ taxFreeAmount: 0.5 })],

  ...(Object.keys(v2Digital) as (keyof V2ConfirmDeliveryInput)[]).map(
    (field): Case => [`confirmDelivery without ${field}`, field, deliveryWith(digital, { [field]: undefined })],
  ),
  ...(Object.keys(v2Physical) as (keyof V2ConfirmDeliveryInput)[]).map(
    (field): Case => [`a PHYSICAL confirmDelivery without ${field}`, field, deliveryWith(physical, { [field]: undefined })],
  ),
  ['confirmDelivery with deliveryType digital in lower case', 'deliveryType', deliveryWith(digital, { deliveryType: 'digital' })],
  ['confirmDelivery with V1 status delivering', 'deliveryStatus', deliveryWith(digital, { deliveryStatus: 'DELIVERING' })],
  ['confirmDelivery with refundable yes (V1 style)', 'refundable', deliveryWith(digital, { refundable: 'yes' })],
  ['confirmDelivery with UNIX seconds (V1 style)', 'estimatedDeliveryDatetime', deliveryWith(digital, { estimatedDeliveryDatetime: 1_750_000_000 })],
  ['confirmDelivery with a date without offset', 'estimatedUpdateDatetime', deliveryWith(digital, { estimatedUpdateDatetime: '2026-06-01T12:00:00' })],
  ['confirmDelivery with an invalid Date', 'estimatedUpdateDatetime', deliveryWith(digital, { estimatedUpdateDatetime: new Date('x') })],
  ['confirmDelivery with a shippingAddressEmail that is no address', 'shippingAddressEmail', deliveryWith(digital, { shippingAddressEmail: 'jack' })],
  ['confirmDelivery with attachments as a string', 'attachments', deliveryWith(digital, { attachments: 'https://x.example/a.pdf' })],
  ['confirmDelivery with a non-URL attachment', 'attachments', deliveryWith(digital, { attachments: ['javascript:alert(1)'] })],
  ['confirmDelivery with a country name', 'shippingAddressCountry', deliveryWith(physical, { shippingAddressCountry: 'Germany' })],
  ['confirmDelivery with a lower-case country', 'shippingAddressCountry', deliveryWith(physical, { shippingAddressCountry: 'de' })],
  ['confirmDelivery with a V1 snake_case key', 'carrier_type', deliveryWith(digital, { carrier_type: 'DHL' })],

  ['handleWebhook with a bad signal', 'signal', (c) => c.handleWebhook('{}', {}, { signal: 1 as never })],
  ['handleWebhook with headers null', 'headers', (c) => c.handleWebhook('{}', null as never)],
];

refusedBeforeAnyRequest('V2 refused before any request', cases, setupV2);

test('the V2 case table covers all 8 always-required and all 10 PHYSICAL-only delivery fields', () => {
  assert.equal(Object.keys(v2Digital).length, 8);
  assert.equal(Object.keys(v2Physical).length, 10);
});

const options: PortOneV2ClientOptions = { apiSecret: 'the-v2-secret-value' };
const constructorCases: [string, Loose<PortOneV2ClientOptions>][] = [
  ['apiSecret', { apiSecret: undefined }],
  ['apiSecret', { apiSecret: 42 }],
  // Sent in the Authorization header: anything else made every call a misleading network error.
  ['apiSecret', { apiSecret: 'secret\r\nX-Injected: 1' }],
  ['apiSecret', { apiSecret: 'sécret' }],
  ['baseUrl', { baseUrl: 'http://api.portone.io' }],
  ['baseUrl', { baseUrl: 'ftp://api.portone.io' }],
  ['timeoutMs', { timeoutMs: -1 }],
  ['timeoutMs', { timeoutMs: 2 ** 31 }],
  ['fetch', { fetch: {} }],
  ['storeId', { storeId: 7 }],
  ['acceptTestPayments', { acceptTestPayments: 'yes' }],
  ['webhookSecret', { webhookSecret: 42 }],
  ['webhookSecret', { webhookSecret: [] }],
  ['webhookSecret', { webhookSecret: ['whsec_a', 'whsec_b', 'whsec_c'] }],
  ['webhookSecret', { webhookSecret: 'whsec_!!!not base64 the-v2-secret-value' }],
  ['webhookSecret', { webhookSecret: 'whsec_' }],
  ['apiKey', { apiKey: 'a V1 option' }],
];
for (const [field, change] of constructorCases) {
  test(`the V2 constructor refuses a bad ${field}: ${JSON.stringify(change[field]) ?? 'undefined'}`, () => {
    assert.throws(
      () => new PortOneV2Client({ ...options, ...change } as PortOneV2ClientOptions),
      (error: unknown) => error instanceof PortOneInputError && error.field === field && !error.message.includes('the-v2-secret-value'),
    );
  });
}

test('the V2 constructor accepts loopback http, https, and one or two webhook secrets', () => {
  const secret = `whsec_${Buffer.from('0123456789abcdef0123456789abcdef').toString('base64')}`;
  for (const extra of [{ baseUrl: 'http://127.0.0.1:9' }, { baseUrl: 'https://api.portone.io/' }, { webhookSecret: secret }, { webhookSecret: [secret, secret] }]) {
    assert.ok(new PortOneV2Client({ ...options, ...extra }) instanceof PortOneV2Client);
  }
});

test('a V2 cancel whose amount and currentCancellableAmount are inherited is refused, not sent as a full refund', async (t) => {
  const { fake, client } = await setupV2(t);
  const { id } = fake.addPayment() as { id: string };
  const input = Object.assign(Object.create({ amount: 50, currentCancellableAmount: 150 }) as V2CancelPaymentInput, { paymentId: id, reason: 'One item out of stock' });
  await assert.rejects(client.cancelPayment(input), { name: 'PortOneInputError', field: 'amount', message: inherited('amount') });
  assert.equal(fake.requests.length, 0);
});

test('every field of every V2 input is refused when inherited, nothing sent: no rule reads it as absent', async (t) => {
  const { fake, client } = await setupV2(t);
  const idempotencyKey = 'repeat-0000000000000001';
  const verify: Required<V2VerifyPaymentInput> = { paymentId: 'order-1', amount: 150, currency: 'USD' };
  const cancel: Required<V2CancelPaymentInput> = { paymentId: 'order-1', reason: 'x', amount: 50, currentCancellableAmount: 150, idempotencyKey };
  const preRegister: Required<V2PreRegisterPaymentInput> = { paymentId: 'order-1', totalAmount: 150, currency: 'USD', taxFreeAmount: 0, idempotencyKey };
  const delivery: Required<V2ConfirmDeliveryInput> = { ...digital, deliveryType: 'PHYSICAL', ...v2Physical, reason: 'shipped', attachments: ['https://shop.example/proof.pdf'], idempotencyKey };
  const inputs: [string, Record<string, unknown>, (input: never) => Promise<unknown>][] = [
    ['verifyPayment', verify, (input) => client.verifyPayment(input)],
    ['cancelPayment', cancel, (input) => client.cancelPayment(input)],
    ['preRegisterPayment', preRegister, (input) => client.preRegisterPayment(input)],
    ['confirmDelivery', delivery, (input) => client.confirmDelivery(input)],
    ['getPayment options', { signal: new AbortController().signal }, (input) => client.getPayment('order-1', input)],
  ];
  await assertRefusesInherited(inputs);
  assert.equal(fake.requests.length, 0);
  const constructorOptions: Required<PortOneV2ClientOptions> = {
    ...options,
    webhookSecret: fake.webhookSecrets[0] as string,
    storeId: 'store-1',
    baseUrl: 'https://proxy.example',
    timeoutMs: 1000,
    fetch: globalThis.fetch,
    acceptTestPayments: true,
  };
  for (const field of Object.keys(constructorOptions)) {
    assert.throws(() => new PortOneV2Client(inheriting(constructorOptions, field) as never), { name: 'PortOneInputError', field, message: inherited(field) }, `constructor: ${field}`);
  }
});
