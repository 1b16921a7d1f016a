// Tests that need Chromium's DevTools protocol or V8 flags; the web-test-runner config runs this
// file in Chromium only.
import { expect } from '@open-wc/testing';
import { emulateMedia, executeServerCommand } from '@web/test-runner-commands';
import { installImp } from '../helpers/imp-double.js';
import { resetPage, shadow } from '../helpers/page.js';
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

describe('in Chromium, with DevTools', () => {
  beforeEach(resetPage);
  afterEach(resetPage);

  it('is garbage-collected once removed: no page-wide registry keeps it', async function () {
    const gc = (window as { gc?: () => void }).gc;
    if (!gc) throw new Error('run Chromium with --js-flags=--expose-gc');
    installImp();
    // The first widget on a page stays reachable from one-time page state (seen in Chromium, not
    // from this code); a registry of ours would keep every widget, which is what this looks for.
    await createAndRemove(1);
    // In a function of its own, so no suspended frame of this test still holds the last one.
    const refs = await createAndRemove(20);
    const { fixtureCleanup } = await import('@open-wc/testing');
    fixtureCleanup();
    // Pending tasks (an observer's queued entries, a timer, a frame) may hold one briefly; a registry
    // would hold it for good. So collect for up to five seconds (a busy machine) before judging.
    const deadline = performance.now() + 5000;
    while (refs.some((ref) => ref.deref()) && performance.now() < deadline) {
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50)));
      gc();
    }
    expect(refs.map((ref, index) => (ref.deref() ? index : -1)).filter((index) => index >= 0)).to.deep.equal([]);
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
