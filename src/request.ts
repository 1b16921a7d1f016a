import type { Buyer } from './buyer.js';
import { copyJson, type WidgetConfig } from './config.js';
import type { PaymentwallBypass, RequestPayParams } from './imp.js';

export interface RequestContext {
  merchantUid: string;
  /** The UI language, sent as `language`. */
  language: string;
  /** Where a mobile browser comes back to: `redirect-url`, or this page. */
  redirectUrl: string;
}

/** The exact object handed to `IMP.request_pay` (SPEC §2, reference §2 Paymentwall). */
export function buildRequest(config: WidgetConfig, buyer: Buyer, context: RequestContext): RequestPayParams {
  const request: RequestPayParams = {
    merchant_uid: context.merchantUid,
    name: config.orderName,
    amount: config.amount,
    currency: config.currency,
    language: context.language,
    buyer_name: buyer.name,
    buyer_email: buyer.email,
    m_redirect_url: config.redirectUrl ?? context.redirectUrl,
  };
  if (config.channelKey !== undefined) request.channelKey = config.channelKey;
  else if (config.projectKey !== undefined) request.pg = `paymentwall.${config.projectKey}`;

  // Paymentwall issues billing keys for cards only.
  const payMethod = config.customerUid !== undefined ? 'card' : config.payMethod;
  if (payMethod !== undefined) request.pay_method = payMethod;
  if (config.customerUid !== undefined) request.customer_uid = config.customerUid;
  if (buyer.tel !== undefined) request.buyer_tel = buyer.tel;
  if (buyer.addr !== undefined) request.buyer_addr = buyer.addr;
  if (buyer.postcode !== undefined) request.buyer_postcode = buyer.postcode;
  if (config.noticeUrl !== undefined) request.notice_url = config.noticeUrl;
  if (config.testMode) request.use_test_method = true;
  // Copies, nested ones too: a pay-request listener may change the request, never the property.
  if (config.customData !== undefined) request.custom_data = copyJson(config.customData);

  // The element's own keys win over the `bypass` property, which is for rare extra keys.
  const bypass: PaymentwallBypass = copyJson(config.bypass ?? {});
  if (config.widgetCode !== undefined) bypass.widget_code = config.widgetCode;
  if (config.ps !== undefined) bypass.ps = config.ps;
  if (config.countryCode !== undefined) bypass.country_code = config.countryCode;
  if (config.logoUrl !== undefined) bypass.logo_url = config.logoUrl;
  if (Object.keys(bypass).length > 0) request.bypass = bypass;

  return request;
}

/**
 * A request a `pay-request` listener left sendable: still an object with a `merchant_uid`.
 * (Replacing `detail.request` is allowed; replacing it with `null` is the listener's mistake.)
 */
export function isSendableRequest(request: unknown): request is RequestPayParams {
  if (typeof request !== 'object' || request === null) return false;
  const merchantUid = (request as { merchant_uid?: unknown }).merchant_uid;
  return typeof merchantUid === 'string' && merchantUid !== '';
}

/** The buyer as the request sent to PortOne names them, whatever a listener changed. */
export function buyerOf(request: RequestPayParams): Buyer {
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  const buyer: Buyer = { name: text(request.buyer_name) ?? '', email: text(request.buyer_email) ?? '' };
  const tel = text(request.buyer_tel);
  const addr = text(request.buyer_addr);
  const postcode = text(request.buyer_postcode);
  if (tel) buyer.tel = tel;
  if (addr) buyer.addr = addr;
  if (postcode) buyer.postcode = postcode;
  return buyer;
}
