// The rules for each V2 method's input. V2's OpenAPI (`src/schema/v2.openapi.yml`) states no
// maximum lengths for these fields, so none are invented here; required fields and types are checked.
import { PortOneInputError } from '../errors.js';
import { refundGuard } from '../inputs.js';
import {
  callable,
  currency,
  email,
  flag,
  headerText,
  milliseconds,
  nonNegativeInteger,
  oneOf,
  pathSegment,
  positiveInteger,
  secureUrl,
  text,
  type BodyRules,
  type FieldCheck,
  type FieldRule,
} from '../validate.js';
import type {
  PortOneV2ClientOptions,
  V2CancelPaymentInput,
  V2ConfirmDeliveryInput,
  V2PreRegisterPaymentInput,
  V2VerifyPaymentInput,
} from './types.js';

const secrets: FieldCheck<string[]> = (value, field) => {
  const list = Array.isArray(value) ? value : [value];
  if (list.length === 0 || list.length > 2 || !list.every((s) => typeof s === 'string' && s !== '')) {
    throw new PortOneInputError(field, 'must be a secret string, or an array of one or two during a rotation');
  }
  return list as string[];
};

/** RFC 8941 sf-string contents, as PortOne's `Idempotency-Key` takes them. */
export const idempotencyKey: FieldCheck<string> = text(256, {
  test: /^[\x20-\x21\x23-\x5b\x5d-\x7e]{16,256}$/,
  rule: 'must be 16 to 256 printable ASCII characters without " or \\',
});

/** A `Date` or an RFC 3339 date-time with its offset, sent as RFC 3339 in UTC. */
const dateTime: FieldCheck<string> = (value, field) => {
  const rfc3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i;
  const date = value instanceof Date ? value : typeof value === 'string' && rfc3339.test(value) ? new Date(value) : undefined;
  if (!date || Number.isNaN(date.getTime())) throw new PortOneInputError(field, 'must be a valid Date or an RFC 3339 date-time');
  return date.toISOString();
};

const urls: FieldCheck<string[]> = (value, field) => {
  const ok = (url: unknown): boolean => typeof url === 'string' && URL.canParse(url) && /^https?:$/.test(new URL(url).protocol);
  if (!Array.isArray(value) || !value.every(ok)) throw new PortOneInputError(field, 'must be an array of http(s) URLs');
  return value as string[];
};

const country: FieldCheck<string> = text(2, { test: /^[A-Z]{2}$/, rule: 'must be an ISO 3166-1 alpha-2 code in capitals, such as DE' });

export const v2ClientOptionRules: BodyRules<PortOneV2ClientOptions> = {
  // Sent as `Authorization: PortOne <secret>`.
  apiSecret: { check: headerText, required: true },
  webhookSecret: { check: secrets },
  storeId: { check: text() },
  baseUrl: { check: secureUrl },
  timeoutMs: { check: milliseconds },
  fetch: { check: callable },
  acceptTestPayments: { check: flag },
};

export const v2VerifyPaymentRules: BodyRules<V2VerifyPaymentInput> = {
  paymentId: { check: pathSegment(), required: true },
  amount: { check: positiveInteger, required: true },
  currency: { check: currency, required: true },
};

export const v2CancelPaymentRules: BodyRules<V2CancelPaymentInput> = {
  paymentId: { check: pathSegment(), required: true },
  reason: { check: text(), required: true },
  // Absent means "refund everything", so only a missing key may mean that.
  amount: { check: positiveInteger, strict: true },
  currentCancellableAmount: refundGuard(),
  idempotencyKey: { check: idempotencyKey },
};

export const v2PreRegisterPaymentRules: BodyRules<V2PreRegisterPaymentInput> = {
  paymentId: { check: pathSegment(), required: true },
  totalAmount: { check: positiveInteger, required: true },
  currency: { check: currency, required: true },
  taxFreeAmount: { check: nonNegativeInteger },
  idempotencyKey: { check: idempotencyKey },
};

const forPhysical = (check: FieldCheck, personal?: true): FieldRule<V2ConfirmDeliveryInput> => ({
  check,
  required: { when: (input) => input.deliveryType === 'PHYSICAL', because: 'when deliveryType is PHYSICAL' },
  ...(personal ? { personal } : {}),
});

export const v2ConfirmDeliveryRules: BodyRules<V2ConfirmDeliveryInput> = {
  transactionId: { check: text(), required: true },
  deliveryType: { check: oneOf('DIGITAL', 'PHYSICAL'), required: true },
  deliveryStatus: { check: oneOf('ORDER_PLACED', 'ORDER_SHIPPED', 'DELIVERED'), required: true },
  estimatedDeliveryDatetime: { check: dateTime, required: true },
  estimatedUpdateDatetime: { check: dateTime, required: true },
  refundable: { check: flag, required: true },
  details: { check: text(), required: true },
  shippingAddressEmail: { check: email(254), required: true, personal: true },
  reason: { check: text() },
  attachments: { check: urls },
  carrierTrackingId: forPhysical(text()),
  carrierType: forPhysical(text()),
  shippingAddressCountry: forPhysical(country, true),
  shippingAddressCity: forPhysical(text(), true),
  shippingAddressZip: forPhysical(text(), true),
  shippingAddressState: forPhysical(text(), true),
  shippingAddressStreet: forPhysical(text(), true),
  shippingAddressPhone: forPhysical(text(), true),
  shippingAddressFirstname: forPhysical(text(), true),
  shippingAddressLastname: forPhysical(text(), true),
  idempotencyKey: { check: idempotencyKey },
};
