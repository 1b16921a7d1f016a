/**
 * One IntersectionObserver for every widget on the page: it tells a widget once, the first time
 * it scrolls into view, so the SDK starts loading before the buyer clicks but never for a widget
 * nobody sees.
 */
const callbacks = new Map<Element, () => void>();
let observer: IntersectionObserver | undefined;

export function whenFirstVisible(element: Element, callback: () => void): () => void {
  if (typeof IntersectionObserver === 'undefined') return () => {};
  observer ??= new IntersectionObserver(tell);
  callbacks.set(element, callback);
  observer.observe(element);
  return () => stop(element);
}

// Not made inside whenFirstVisible: a callback made there would keep the first widget for good.
function tell(entries: IntersectionObserverEntry[]): void {
  for (const entry of entries) {
    if (!entry.isIntersecting) continue;
    const seen = callbacks.get(entry.target);
    stop(entry.target);
    seen?.();
  }
}

function stop(element: Element): void {
  callbacks.delete(element);
  observer?.unobserve(element);
}
