import { waitUntil as waitUntilOpenWc } from '@open-wc/testing';
import { sharedState } from '../../src/shared-state.js';

/**
 * Puts the page back as it was: no IMP, no SDK tags, no stored attempts, no claims. Waits for SDK
 * loads from the test server still under way first: Firefox runs a removed script that was already
 * loading, and it would define IMP in the middle of the next test. Loads from anywhere else (a
 * widget left on PortOne's default CDN, which it sees and warms) are not waited for: how long
 * they take is the network's business, and none of them brings a script.
 */
export async function resetPage(): Promise<void> {
  const state = sharedState();
  const fromHere = (url: string) => new URL(url, location.href).origin === location.origin;
  await Promise.allSettled(Array.from(state.sdkLoads).filter(([key]) => fromHere(key.split(' ')[0]!)).map(([, load]) => load));
  delete window.IMP;
  state.sdkLoads.clear();
  state.redirectClaims.clear();
  state.returnsShown?.clear();
  // A payment window a test left open (a request never answered) is gone with its page.
  delete state.paying;
  // As on a new page: no SDK tag of ours was ever there.
  delete state.injected;
  for (const script of Array.from(document.scripts)) {
    if (script.src && (!fromHere(script.src) || script.src.includes('/test-sdk/') || script.src.includes('/test/fixtures/sdk/'))) script.remove();
  }
  sessionStorage.clear();
}

/** The element's shadow root, which the tests read like a buyer sees it. */
export function shadow(element: HTMLElement): ShadowRoot {
  if (!element.shadowRoot) throw new Error('no shadow root');
  return element.shadowRoot;
}

export function input(element: HTMLElement, name: string): HTMLInputElement {
  const found = shadow(element).querySelector<HTMLInputElement>(`input[name="${name}"]`);
  if (!found) throw new Error(`no input named ${name}`);
  return found;
}

export function button(element: HTMLElement): HTMLButtonElement {
  const found = shadow(element).querySelector<HTMLButtonElement>('button[part="button"]');
  if (!found) throw new Error('no pay button');
  return found;
}

/**
 * What has focus inside the widget, named as a string (`input[name="email"]`, `button[part="button"]`,
 * `div[part="status"]`, or `nothing`). Assert on this, not on the element: a failed
 * `expect(element).to.equal(otherElement)` stalls the test runner's report for minutes, naming no test.
 */
export function focused(element: HTMLElement): string {
  const active = shadow(element).activeElement;
  if (!active) return 'nothing';
  const name = active.getAttribute('name');
  const part = active.getAttribute('part');
  return name ? `${active.localName}[name="${name}"]` : part ? `${active.localName}[part="${part}"]` : active.localName;
}

export function text(node: Element | null | undefined): string {
  return node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

/**
 * open-wc's waitUntil, giving up after 5 s rather than 1 s: what the tests wait for happens in
 * milliseconds, but a CI machine with two busy cores can take longer. Mocha's 8 s still bounds a test.
 */
export function waitUntil(predicate: () => unknown, message?: string, options: { interval?: number; timeout?: number } = {}): Promise<void> {
  return waitUntilOpenWc(predicate, message, { timeout: 5000, ...options });
}

/** Resolves with the next `type` event on `target`, or rejects after `ms`. */
export function nextEvent<T extends Event>(target: EventTarget, type: string, ms = 3000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${type} event within ${ms} ms`)), ms);
    target.addEventListener(
      type,
      (event) => {
        clearTimeout(timer);
        resolve(event as T);
      },
      { once: true },
    );
  });
}

/** Records every event of the given types on `target`, in order. */
export function recordEvents(target: EventTarget, ...types: string[]): CustomEvent[] {
  const seen: CustomEvent[] = [];
  for (const type of types) target.addEventListener(type, (event) => seen.push(event as CustomEvent));
  return seen;
}

export const tick = (ms = 0) => new Promise((resolve) => setTimeout(resolve, ms));

/** The `sdk-integrity` value (SHA-384) of what the test server serves at `url`. */
export async function sha384(url: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-384', await (await fetch(url)).arrayBuffer());
  return `sha384-${btoa(String.fromCharCode(...new Uint8Array(digest)))}`;
}

/** Runs `body` with console.warn / console.error collected instead of printed. */
export async function quietly<T>(body: (lines: string[]) => Promise<T>): Promise<T> {
  const lines: string[] = [];
  const { warn, error } = console;
  console.warn = (...args: unknown[]) => lines.push(args.map(String).join(' '));
  console.error = (...args: unknown[]) => lines.push(args.map(String).join(' '));
  try {
    return await body(lines);
  } finally {
    console.warn = warn;
    console.error = error;
  }
}

/**
 * A script that never runs (`type="text/plain"`) carrying `nonce`, put first in the head as
 * reflected HTML would be: what a page nonce may be guessed from. The caller removes it.
 */
export function inertScript(nonce: string): HTMLScriptElement {
  const script = document.createElement('script');
  script.type = 'text/plain';
  script.setAttribute('nonce', nonce);
  document.head.prepend(script);
  return script;
}
