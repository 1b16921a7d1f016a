// Tests that need Chromium's DevTools protocol or V8 flags; the web-test-runner config runs this
// file in Chromium only.
import { expect } from '@open-wc/testing';
import { emulateMedia, executeServerCommand } from '@web/test-runner-commands';
import { openPage } from '../helpers/cdn-page.js';
import { installImp } from '../helpers/imp-double.js';
import { resetPage, shadow, waitUntil } from '../helpers/page.js';
import { widget } from '../helpers/widget.js';

async function createAndRemove(count: number): Promise<Array<WeakRef<HTMLElement>>> {
  const refs: Array<WeakRef<HTMLElement>> = [];
  for (let round = 0; round < count; round += 1) {
    const element = await widget({ 'order-name': `round ${round}` });
    element.dispatchEvent(new PointerEvent('pointerenter'));
    refs.push(new WeakRef(element));
    element.remove();
  }
  return refs;
}

/** Removes the page's widget, then adds and removes `count` more like it. */
async function removeAndCreateAndRemove(doc: Document, count: number): Promise<Array<WeakRef<HTMLElement>>> {
  const first = doc.getElementById('widget')!;
  const names = ['imp-code', 'channel-key', 'amount', 'order-name', 'sdk-src'];
  const attributes = names.map((name) => [name, first.getAttribute(name)!] as const);
  const refs = [new WeakRef(first)];
  first.remove();
  for (let round = 0; round < count; round += 1) {
    const element = doc.createElement('paymentwall-pay') as HTMLElement & { updateComplete: Promise<boolean> };
    for (const [name, value] of attributes) element.setAttribute(name, value);
    doc.body.append(element);
    await element.updateComplete;
    element.dispatchEvent(new doc.defaultView!.PointerEvent('pointerenter'));
    refs.push(new WeakRef(element));
    element.remove();
  }
  return refs;
}

type Collect = (options: { type: 'major'; execution: 'async' }) => Promise<void>;

/**
 * The indexes of `refs` still reachable after collecting for up to five seconds. Pending tasks (an
 * observer's queued entries, a timer, a frame) may hold one briefly; a registry would hold it for
 * good. The collection runs as a task of its own: a plain `gc()` also scans the stack it is called
 * from, where a stale pointer now and then kept one widget (in 1 run in 10 to 1 in 40).
 */
async function stillReachable(refs: Array<WeakRef<object>>, win: object = window): Promise<number[]> {
  const gc = (win as unknown as { gc?: Collect }).gc;
  if (!gc) throw new Error('run Chromium with --js-flags=--expose-gc');
  const deadline = performance.now() + 5000;
  do {
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50)));
    await gc({ type: 'major', execution: 'async' });
  } while (refs.some((ref) => ref.deref()) && performance.now() < deadline);
  return refs.map((ref, index) => (ref.deref() ? index : -1)).filter((index) => index >= 0);
}

describe('in Chromium, with DevTools', () => {
  beforeEach(resetPage);
  afterEach(resetPage);

  // First in this file, so its first widget is the first on the page: the page-wide observer and
  // listeners are made for it, and must not keep it.
  it('is garbage-collected once removed, the page’s first widget too: no page-wide registry keeps it', async () => {
    installImp();
    // In a function of its own, so no suspended frame of this test still holds the last one.
    const refs = await createAndRemove(20);
    const { fixtureCleanup } = await import('@open-wc/testing');
    fixtureCleanup();
    expect(await stillReachable(refs)).to.deep.equal([]);
  });

  it('is garbage-collected once removed from a page that loads the CDN file, the page’s first widget too', async () => {
    // The minifier moves functions into one another: what it makes of the page-wide ones is checked here.
    const { frame, win, doc } = await openPage('/test/fixtures/cdn/plain-page.html');
    try {
      // Seen and loaded: the first widget has started the SDK's load (the page-wide observer fired).
      await waitUntil(() => win.IMP !== undefined, 'the SDK loaded by the page’s widget');
      const refs = await removeAndCreateAndRemove(doc, 5);
      expect(await stillReachable(refs, win)).to.deep.equal([]);
    } finally {
      frame.remove();
    }
  });

  it('stops the busy spinner under prefers-reduced-motion', async () => {
    const imp = installImp('never');
    const element = await widget({});
    void element.pay();
    await new Promise((resolve) => setTimeout(resolve, 20));
    await element.updateComplete;
    expect(imp.requests).to.have.length(1);
    const spinner = shadow(element).querySelector('.spinner')!;
    expect(getComputedStyle(spinner).animationName).to.equal('spin');
    await emulateMedia({ reducedMotion: 'reduce' });
    try {
      expect(getComputedStyle(spinner).animationName).to.equal('none');
    } finally {
      await emulateMedia({ reducedMotion: 'no-preference' });
    }
  });

  it('keeps the pay button drawn as a button in forced colors (Windows high contrast), and a disabled one as disabled', async () => {
    installImp('success');
    const element = await widget({});
    const pay = shadow(element).querySelector<HTMLButtonElement>('button[part="button"]')!;
    const gray = document.createElement('span');
    gray.style.color = 'GrayText';
    document.body.append(gray);
    await executeServerCommand('forced-colors', 'active');
    try {
      expect(matchMedia('(forced-colors: active)').matches, 'forced colors emulated').to.equal(true);
      // Forced colors drop the background that makes it a button: a border has to.
      expect(getComputedStyle(pay).borderTopStyle).to.equal('solid');
      expect(parseFloat(getComputedStyle(pay).borderTopWidth)).to.be.at.least(1);
      await element.pay();
      await element.updateComplete;
      expect(pay.disabled).to.equal(true);
      // Disabled is GrayText, as the system draws it, border too, not the text faded to 60 %.
      expect(getComputedStyle(pay).color).to.equal(getComputedStyle(gray).color);
      expect(getComputedStyle(pay).borderTopColor).to.equal(getComputedStyle(gray).color);
      expect(getComputedStyle(pay).opacity).to.equal('1');
    } finally {
      await executeServerCommand('forced-colors', 'none');
      gray.remove();
    }
  });
});
