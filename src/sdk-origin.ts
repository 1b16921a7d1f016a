import { sharedState } from './shared-state.js';
import { unclobbered } from './unclobbered.js';

/** Where each PortOne version's SDK comes from by default: V1 `cdn.iamport.kr`, V2 `cdn.portone.io`. */
export const PORTONE_SDK_ORIGIN = 'https://cdn.iamport.kr';
export const PORTONE_V2_SDK_ORIGIN = 'https://cdn.portone.io';

/** Dispatched on `window` when the page allows another SDK origin, so widgets check again. */
export const SDK_ORIGINS_CHANGED = 'paymentwall-pay:sdk-origins';

/** The document's base URL, past an injected `<img name="baseURI">` (see `unclobbered`). */
export const pageBase = (): string => unclobbered(document, 'baseURI');

/**
 * Where the SDK may come from: PortOne's CDN for the widget's version (`defaultOrigin`: V1's unless
 * told), or an origin or script URL the page's own JavaScript allowed
 * (`PaymentwallPay.allowSdkOrigin`), the page's own origin included. Never any URL an attribute
 * alone names: HTML injected into a page must not make this element load a script of its choosing,
 * not even a same-site one (an upload, a JSONP endpoint, an open redirect).
 */
export function isAllowedSdkUrl(href: string, defaultOrigin: string = PORTONE_SDK_ORIGIN): boolean {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return false;
  if (url.origin === defaultOrigin) return true;
  const allowed = sharedState().sdkOrigins;
  return allowed.has(url.origin) || allowed.has(url.origin + url.pathname);
}

/**
 * Allows the SDK to come from `origin`: every script on it when it is an origin (no path), or only
 * that script (its path, whatever the query) when it is a script's URL. The page's own origin is
 * accepted whatever its scheme (http on localhost while developing); any other origin must be https.
 */
export function allowSdkOrigin(origin: string): void {
  // On a server (a module shared with SSR runs there too) no widget loads anything.
  if (typeof location === 'undefined') return;
  // A srcdoc or about:blank frame has an address with no origin ("null"); its scripts run with the
  // origin of the page that made it (self.origin), and a relative argument means a path on that.
  const opaque = location.origin === 'null';
  const url = new URL(origin, opaque ? self.origin + '/' : location.href);
  const own = url.origin === (opaque ? self.origin : location.origin) && (url.protocol === 'https:' || url.protocol === 'http:');
  if (!own && url.protocol !== 'https:') {
    throw new TypeError(`paymentwall-pay: an SDK origin other than this page's must be https, not ${url.protocol}`);
  }
  const origins = sharedState().sdkOrigins;
  const allowed = url.pathname === '/' ? url.origin : url.origin + url.pathname;
  if (origins.has(allowed)) return;
  origins.add(allowed);
  if (typeof window !== 'undefined') window.dispatchEvent(new Event(SDK_ORIGINS_CHANGED));
}
