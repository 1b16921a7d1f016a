/**
 * Reading and checking a V2 widget's attributes (a widget with `store-id`; issue 9). Pure, like
 * the V1 reader (src/config.ts), whose input (`RawConfig`) and result shapes it mirrors.
 *
 * V1-only attributes on a V2 widget follow one rule, so nothing is silently dropped: an attribute
 * whose loss would change who is paid, whether money moves, what is saved or what the buyer may
 * pay with is REFUSED (a configuration error); one whose loss changes nothing about the payment
 * (an id V2 replaces by one that is set, or decoration) is IGNORED WITH A WARNING.
 */
import { asText, checkFields, checkId, present, problemList, readExtras, readOrder, toHttpUrl, trimmed, type ConfigProblem, type ConfigRule, type RawConfig, type SharedConfig } from '../../config.js';
import { PORTONE_SDK_ORIGIN, PORTONE_V2_SDK_ORIGIN, isAllowedSdkUrl } from '../../sdk-origin.js';
import { V2_RESULT_PARAMS, hasResultNames } from '../../redirect-return.js';

export const V2_SDK_SRC = 'https://cdn.portone.io/v2/browser-sdk.js';
export const V2_SDK_ORIGIN = PORTONE_V2_SDK_ORIGIN;
export const PAYMENT_ID_MAX_LENGTH = 40;

/** V1's raw values plus V2's own attributes. */
export interface RawV2Config extends RawConfig {
  storeId?: string | undefined;
  paymentId?: string | undefined;
  customerId?: string | undefined;
}

export interface V2Config extends SharedConfig {
  storeId: string;
  channelKey: string;
  paymentId?: string;
  customerId: string;
  /** Minor units. */
  amount: number;
  currency: string;
  orderName: string;
  countryCode?: string;
  widgetCode?: 'pw_1' | 't3_1';
  ps?: string;
  redirectUrl?: string;
  /** From `notice-url`: one or more http(s) URLs separated by spaces. */
  noticeUrls?: string[];
}

export type V2ConfigRule = ConfigRule | 'store-id' | 'payment-id' | 'widget-code' | 'v1-only';

/** One thing wrong, named by the attribute the page author wrote: V1's shape, with V2's rules. */
export interface V2ConfigProblem extends Omit<ConfigProblem, 'rule'> {
  rule: V2ConfigRule;
}

export type V2ConfigResult =
  | { ok: true; config: V2Config; warnings: string[] }
  | { ok: false; problems: V2ConfigProblem[] };

/** V1 attributes a V2 widget refuses, and those it ignores with a console warning. */
const REFUSED = [
  ['tierCode', 'tier-code'], // who is paid: a V2 sub-merchant has its own store-id
  ['customerUid', 'customer-uid'], // what is saved: Paymentwall has no billing key in V2
  ['testMode', 'test-mode'], // whether money moves: V2 tests through the console's test channel
  ['payMethod', 'pay-method'], // what the buyer may pay with: not supported by Paymentwall V2; use ps
  ['merchantUid', 'merchant-uid'], // which order: V2's order id is payment-id
] as const;
const IGNORED = [
  ['impCode', 'imp-code', 'store-id names the merchant'],
  ['projectKey', 'project-key', 'channel-key names the channel'],
  ['logoUrl', 'logo-url', 'Paymentwall V2 has no logo parameter'],
] as const;

const STORE_ID = /^store-[\w-]+$/;
const PAYMENT_ID = /^[A-Za-z0-9-]+$/;

/**
 * The SDK may come from PortOne's V2 CDN or an origin the page allowed from JavaScript (the shared
 * rule with V2's default origin); never from V1's CDN, whose file defines no window.PortOne.
 */
export function isAllowedV2SdkUrl(href: string): boolean {
  return isAllowedSdkUrl(href, V2_SDK_ORIGIN) && new URL(href).origin !== PORTONE_SDK_ORIGIN;
}

export function readV2Config(input: RawV2Config, env: { baseUrl: string }): V2ConfigResult {
  const { problems, problem } = problemList<V2ConfigRule>();
  const warnings: string[] = [];
  const raw = asText(input, problem);
  const required = (attribute: string, value: string | undefined) => {
    const found = trimmed(value);
    if (found === undefined) problem(attribute, 'required');
    return found ?? '';
  };
  const url = (attribute: string, value: string) => {
    const href = toHttpUrl(value, env.baseUrl);
    if (!href) problem(attribute, 'url');
    return href;
  };

  // Set to anything but false or blank text: `:test-mode="1"` means test as much as `true` does.
  for (const [key, attribute] of REFUSED) {
    const value = raw[key];
    if (value != null && value !== false && (typeof value !== 'string' || present(value))) problem(attribute, 'v1-only');
  }
  for (const [key, attribute, why] of IGNORED) {
    if (present(raw[key])) warnings.push(`paymentwall-pay: ${attribute} is ignored with store-id (PortOne V2): ${why}.`);
  }

  const storeId = required('store-id', raw.storeId);
  if (storeId && !STORE_ID.test(storeId)) problem('store-id', 'store-id');
  const channelKey = required('channel-key', raw.channelKey);
  const customerId = checkId('customer-id', required('customer-id', raw.customerId), problem);

  const paymentId = trimmed(raw.paymentId);
  if (paymentId !== undefined && !PAYMENT_ID.test(paymentId)) problem('payment-id', 'payment-id');
  else if (paymentId !== undefined && paymentId.length > PAYMENT_ID_MAX_LENGTH) {
    problem('payment-id', 'too-long', { max: PAYMENT_ID_MAX_LENGTH });
  }
  checkId('payment-id', paymentId, problem);

  // As V1 reads them.
  const { amount, currency, orderName, countryCode } = readOrder(raw, problem);

  const widgetCode = trimmed(raw.widgetCode);
  if (widgetCode !== undefined && widgetCode !== 'pw_1' && widgetCode !== 't3_1') problem('widget-code', 'widget-code');

  const redirect = trimmed(raw.redirectUrl);
  const redirectUrl = redirect === undefined ? undefined : url('redirect-url', redirect);
  // PortOne adds its result under these names; the page's own would be mistaken for it on return.
  if (redirectUrl && hasResultNames(redirectUrl, V2_RESULT_PARAMS)) {
    problem('redirect-url', 'redirect-query', { names: V2_RESULT_PARAMS });
  }
  const notice = trimmed(raw.noticeUrl)?.split(/\s+/);
  const noticeUrls = notice?.map((value) => url('notice-url', value) ?? '');

  const fields = checkFields(raw.fields, problem);

  const sdkSrc = trimmed(raw.sdkSrc) === undefined ? V2_SDK_SRC : url('sdk-src', (raw.sdkSrc ?? '').trim());
  if (sdkSrc !== undefined && !isAllowedV2SdkUrl(sdkSrc)) problem('sdk-src', 'sdk-origin');

  const { sdkTimeout, sdkIntegrity, customData, bypass } = readExtras(raw, problem);

  if (problems.length > 0) return { ok: false, problems };
  const config: V2Config = {
    storeId,
    channelKey,
    customerId,
    amount,
    currency,
    orderName,
    fields,
    sdkSrc: sdkSrc ?? V2_SDK_SRC,
    sdkTimeout,
  };
  const set = <K extends keyof V2Config>(key: K, value: V2Config[K] | undefined) => {
    if (value !== undefined) config[key] = value;
  };
  set('paymentId', paymentId);
  set('countryCode', countryCode);
  set('widgetCode', widgetCode as V2Config['widgetCode']);
  set('ps', trimmed(raw.ps));
  set('redirectUrl', redirectUrl);
  set('noticeUrls', noticeUrls);
  set('sdkIntegrity', sdkIntegrity);
  set('customData', customData);
  set('bypass', bypass);
  return { ok: true, config, warnings };
}
