import { sharedState } from './shared-state.js';

interface TrustedTypesFactory {
  createPolicy(name: string, rules: { createScriptURL(url: string): string }): {
    createScriptURL(url: string): unknown;
  };
}

export const POLICY_NAME = 'paymentwall-pay';

/**
 * The SDK URL as a value `script.src` accepts under `require-trusted-types-for 'script'`.
 * The policy lets only http(s) URLs through, and is created once per page (a second
 * `createPolicy` with the same name throws unless the CSP allows duplicates).
 */
export function trustedScriptUrl(url: string): string {
  const factory = (globalThis as { trustedTypes?: TrustedTypesFactory }).trustedTypes;
  if (!factory) return url;
  const state = sharedState();
  state.scriptUrlPolicy ??= factory.createPolicy(POLICY_NAME, {
    createScriptURL(input: string) {
      const parsed = new URL(input, document.baseURI);
      if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
        throw new TypeError(`paymentwall-pay: refusing to load the SDK from ${parsed.protocol} URL`);
      }
      return parsed.href;
    },
  });
  // A TrustedScriptURL; typed as string because that is what `script.src` is declared to take.
  return state.scriptUrlPolicy.createScriptURL(url) as string;
}
