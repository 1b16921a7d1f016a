/**
 * Reading and checking the element's attributes and properties (SPEC §2). Pure: the element hands
 * over its raw property values and gets back either a clean configuration or the list of problems
 * to show the page author.
 */
import { OPTIONAL_FIELDS, type OptionalField } from './buyer.js';
import { RESULT_PARAMS, hasResultNames } from './redirect-return.js';
import { isAllowedSdkUrl } from './sdk-origin.js';

export const DEFAULT_SDK_SRC = 'https://cdn.iamport.kr/v1/iamport.js';
export const DEFAULT_SDK_TIMEOUT = 15_000;
/** `sdk-timeout` range. Browsers fire a setTimeout above 2³¹−1 ms at once; minutes are plenty. */
export const SDK_TIMEOUT_MIN = 100;
export const SDK_TIMEOUT_MAX = 300_000;
export const MERCHANT_UID_MAX_LENGTH = 40;
export const ORDER_NAME_MAX_LENGTH = 40;
export const CUSTOMER_UID_MAX_LENGTH = 80;

/** The raw values, as the element holds them. Strings may be empty or missing. */
export interface RawConfig {
  impCode?: string | undefined;
  tierCode?: string | undefined;
  channelKey?: string | undefined;
  projectKey?: string | undefined;
  amount?: unknown;
  currency?: string | undefined;
  orderName?: string | undefined;
  merchantUid?: string | undefined;
  payMethod?: string | undefined;
  countryCode?: string | undefined;
  widgetCode?: string | undefined;
  ps?: string | undefined;
  testMode?: boolean | undefined;
  customerUid?: string | undefined;
  redirectUrl?: string | undefined;
  noticeUrl?: string | undefined;
  logoUrl?: string | undefined;
  fields?: string | undefined;
  sdkSrc?: string | undefined;
  sdkIntegrity?: string | undefined;
  sdkTimeout?: unknown;
  customData?: unknown;
  bypass?: unknown;
  /** Whether the element has a `custom-data` attribute, which nothing reads (Vue's `:custom-data`, an HTML author's JSON). */
  customDataAttribute?: boolean;
  /**
   * Properties of two words that came as attributes in lower case (`testmode`), which nothing reads:
   * a framework (React 19, Vue) binds an attribute to an element not defined yet. Named by their
   * attribute (`test-mode`), or property when they have none (`customData`).
   */
  lowercased?: string[];
}

/** What V1's and V2's configurations hold alike: the form and the SDK's loading. */
export interface SharedConfig {
  fields: OptionalField[];
  sdkSrc: string;
  sdkIntegrity?: string;
  sdkTimeout: number;
  customData?: Record<string, unknown>;
  bypass?: Record<string, unknown>;
}

export interface WidgetConfig extends SharedConfig {
  impCode?: string;
  tierCode?: string;
  channelKey?: string;
  projectKey?: string;
  amount: number;
  currency: string;
  orderName: string;
  merchantUid?: string;
  payMethod?: string;
  countryCode?: string;
  widgetCode?: string;
  ps?: string;
  testMode: boolean;
  customerUid?: string;
  redirectUrl?: string;
  noticeUrl?: string;
  logoUrl?: string;
}

export type ConfigRule =
  | 'required'
  | 'imp-code'
  | 'channel-or-project-key'
  | 'amount'
  | 'currency'
  | 'currency-unknown'
  | 'too-long'
  | 'too-large'
  | 'integrity'
  | 'boolean'
  | 'country-code'
  | 'fields'
  | 'url'
  | 'sdk-origin'
  | 'timeout-range'
  | 'object'
  | 'text'
  | 'redirect-query'
  | 'property-only'
  | 'lowercased'
  | 'placeholder';

/** One thing wrong, named by the attribute (or property) the page author wrote. */
export interface ConfigProblem {
  attribute: string;
  rule: ConfigRule;
  /** For `too-long`: the maximum number of characters; for `timeout-range`: the largest value. */
  max?: number;
  /** For `timeout-range`: the smallest value. */
  min?: number;
  /** For `redirect-query`: the names PortOne's result uses in this version. */
  names?: readonly string[];
}

export type ConfigResult =
  | { ok: true; config: WidgetConfig; warnings: string[] }
  | { ok: false; problems: ConfigProblem[] };

export interface ConfigEnvironment {
  /** The page already has a usable `window.IMP`, so `imp-code` may be left out. */
  impReady: boolean;
  /** Resolves relative URLs, as the page would. */
  baseUrl: string;
}

const IMP_CODE = /^imp\d+$/;
const DIGITS = /^\d+$/;
const CURRENCY = /^[A-Za-z]{3}$/;
const COUNTRY = /^[A-Za-z]{2}$/;

/** The optional form fields a `fields` value names (default `tel`), ignoring unknown words. */
export function optionalFields(fields: string | undefined): OptionalField[] {
  const tokens = (fields ?? 'tel').split(/\s+/);
  return OPTIONAL_FIELDS.filter((field) => tokens.includes(field));
}

let knownCurrencies: Set<string> | undefined;

/** Three letters, the shape of an ISO 4217 code. */
export function isCurrencyShape(code: string): boolean {
  return CURRENCY.test(code);
}

/** ISO 4217 codes this browser's Intl knows; everything of the right shape where it can't say. */
export function isKnownCurrency(code: string): boolean {
  if (!CURRENCY.test(code)) return false;
  const intl = Intl as { supportedValuesOf?: (key: 'currency') => string[] };
  if (typeof intl.supportedValuesOf !== 'function') return true;
  knownCurrencies ??= new Set(intl.supportedValuesOf('currency'));
  return knownCurrencies.has(code.toUpperCase());
}

/** Plain digits, trimmed as every attribute is (a template's `"{{ price }} "`), as a number; else NaN. */
const digitsOf = (value: string) => (DIGITS.test(value.trim()) ? Number(value.trim()) : Number.NaN);

/** A positive safe integer from a number, or from a string of plain digits. */
export function toPositiveInteger(value: unknown): number | undefined {
  const number = typeof value === 'number' ? value : typeof value === 'string' ? digitsOf(value) : NaN;
  return Number.isSafeInteger(number) && number > 0 ? number : undefined;
}

/** Attribute converter for number attributes: plain digits only, so `1e3` or `10.5` stay invalid. */
export function digitsFromAttribute(value: string | null): number | undefined {
  return value === null ? undefined : digitsOf(value);
}

/** An absolute http(s) URL resolved against the page, or undefined. */
export function toHttpUrl(value: string, baseUrl: string): string | undefined {
  try {
    const url = new URL(value, baseUrl);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

const length = (value: string) => [...value].length;
/** Text with something in it (a bound `true` or number is not text here). */
export const present = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';
/**
 * A deep copy of checked JSON data. Not `structuredClone`, which throws on a Proxy (Vue's
 * reactive objects, MobX's observables) where JSON reads through it.
 */
export const copyJson = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

export const isPlainObject = (value: unknown): value is Record<string, unknown> => {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
};

/**
 * Plain JSON data all the way down: what `custom_data` and `bypass` become on the wire. A Map,
 * Date or class instance would be sent as `{}` or a string without a word, so it is refused.
 */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  const seen = new Set<object>();
  const json = (item: unknown): boolean => {
    if (item === null || typeof item === 'string' || typeof item === 'boolean') return true;
    if (typeof item === 'number') return Number.isFinite(item);
    if (typeof item !== 'object' || seen.has(item)) return false;
    seen.add(item);
    const ok = Array.isArray(item) ? item.every(json) : isPlainObject(item) && Object.values(item).every(json);
    seen.delete(item);
    return ok;
  };
  return isPlainObject(value) && json(value);
}

/** Adds one problem; V1's and V2's readers hand theirs to the shared parts below. */
export type AddProblem = (attribute: string, rule: ConfigRule, limits?: { min?: number; max?: number }) => void;

/**
 * An id holding what a template leaves where it had no value: JavaScript's `undefined`, `null`
 * (JSON's missing value), `NaN` or `[object Object]` (`order_${order.id}`, `'cust' + id`), Python's
 * `None`, or the template's own syntax unrendered (`{{ id }}`, `${id}`). Every visitor would share an
 * order or a saved card under it. `NaN` only standing alone (`banana`); `null` and `None` only
 * between `_ - : /`, spaces and the ends (`cust_null_kr`, not `jane.null@example.com`).
 */
export const isPlaceholder = (id: string) => /undefined(?![a-z\d])|(?:^|[^A-Za-z\d])NaN(?![A-Za-z\d])|(?:^|[-_:/\s])(?:null|None)(?=$|[-_:/\s])|\[object |\{\{|\$\{/.test(id);

/** An order or customer id as read, with a problem when it is a template's placeholder. */
export const checkId = <T extends string | undefined>(attribute: string, id: T, problem: AddProblem): T => {
  if (id && isPlaceholder(id)) problem(attribute, 'placeholder');
  return id;
};

/** Text trimmed, or undefined when there is none. */
export const trimmed = (value: unknown) => (present(value) ? value.trim() : undefined);

/**
 * What V1 and V2 read alike about the order: `amount` (V1 whole units, V2 minor units: both a
 * positive safe integer from plain digits), `currency`, `order-name` (trimmed, at most 40) and
 * `country-code`.
 */
export function readOrder(raw: RawConfig, problem: AddProblem) {
  const amount = toPositiveInteger(raw.amount);
  if (raw.amount === undefined || raw.amount === null || raw.amount === '') problem('amount', 'required');
  // Digits, but more than a number holds exactly: say so, not "digits only".
  else if (amount === undefined) {
    const { amount: value } = raw;
    const large = (typeof value === 'number' ? Number.isInteger(value) : typeof value === 'string' && digitsOf(value) > 0) && Number(value) > 0;
    problem('amount', large ? 'too-large' : 'amount', { max: Number.MAX_SAFE_INTEGER });
  }

  const currency = trimmed(raw.currency);
  if (currency === undefined) problem('currency', 'required');
  else if (!isCurrencyShape(currency)) problem('currency', 'currency');
  else if (!isKnownCurrency(currency)) problem('currency', 'currency-unknown');

  const orderName = trimmed(raw.orderName);
  if (orderName === undefined) problem('order-name', 'required');
  else if (length(orderName) > ORDER_NAME_MAX_LENGTH) problem('order-name', 'too-long', { max: ORDER_NAME_MAX_LENGTH });

  const countryCode = trimmed(raw.countryCode);
  if (countryCode !== undefined && !COUNTRY.test(countryCode)) problem('country-code', 'country-code');
  return { amount: amount ?? 0, currency: currency?.toUpperCase() ?? '', orderName: orderName ?? '', countryCode: countryCode?.toUpperCase() };
}

/** `fields` may name only the optional fields (V1 and V2). */
export function checkFields(fields: string | undefined, problem: AddProblem): OptionalField[] {
  if ((fields ?? 'tel').split(/\s+/).some((token) => token && !(OPTIONAL_FIELDS as readonly string[]).includes(token))) problem('fields', 'fields');
  return optionalFields(fields);
}

/**
 * Subresource Integrity a browser enforces: sha256, sha384 or sha512 hashes, separated by spaces.
 * Browsers skip a token they do not support, so `sha1-…` or a typo would check nothing at all.
 */
const INTEGRITY = /^(sha(256|384|512)-[\w+/-]+={0,2}(\?\S*)?(\s+|$))+$/;

/** `sdk-timeout` within its range, `sdk-integrity` enforceable, `customData` and `bypass` plain JSON (V1 and V2). */
export function readExtras(raw: RawConfig, problem: AddProblem) {
  let sdkTimeout = raw.sdkTimeout === undefined ? DEFAULT_SDK_TIMEOUT : toPositiveInteger(raw.sdkTimeout);
  if (sdkTimeout === undefined || sdkTimeout < SDK_TIMEOUT_MIN || sdkTimeout > SDK_TIMEOUT_MAX) {
    problem('sdk-timeout', 'timeout-range', { min: SDK_TIMEOUT_MIN, max: SDK_TIMEOUT_MAX });
    sdkTimeout = DEFAULT_SDK_TIMEOUT;
  }
  const json = (attribute: 'customData' | 'bypass') => {
    const value = raw[attribute] ?? undefined;
    if (value === undefined || isJsonObject(value)) return value;
    problem(attribute, 'object');
    return undefined;
  };
  const sdkIntegrity = trimmed(raw.sdkIntegrity);
  if (sdkIntegrity !== undefined && !INTEGRITY.test(sdkIntegrity)) problem('sdk-integrity', 'integrity');
  // Without the property, the data the page meant to send would be lost without a word: say so.
  if (raw.customDataAttribute && raw.customData === undefined) problem('custom-data', 'property-only');
  for (const name of raw.lowercased ?? []) problem(name, 'lowercased');
  return { sdkTimeout, sdkIntegrity, customData: json('customData'), bypass: json('bypass') };
}

/** The properties that hold text, V1's and V2's; frameworks may bind anything to them. */
export const TEXT_PROPERTIES: Record<string, string> = {
  impCode: 'imp-code',
  tierCode: 'tier-code',
  channelKey: 'channel-key',
  projectKey: 'project-key',
  currency: 'currency',
  orderName: 'order-name',
  merchantUid: 'merchant-uid',
  payMethod: 'pay-method',
  countryCode: 'country-code',
  widgetCode: 'widget-code',
  ps: 'ps',
  customerUid: 'customer-uid',
  redirectUrl: 'redirect-url',
  noticeUrl: 'notice-url',
  logoUrl: 'logo-url',
  fields: 'fields',
  sdkSrc: 'sdk-src',
  sdkIntegrity: 'sdk-integrity',
  storeId: 'store-id',
  customerId: 'customer-id',
  paymentId: 'payment-id',
};

/** A text property's value as text: a number as its text, anything else but a string as none. */
export const textOf = (value: unknown): string | undefined =>
  typeof value === 'number' && Number.isFinite(value) ? String(value) : typeof value === 'string' ? value : undefined;

/**
 * The raw values with every text property as text: a framework may bind null (nothing), a number
 * (its text) or an object (refused, named by its attribute) where an attribute would hold a string.
 */
export function asText<R extends RawConfig>(input: R, problem: AddProblem): R {
  // A new object, never `delete`: a deleted key turns an object slow for every read after it.
  const raw: Record<string, unknown> = {};
  for (const key of Object.keys(input)) if (!Object.hasOwn(TEXT_PROPERTIES, key)) raw[key] = input[key as keyof R];
  for (const key in TEXT_PROPERTIES) {
    const value = input[key as keyof R];
    const text = textOf(value);
    if (text !== undefined) raw[key] = text;
    else if (value !== null && value !== undefined) problem(TEXT_PROPERTIES[key]!, 'text');
  }
  return raw as R;
}

/**
 * Collects problems, one per attribute, the first found (a refused value is not "required" as
 * well); V2 passes its own wider set of rules.
 */
export function problemList<Rule extends string = ConfigRule>() {
  const problems: (Omit<ConfigProblem, 'rule'> & { rule: Rule })[] = [];
  const problem = (attribute: string, rule: Rule, limits: Pick<ConfigProblem, 'min' | 'max' | 'names'> = {}) => {
    if (!problems.some((found) => found.attribute === attribute)) problems.push({ attribute, rule, ...limits });
  };
  return { problems, problem };
}

export function readConfig(input: RawConfig, env: ConfigEnvironment): ConfigResult {
  const { problems, problem } = problemList();
  const warnings: string[] = [];
  const raw = asText(input, problem);
  // An order or customer id, trimmed first: the length PortOne counts is that of what is sent.
  const id = (attribute: string, value: string | undefined, max: number) => {
    const text = trimmed(value);
    if (text !== undefined && length(text) > max) problem(attribute, 'too-long', { max });
    return checkId(attribute, text, problem);
  };
  const url = (attribute: string, value: string | undefined) => {
    if (!present(value)) return undefined;
    const href = toHttpUrl(value.trim(), env.baseUrl);
    if (!href) problem(attribute, 'url');
    return href;
  };

  const sdkUrl = (href: string | undefined) => {
    if (href !== undefined && !isAllowedSdkUrl(href)) problem('sdk-src', 'sdk-origin');
    return href;
  };

  const impCode = trimmed(raw.impCode);
  const tierCode = trimmed(raw.tierCode);
  if (impCode === undefined) {
    if (!env.impReady || tierCode !== undefined) problem('imp-code', 'required');
  } else if (!IMP_CODE.test(impCode)) {
    problem('imp-code', 'imp-code');
  }

  const channelKey = trimmed(raw.channelKey);
  const projectKey = trimmed(raw.projectKey);
  if (channelKey === undefined && projectKey === undefined) problem('channel-key', 'channel-or-project-key');
  if (channelKey !== undefined && projectKey !== undefined) {
    warnings.push('paymentwall-pay: both channel-key and project-key are set; channel-key is sent and project-key is ignored.');
  }

  const { amount, currency, orderName, countryCode } = readOrder(raw, problem);
  // 'false' from a CMS's JSON would show test-mode on the tag (Lit reflects what is truthy) and
  // be read either way by someone: neither a live nor a test payment is sent on it.
  if (raw.testMode != null && typeof raw.testMode !== 'boolean') problem('test-mode', 'boolean');
  const fields = checkFields(raw.fields, problem);
  const { sdkTimeout, sdkIntegrity, customData, bypass } = readExtras(raw, problem);

  const config: WidgetConfig = {
    amount,
    currency,
    orderName,
    testMode: raw.testMode === true,
    fields,
    sdkSrc: sdkUrl(url('sdk-src', raw.sdkSrc)) ?? DEFAULT_SDK_SRC,
    sdkTimeout,
  };
  const set = <K extends keyof WidgetConfig>(key: K, value: WidgetConfig[K] | undefined) => {
    if (value !== undefined) config[key] = value;
  };
  set('impCode', impCode);
  set('tierCode', tierCode);
  set('channelKey', channelKey);
  set('projectKey', channelKey === undefined ? projectKey : undefined);
  set('merchantUid', id('merchant-uid', raw.merchantUid, MERCHANT_UID_MAX_LENGTH));
  set('payMethod', trimmed(raw.payMethod));
  set('countryCode', countryCode);
  set('widgetCode', trimmed(raw.widgetCode));
  set('ps', trimmed(raw.ps));
  set('customerUid', id('customer-uid', raw.customerUid, CUSTOMER_UID_MAX_LENGTH));
  const redirectUrl = url('redirect-url', raw.redirectUrl);
  // PortOne adds its result under these names; the page's own would be mistaken for it on return.
  if (redirectUrl && hasResultNames(redirectUrl)) problem('redirect-url', 'redirect-query', { names: RESULT_PARAMS });
  set('redirectUrl', redirectUrl);
  set('noticeUrl', url('notice-url', raw.noticeUrl));
  set('logoUrl', url('logo-url', raw.logoUrl));
  set('sdkIntegrity', sdkIntegrity);
  set('customData', customData);
  set('bypass', bypass);

  return problems.length > 0 ? { ok: false, problems } : { ok: true, config, warnings };
}
