import { unclobbered } from './unclobbered.js';

/**
 * How a saved attempt names the widget that started it, so that after a redirect that widget
 * reports the result. The key is the chain of hosts from the document down to the widget, each
 * named by its id (`tag#id`) or else its position among the elements of its tag without one in its
 * own root (`tag~2`): a widget in the third product card's shadow root is told apart from the same
 * widget in the first card's, and a widget with an id added before it (a featured offer) does not
 * take its place. `tag:2`, a position among all elements of the tag, is how earlier versions wrote
 * it: still read, for attempts they saved.
 */
const SEPARATOR = ' > ';

/** A shadow root; never on a server, which has no ShadowRoot (Lit's SSR renders the widget there). */
export const isShadowRoot = (node: unknown): node is ShadowRoot => typeof ShadowRoot !== 'undefined' && node instanceof ShadowRoot;

/** Named by its id: it has one, and it is the element its root finds by it. */
const named = (element: Element, root: Document | ShadowRoot) => element.id && unclobbered(root, 'getElementById')(element.id) === element;

/** The elements of a tag in a root, in document order (escaped: a custom element's name may hold a dot). */
const all = (root: Document | ShadowRoot, tag: string) => unclobbered(root, 'querySelectorAll')(CSS.escape(tag));

/** The elements of a tag in a root that are not named by an id, in document order. */
const unnamed = (root: Document | ShadowRoot, tag: string) => Array.from(all(root, tag)).filter((element) => !named(element, root));

function segment(element: Element): string {
  const root = rootOf(element);
  return named(element, root) ? `${element.localName}#${element.id}` : `${element.localName}~${unnamed(root, element.localName).indexOf(element)}`;
}

function rootOf(element: Element): Document | ShadowRoot {
  const root = element.getRootNode();
  return isShadowRoot(root) ? root : document;
}

export function widgetKey(element: Element): string {
  const chain: string[] = [];
  for (let node: Element | undefined = element; node; ) {
    chain.unshift(segment(node));
    const root = node.getRootNode();
    node = isShadowRoot(root) ? root.host : undefined;
  }
  return chain.join(SEPARATOR);
}

/** Closed shadow roots widgets sit in, by their hosts: a walk down from the document cannot open them. */
const closedRoots = new WeakMap<Element, ShadowRoot>();

/** Notes the closed shadow roots `element` sits in (a design system's cards), so `elementByKey` finds it there. */
export function noteRoots(element: Element): void {
  for (let root = element.getRootNode(); isShadowRoot(root); root = root.host.getRootNode()) {
    if (root.host.shadowRoot !== root) closedRoots.set(root.host, root);
  }
}

/** The element a key names on this page, if it is there. */
export function elementByKey(key: string): Element | undefined {
  let root: Document | ShadowRoot | null = document;
  let found: Element | undefined;
  for (const part of key.split(SEPARATOR)) {
    if (!root) return undefined;
    const match = /^([^#:~]+)(?:#(.*)|([:~])(\d+))$/.exec(part);
    if (!match) return undefined;
    const [, tag, id, kind, index] = match;
    found =
      id !== undefined
        ? (unclobbered(root, 'getElementById')(id) ?? undefined)
        : (kind === '~' ? unnamed : all)(root, tag!)[Number(index)];
    if (!found || found.localName !== tag) return undefined;
    root = found.shadowRoot ?? closedRoots.get(found) ?? null;
  }
  return found;
}
