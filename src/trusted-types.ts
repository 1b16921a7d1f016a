import { PORTONE_V2_SDK_ORIGIN, isAllowedSdkUrl, pageBase } from './sdk-origin.js';
import { sharedState } from './shared-state.js';

interface TrustedTypesFactory {
  createPolicy(name: string, rules: { createScriptURL(url: string): string }): {
    createScriptURL(url: string): unknown;
  };
}

export const POLICY_NAME = 'paymentwall-pay';

/**
 * The SDK URL as a value `script.src` accepts under `require-trusted-types-for 'script'`.
 * The policy passes only the SDK origins of `isAllowedSdkUrl`: either PortOne CDN (V1 and V2) or an
 * origin the page allowed. It is created once per page
 * (a second `createPolicy` with the same name throws unless the CSP allows duplicates).
 */
export function trustedScriptUrl(url: string): string {
  const factory = (globalThis as { trustedTypes?: TrustedTypesFactory }).trustedTypes;
  if (!factory) return url;
  const state = sharedState();
  try {
    state.scriptUrlPolicy ??= factory.createPolicy(POLICY_NAME, {
      createScriptURL(input: string) {
        const href = new URL(input, pageBase()).href;
        if (!isAllowedSdkUrl(href) && !isAllowedSdkUrl(href, PORTONE_V2_SDK_ORIGIN)) {
          throw new TypeError(`paymentwall-pay: refusing to load the SDK from ${href}`);
        }
        return href;
      },
    });
  } catch {
    // The page's CSP does not list our policy. Without enforcement a plain string works; with
    // it, the assignment fails and the load ends in sdk-load-failed, which the README explains.
    return url;
  }
  // A TrustedScriptURL; typed as string because that is what `script.src` is declared to take.
  return state.scriptUrlPolicy.createScriptURL(url) as string;
}
