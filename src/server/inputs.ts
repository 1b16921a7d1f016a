// The rules for each method's input. Maximum lengths and required fields follow PortOne's V1
// OpenAPI (developers.portone.io `src/schema/v1.openapi.yml`). Field order is check order.
import type {
  CallOptions,
  PortOneClientOptions,
  CancelPaymentInput,
  ChargeBillingKeyInput,
  PreparePaymentInput,
  RegisterDeliveryInput,
  VerifyPaymentInput,
  WebhookOptions,
} from './types.js';
import { CallLimit } from './limit.js';
import {
  abortSignal,
  checkInput,
  currency,
  email,
  callable,
  flag,
  headerText,
  ipAddress,
  isAbsent,
  jsonText,
  milliseconds,
  nonNegativeInteger,
  oneOf,
  pathSegment,
  personName,
  positiveInteger,
  secureUrl,
  text,
  unixSeconds,
  yesNo,
  type BodyRules,
  type FieldRule,
} from './validate.js';

const merchantUid = text(40);

export const clientOptionRules: BodyRules<PortOneClientOptions> = {
  apiKey: { check: text(), required: true },
  apiSecret: { check: text(), required: true },
  baseUrl: { check: secureUrl },
  timeoutMs: { check: milliseconds },
  fetch: { check: callable },
  tierCode: { check: headerText },
  now: { check: callable },
  includeSandbox: { check: flag },
  acceptTestPayments: { check: flag },
};

export const verifyPaymentRules: BodyRules<VerifyPaymentInput> = {
  impUid: { check: pathSegment(), required: true },
  amount: { check: positiveInteger, required: true },
  currency: { check: currency, required: true },
  merchantUid: { check: merchantUid, required: true },
};

export const preparePaymentRules: BodyRules<PreparePaymentInput> = {
  merchantUid: { check: merchantUid, required: true },
  amount: { check: positiveInteger, required: true },
  currency: { check: currency },
};

export const chargeBillingKeyRules: BodyRules<ChargeBillingKeyInput> = {
  customerUid: { check: text(80), required: true },
  merchantUid: { check: merchantUid, required: true },
  amount: { check: positiveInteger, required: true },
  name: { check: text(40), required: true },
  currency: { check: currency, required: true },
  // Paymentwall refuses a billing-key charge without the e-mail used at issuance.
  buyerEmail: { check: email(64), required: true, personal: true },
  buyerName: { check: personName(16), personal: true },
  buyerTel: { check: text(16), personal: true },
  buyerAddr: { check: text(128), personal: true },
  buyerPostcode: { check: text(8), personal: true },
  browserIp: { check: ipAddress, personal: true },
  noticeUrl: { check: text() },
  customData: { check: jsonText },
};

/**
 * A cancel's guard, the balance the caller expects still refundable (V1 `checksum`, V2
 * `currentCancellableAmount`): PortOne refuses the cancel when it differs. Required for a partial
 * refund, since a repeat after a timeout (a retried job) would otherwise be refunded again. A full
 * refund may leave it out: PortOne refuses to cancel a cancelled payment. Only a missing key means
 * "not given", as for `amount`.
 */
export function refundGuard<I extends { amount?: number }>(): FieldRule<I> {
  return {
    check: nonNegativeInteger,
    strict: true,
    required: {
      when: (input) => Object.hasOwn(input, 'amount'),
      because: 'when amount is given: pass the amount still refundable before this refund, so that PortOne refuses a repeat of it instead of refunding twice',
    },
  };
}

export const cancelPaymentRules: BodyRules<CancelPaymentInput> = {
  impUid: { check: text(), required: { when: (input) => isAbsent(input.merchantUid), because: 'when merchantUid is not given' } },
  merchantUid: { check: merchantUid },
  // Absent means "refund everything", so only a missing key may mean that: undefined, null and ''
  // are refused.
  amount: { check: positiveInteger, strict: true },
  reason: { check: text() },
  checksum: refundGuard(),
  enableWebhook: { check: flag },
};

export const callOptionRules: BodyRules<CallOptions> = {
  signal: { check: abortSignal },
};

export const webhookOptionRules: BodyRules<WebhookOptions> = {
  ...callOptionRules,
  // Checked by the webhook's address rule, which refuses anything but PortOne's addresses.
  remoteAddress: { check: (value) => value },
};

/** The limit of one method call: `timeoutMs` from now, and the caller's `signal` if any. */
export function callLimit(timeoutMs: number, options: CallOptions | undefined): CallLimit {
  const { signal } = options === undefined ? {} : (checkInput(options, callOptionRules) as CallOptions);
  return new CallLimit(timeoutMs, signal);
}

const forPhysical = (check: FieldRule<RegisterDeliveryInput>['check'], personal?: true): FieldRule<RegisterDeliveryInput> => ({
  check,
  required: { when: (input) => input.type === 'physical', because: 'when type is physical' },
  ...(personal ? { personal } : {}),
});

export const registerDeliveryRules: BodyRules<RegisterDeliveryInput> = {
  impUid: { check: text(40), required: true },
  merchantUid: { check: merchantUid, required: true },
  type: { check: oneOf('physical', 'digital'), required: true },
  status: { check: oneOf('order_placed', 'order_shipped', 'delivering', 'delivered'), required: true },
  estimatedDeliveryDatetime: { check: unixSeconds, required: true },
  estimatedUpdateDatetime: { check: unixSeconds, required: true },
  refundable: { check: yesNo, required: true },
  shippingAddressEmail: { check: email(50), required: true, personal: true },
  reason: { check: text(64) },
  details: { check: text(400) },
  carrierTrackingId: forPhysical(text(64)),
  carrierType: forPhysical(text(64)),
  shippingAddressCountry: forPhysical(text(40), true),
  shippingAddressCity: forPhysical(text(40), true),
  shippingAddressZip: forPhysical(text(40), true),
  shippingAddressState: forPhysical(text(40), true),
  shippingAddressStreet: forPhysical(text(40), true),
  shippingAddressPhone: forPhysical(text(40), true),
  shippingAddressFirstname: forPhysical(text(40), true),
  shippingAddressLastname: forPhysical(text(40), true),
};
