import { sharedState } from '../../src/shared-state.js';

/** The test page's own address, as it was before any test changed it. */
export const home = location.href;

/** The page as PortOne's redirect leaves it: this address plus the result query. */
export function returnWith(query: Record<string, string>): void {
  const url = new URL(home);
  for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
  history.replaceState(history.state, '', url.href);
}

/** Past the head start other widgets give the one that started an attempt. */
export const OWNER_WAIT = 300;

/**
 * As a new page load of the shop starts, after the buyer left for PortOne: no return claimed yet,
 * no payment window open (the one the page that left had open went with it), and a load id of its own.
 */
export function newPageLoad(): void {
  const state = sharedState();
  state.redirectClaims.clear();
  delete state.paying;
  // Attempts sent before it carry another load's id.
  delete state.pageLoad;
}

/** This load's navigation type and address (default: the current one), as the browser would report them; call the result to undo. */
export function navigatedBy(type: NavigationTimingType, name = location.href): () => void {
  const original = performance.getEntriesByType;
  performance.getEntriesByType = (kind: string) => (kind === 'navigation' ? ([{ type, name }] as unknown as PerformanceEntryList) : original.call(performance, kind));
  return () => {
    performance.getEntriesByType = original;
  };
}
