import { SDK_ORIGINS_CHANGED } from './sdk-origin.js';
import { isShadowRoot } from './widget-key.js';
import { unclobbered } from './unclobbered.js';

/** What a widget does when the page changes under it. */
export interface PageListener {
  /** Check again and re-render: the language, the end of loading, or the allowed SDK origins changed. */
  refresh(): void;
  /** The page came back from the back/forward cache (`pageshow` with `persisted`). */
  restored(): void;
}

/**
 * One observer and a few listeners for every connected widget: the document's language (single-page
 * apps switch it at run time), the end of loading (a page may load window.IMP itself in a script
 * after the tag), an SDK origin the page allowed, and a return from the back/forward cache.
 */
const listeners = new Set<PageListener>();
let langs: MutationObserver | undefined;

// The page-wide handlers are made here, not in watchPage: a function made there would keep the
// first widget's listener (and so that widget) for as long as the page lives.
const refresh = () => listeners.forEach((listener) => listener.refresh());
const restored = (event: PageTransitionEvent) => {
  if (event.persisted) listeners.forEach((listener) => listener.restored());
};
const watchLang = (node: Node) => langs!.observe(node, { attributes: true, attributeFilter: ['lang'], subtree: true });

/**
 * `element`'s shadow roots are watched too: the language it shows follows `lang` up through them,
 * and the document's observer does not see inside them.
 */
export function watchPage(listener: PageListener, element: Element): () => void {
  listeners.add(listener);
  if (!langs) {
    langs = new MutationObserver(refresh);
    watchLang(unclobbered(document, 'documentElement'));
    window.addEventListener(SDK_ORIGINS_CHANGED, refresh);
    window.addEventListener('pageshow', restored);
    if (unclobbered(document, 'readyState') !== 'complete') {
      unclobbered(document, 'addEventListener')('DOMContentLoaded', refresh, { once: true });
      window.addEventListener('load', refresh, { once: true });
    }
  }
  for (let root = element.getRootNode(); isShadowRoot(root); root = root.host.getRootNode()) watchLang(root);
  return () => listeners.delete(listener);
}

/** Calls `callback` once the window's `load` event has passed, so work started then never delays it. */
export function afterPageLoad(callback: () => void): () => void {
  if (unclobbered(document, 'readyState') === 'complete') {
    callback();
    return () => {};
  }
  window.addEventListener('load', callback, { once: true });
  return () => window.removeEventListener('load', callback);
}
