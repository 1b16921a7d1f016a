/**
 * Page-wide state. It lives on `window` under a registered symbol so that two copies of this
 * library on one page (a CDN copy and an npm copy, say) share one SDK tag, one `IMP.init` and one
 * redirect report instead of racing each other.
 */
export interface SharedState {
  /** One load per SDK URL (and `sdk-integrity` hash), while pending or after success. Failed loads are removed. */
  readonly sdkLoads: Map<string, Promise<unknown>>;
  /** Which `impCode|tierCode` each IMP object was initialised with. */
  readonly initialised: WeakMap<object, string>;
  /** Origins the page's JavaScript allowed the SDK to come from, besides PortOne's CDN. */
  readonly sdkOrigins: Set<string>;
  /** Order ids (V1 merchant_uid, V2 paymentId) whose redirect return an element on this page has claimed. */
  readonly redirectClaims: Set<string>;
  /** The SDK global each load verified by `sdk-integrity` produced, and its hash (added lazily: older copies lack it). */
  verified?: WeakMap<object, string>;
  /** The URL and hash (`src integrity`) of the script that set each SDK global while a hashed tag loaded (added lazily). */
  setBy?: WeakMap<object, string | null>;
  /** The watch on each SDK global while hashed tags for it are on their way, and how many (added lazily). */
  watches?: Record<string, { tags: number; end(): void }>;
  /** The SDK tags a copy of this library inserted (added lazily: older copies lack it). */
  ownTags?: WeakSet<HTMLScriptElement>;
  /** The SDK globals a copy of this library ever inserted a tag for on this page (added lazily). */
  injected?: Record<string, true>;
  /** The Trusted Types policy, created at most once per page. */
  scriptUrlPolicy?: { createScriptURL(url: string): unknown };
  /** The attempt whose payment window is opening or open, and since when (`performance.now()`): one at a time on a page (added lazily). */
  paying?: { readonly run: { readonly abandoned: boolean }; readonly at: number };
  /** This page load's own id, kept with the attempts it sends (added lazily). */
  pageLoad?: string;
  /**
   * What each widget that reported a redirect return, or was paid in place, showed, by its widget
   * key (added lazily): a widget a framework or page builder re-creates in its place, for the same
   * order and at the same address, shows it too.
   */
  returnsShown?: Map<string, { href: string; order: string; completed: boolean; status: unknown; buyer?: object }>;
}

const KEY = Symbol.for('paymentwall-pay.shared-state.v1');

export function sharedState(): SharedState {
  const host = globalThis as unknown as Record<symbol, SharedState | undefined>;
  return (host[KEY] ??= {
    sdkLoads: new Map(),
    initialised: new WeakMap(),
    redirectClaims: new Set(),
    sdkOrigins: new Set(),
  });
}

/**
 * This page load, told apart from any other by an id rather than by clocks: the wall clock and
 * `performance.timeOrigin` drift apart (after a device sleeps, say) or step.
 */
export const pageLoad = (): string => (sharedState().pageLoad ??= `${Math.random().toString(36).slice(2)}${Date.now().toString(36)}`);
