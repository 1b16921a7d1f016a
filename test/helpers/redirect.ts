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
/**
 * As the return page, a page load of its own, plays out while this one waits in the back/forward
 * cache: call the result when the buyer comes Back to this one, which has its own load id again.
 */
export function leavePageLoad(): () => void {
  const state = sharedState();
  const { pageLoad } = state;
  delete state.pageLoad;
  return () => {
    state.pageLoad = pageLoad;
  };
}

export function newPageLoad(): void {
  const state = sharedState();
  state.redirectClaims.clear();
  delete state.paying;
  // Attempts sent before it carry another load's id.
  delete state.pageLoad;
}
