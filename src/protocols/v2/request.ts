/** The exact `PortOne.requestPayment` object (issue 9; reference portone-v2.md §1, §5), and the button's amount. */
import type { Buyer } from '../../buyer.js';
import { formatAmount } from '../../format.js';
import { newMerchantUid } from '../../merchant-uid.js';
import { copyJson, isPlainObject } from '../../config.js';
import { V2_RESULT_PARAMS, returnUrl } from '../../redirect-return.js';
import type { Lang } from '../../translations/index.js';
import type { V2Config } from './config.js';
import type { PaymentwallV2Bypass, V2Attempt, V2PaymentRequest } from './types.js';

export interface V2RequestContext {
  /** The UI language, sent as `locale`. */
  lang: Lang;
  /** This page's URL (`location.href`): the default `redirectUrl`, cleaned by `v2ReturnUrl`. */
  pageUrl: string;
}

/**
 * `payment-id` when set, else a fresh id for every attempt (a retry too: PortOne refuses a paid
 * `paymentId`). No `payMethod`: Paymentwall V2 does not support it (reference §5).
 */
export function buildV2Request(config: V2Config, buyer: Buyer, context: V2RequestContext): V2PaymentRequest {
  const customer: V2PaymentRequest['customer'] = {
    customerId: config.customerId,
    email: buyer.email,
    fullName: buyer.name,
  };
  if (buyer.tel !== undefined) customer.phoneNumber = buyer.tel;
  if (buyer.addr !== undefined) customer.address = { addressLine1: buyer.addr, addressLine2: '' };
  if (buyer.postcode !== undefined) customer.zipcode = buyer.postcode;

  const request: V2PaymentRequest = {
    storeId: config.storeId,
    channelKey: config.channelKey,
    // newMerchantUid: `pw-` + base-36 time + 16 hex digits, 28 characters of [a-z0-9-].
    paymentId: config.paymentId ?? newMerchantUid(),
    orderName: config.orderName,
    totalAmount: config.amount,
    currency: config.currency,
    customer,
    locale: context.lang === 'ko' ? 'KO_KR' : 'EN_US',
  };
  // PortOne takes only an http(s) address: none from a srcdoc preview, a file: or blob: page (a
  // payment there answers by promise; the console says to set redirect-url).
  const redirectUrl = config.redirectUrl ?? v2ReturnUrl(context.pageUrl);
  if (/^https?:/.test(redirectUrl)) request.redirectUrl = redirectUrl;
  if (config.noticeUrls !== undefined) request.noticeUrls = [...config.noticeUrls];
  // Copies, nested ones too: a pay-request listener may change the request, never the property.
  if (config.customData !== undefined) request.customData = copyJson(config.customData);

  // The element's own keys win over the `bypass` property, which is for rare extra keys. Written
  // as PortOne's V2 docs write it, `{ paymentwall: { ps } }`, it is read the same.
  const bypass = copyJson(config.bypass ?? {});
  const { paymentwall: inner, ...outer } = bypass;
  const paymentwall: PaymentwallV2Bypass = isPlainObject(inner) ? { ...outer, ...inner } : bypass;
  if (config.widgetCode !== undefined) paymentwall.widget = config.widgetCode;
  if (config.ps !== undefined) paymentwall.ps = config.ps;
  if (config.countryCode !== undefined) paymentwall.country_code = config.countryCode;
  if (Object.keys(paymentwall).length > 0) request.bypass = { paymentwall };
  return request;
}

/**
 * What to save before calling the SDK, read from the request actually sent (a `pay-request`
 * listener may have changed it), so the events describe what PortOne saw.
 */
export function v2Attempt(request: V2PaymentRequest): V2Attempt {
  const { customer } = request;
  const buyer: Buyer = { name: String(customer.fullName ?? ''), email: String(customer.email) };
  if (customer.phoneNumber !== undefined) buyer.tel = customer.phoneNumber;
  if (customer.address !== undefined) buyer.addr = customer.address.addressLine1;
  if (customer.zipcode !== undefined) buyer.postcode = customer.zipcode;
  return {
    paymentId: request.paymentId,
    amount: request.totalAmount,
    currency: request.currency,
    customerId: customer.customerId,
    buyer,
  };
}

/** The default `redirectUrl`: V1's default return URL, without V2's result names (see `returnUrl`). */
export const v2ReturnUrl = (href: string) => returnUrl(href, V2_RESULT_PARAMS);

/**
 * ISO 4217 minor-unit exponents other than 2, as PortOne counts `totalAmount` (reference §1:
 * "KRW ×1, USD ×100, JPY ×1 (ISO 4217)"). Not Intl's digits: browsers' CLDR data gives 0 for
 * HUF, IDR, COP, PKR, IQD and a dozen more, which would show 100 times the price.
 */
const ZERO = 'BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF';
const THREE = 'BHD IQD JOD KWD LYD OMR TND';

/** Digits after the decimal point in `currency`'s minor units (KRW 0, USD 2, KWD 3, CLF 4). */
export function minorUnitDigits(currency: string): number {
  const code = currency.toUpperCase();
  if (!/^[A-Z]{3}$/.test(code)) return 2;
  return ZERO.includes(code) ? 0 : THREE.includes(code) ? 3 : code === 'CLF' || code === 'UYW' ? 4 : 2;
}

/** `totalAmount` as the buyer reads it: USD 150 → "$1.50", KRW 1004 → "₩1,004", KWD 1500 → "KWD 1.500". */
export function formatMinorUnits(amount: number, currency: string, lang: string): string {
  const digits = minorUnitDigits(currency);
  // As exact decimal text, not amount / 10 ** digits: above 2^52 minor units the division drops a cent.
  const minor = String(amount).padStart(digits + 1, '0');
  return formatAmount(`${minor.slice(0, minor.length - digits)}.${minor.slice(minor.length - digits)}`, currency, lang, digits);
}
