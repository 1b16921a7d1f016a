import { sharedState } from './shared-state.js';

export const PORTONE_SDK_ORIGIN = 'https://cdn.iamport.kr';

/**
 * Where the SDK may come from: PortOne's CDN, this site, or an https origin the page allowed
 * from JavaScript (`PaymentwallPay.allowSdkOrigin`). Never any URL an attribute names: HTML
 * injected into a page must not be able to make this element load a script of its choosing.
 */
export function isAllowedSdkUrl(href: string, pageOrigin: string): boolean {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return false;
  }
  if (url.origin === pageOrigin) return url.protocol === 'https:' || url.protocol === 'http:';
  return url.protocol === 'https:' && (url.origin === PORTONE_SDK_ORIGIN || sharedState().sdkOrigins.has(url.origin));
}

/** Adds an https origin the SDK may be loaded from, for a self-hosted copy on another host. */
export function allowSdkOrigin(origin: string): void {
  const url = new URL(origin);
  if (url.protocol !== 'https:') throw new TypeError(`paymentwall-pay: SDK origins must be https, not ${url.protocol}`);
  sharedState().sdkOrigins.add(url.origin);
}
