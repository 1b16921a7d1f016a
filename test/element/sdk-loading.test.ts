import { aTimeout, expect, fixture, html } from '@open-wc/testing';
import { sendMouse } from '@web/test-runner-commands';
import type { PayFailEvent, PaymentwallPay } from '../../src/index.js';
import { installImp } from '../helpers/imp-double.js';
import { button, inertScript, nextEvent, quietly, resetPage, sha384, shadow, waitUntil } from '../helpers/page.js';
import { v2Widget } from '../helpers/v2-widget.js';
import { widget } from '../helpers/widget.js';

const DOUBLE = '/test/fixtures/sdk/imp-double.js';
const sdkTags = () => Array.from(document.scripts).filter((script) => script.src.includes('/test/fixtures/sdk/') || script.src.includes('/test-sdk/'));

/** Lets a started load finish, so it cannot define IMP in the next test (Firefox runs removed scripts). */
const sdkLoaded = () => waitUntil(() => window.IMP !== undefined, 'the SDK loaded');

/** A widget far below the fold, untouched. */
async function offscreenWidget(attributes: Record<string, string> = {}) {
  const wrapper = await fixture<HTMLDivElement>(html`<div>
    <div class="spacer"></div>
    <paymentwall-pay
      imp-code="imp12345678"
      channel-key="channel-key-test"
      amount="1004"
      currency="KRW"
      order-name="Far away"
      buyer-name="Jack Son"
      buyer-email="jack@example.com"
      sdk-src=${attributes['sdk-src'] ?? DOUBLE}
    ></paymentwall-pay>
  </div>`);
  (wrapper.querySelector('.spacer') as HTMLElement).style.height = '300vh';
  const element = wrapper.querySelector('paymentwall-pay') as PaymentwallPay;
  await element.updateComplete;
  return element;
}

describe('when the SDK loads', () => {
  beforeEach(async () => {
    await resetPage();
    window.scrollTo(0, 0);
  });
  afterEach(resetPage);

  it('never on page load for an off-screen widget nobody touched', async () => {
    await offscreenWidget();
    await aTimeout(150);
    expect(sdkTags()).to.have.length(0);
  });

  it('when the widget scrolls into view', async () => {
    const element = await offscreenWidget();
    element.scrollIntoView();
    await waitUntil(() => sdkTags().length === 1, 'SDK tag after scrolling into view');
    await sdkLoaded();
  });

  it('when the pointer enters the widget', async () => {
    const element = await offscreenWidget();
    element.dispatchEvent(new PointerEvent('pointerenter'));
    expect(sdkTags()).to.have.length(1);
    await sdkLoaded();
  });

  it('when the widget gets focus', async () => {
    const element = await offscreenWidget();
    element.shadowRoot!.querySelector('input')!.focus({ preventScroll: true });
    expect(sdkTags()).to.have.length(1);
    await sdkLoaded();
  });

  it('with the widget’s nonce as the script’s real nonce, and its sdk-integrity', async () => {
    const integrity = await sha384(DOUBLE);
    const element = await offscreenWidget();
    element.setAttribute('nonce', 'n0nce-from-page');
    element.setAttribute('sdk-integrity', integrity);
    await element.updateComplete;
    element.dispatchEvent(new PointerEvent('pointerenter'));
    const [tag] = sdkTags();
    expect(tag!.nonce).to.equal('n0nce-from-page');
    expect(tag!.getAttribute('nonce')).to.equal(null);
    expect(tag!.integrity).to.equal(integrity);
    expect(tag!.crossOrigin).to.equal('anonymous');
    await sdkLoaded();
  });

  it('with sdk-integrity, pays only through a script loaded with that hash: a window.IMP from elsewhere ends in sdk-load-failed', async () => {
    const imp = installImp();
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(...args);
    try {
      const element = await widget({ 'sdk-integrity': 'sha384-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' });
      const result = await element.pay();
      expect(result.status === 'fail' && result.detail.code).to.equal('sdk-load-failed');
    } finally {
      console.error = original;
    }
    expect(imp.requests).to.have.length(0);
    expect(errors.map(String).join('\n')).to.contain('sdk-integrity');
  });

  it('with sdk-integrity, a hashed load that fails is not rescued by a window.IMP another tag defined meanwhile', async () => {
    // The page's own tag without the hash (or another widget's) brings a modified SDK while the
    // widget's hashed tag is still loading; the hashed tag then fails its integrity check.
    const pageTag = document.createElement('script');
    pageTag.src = '/test-sdk/slow.js?ms=150&page-tag';
    document.body.append(pageTag);
    const wrong = 'sha384-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
    const original = console.error;
    console.error = () => {};
    try {
      const element = await widget({ 'sdk-src': '/test-sdk/slow.js?ms=900&hashed', 'sdk-integrity': wrong });
      const result = await element.pay();
      expect(window.IMP, 'the unhashed tag defined IMP').to.exist;
      expect(result.status === 'fail' && result.detail.code).to.equal('sdk-load-failed');
      expect(Array.from(document.scripts).filter((script) => script.integrity === wrong), 'the failed tag is gone').to.have.length(0);
    } finally {
      console.error = original;
    }
  });

  it('with sdk-integrity, does not take the page’s own unhashed tag of its URL for a verified load', async () => {
    // The page (or injected HTML) already has a tag for the very URL, without the hash, still loading.
    const src = '/test-sdk/slow.js?ms=400&same-url';
    const pageTag = document.createElement('script');
    pageTag.src = src;
    const pageTagRan = new Promise((resolve) => pageTag.addEventListener('load', resolve, { once: true }));
    document.body.append(pageTag);
    const wrong = 'sha384-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
    const original = console.error;
    console.error = () => {};
    try {
      const element = await widget({ 'sdk-src': src, 'sdk-integrity': wrong });
      const result = await element.pay();
      // Both tags fetch the same slow URL, so which ends first varies under load: the page's tag
      // has run, with its IMP there to take, by the time this looks.
      await pageTagRan;
      expect(window.IMP, 'the page’s tag defined IMP').to.exist;
      expect(result.status === 'fail' && result.detail.code).to.equal('sdk-load-failed');
    } finally {
      console.error = original;
    }
  });

  it('with sdk-integrity, pays through the SDK its own tag loaded with that hash', async () => {
    const integrity = await sha384(DOUBLE);
    const element = await widget({ 'sdk-integrity': integrity });
    expect((await element.pay()).status).to.equal('success');
  });

  it('with sdk-integrity, pays through an SDK that keeps a global it finds, as PortOne’s V1 script does (window.IMP || …)', async () => {
    const src = '/test-sdk/slow.js?ms=20&guarded';
    const element = await widget({ 'sdk-src': src, 'sdk-integrity': await sha384(src) });
    expect((await element.pay()).status).to.equal('success');
    // The global is a plain property again once the tag has run.
    expect(Object.getOwnPropertyDescriptor(window, 'IMP')).to.include({ writable: true, configurable: true, enumerable: true });
  });

  for (const form of ['guarded', 'reassign']) {
    it(`with sdk-integrity, does not take a window.IMP another script defined while its hashed tag loaded, though PortOne’s script keeps it (${form === 'guarded' ? 'window.IMP || …' : 'window.IMP = window.IMP || …'})`, async () => {
      // PortOne's V1 script keeps a window.IMP it finds. Another script (the page's own unhashed
      // iamport.js finishing first, or a skimmer) defines one while the payment waits for the hashed tag.
      const src = `/test-sdk/slow.js?ms=300&${form}&raced`;
      const element = await offscreenWidget({ 'sdk-src': src });
      element.setAttribute('sdk-integrity', await sha384(src));
      await element.updateComplete;
      const skimmed: unknown[] = [];
      const request_pay = (request: { merchant_uid: string }, callback: (response: object) => void) => {
        skimmed.push(request);
        callback({ imp_uid: 'imp_skimmed', merchant_uid: request.merchant_uid });
      };
      // Once the hashed tag is in the page, well before it has loaded. Watched, not timed: a timer in
      // a page the browser throttles (Firefox, 1 s in a tab in the background) could fire after the tag ran.
      const watch = new MutationObserver(() => {
        if (!Array.from(document.scripts).some((script) => script.src.includes('raced'))) return;
        watch.disconnect();
        window.IMP = { init() {}, request_pay } as unknown as typeof window.IMP;
      });
      watch.observe(document, { childList: true, subtree: true });
      const errors: unknown[] = [];
      const original = console.error;
      console.error = (...args: unknown[]) => errors.push(...args);
      try {
        const result = await element.pay();
        expect(result.status === 'fail' && result.detail.code).to.equal('sdk-load-failed');
      } finally {
        console.error = original;
      }
      expect(skimmed, 'nothing sent to it').to.have.length(0);
      expect(errors.map(String).join('\n')).to.contain('sdk-integrity');
    });
  }

  it('with sdk-integrity, leaves window.IMP as it was after a hashed tag that failed its check', async () => {
    await quietly(async () => {
      const element = await widget({ 'sdk-src': '/test-sdk/slow.js?ms=20&failed-check', 'sdk-integrity': `sha384-${'A'.repeat(64)}` });
      expect((await element.pay()).status).to.equal('fail');
    });
    // Compared, not printed: chai would call a getter left behind.
    expect(Object.getOwnPropertyDescriptor(window, 'IMP') === undefined, 'no property left behind').to.equal(true);
  });

  it('with sdk-integrity, takes what the page’s own tag of that URL and hash brought after the wait was given up', async () => {
    // The page has the hashed tag itself, on a slow network: the widget waits half its sdk-timeout
    // for it, then for its own tag, and gives up. The page's tag runs later, then the widget's
    // (which, like PortOne's script, keeps the window.IMP it finds): the next payment uses it.
    const src = '/test-sdk/slow.js?ms=1200&guarded&page-hashed';
    // The same script from another URL, so the browser has no copy of this one yet.
    const integrity = await sha384('/test-sdk/slow.js?ms=0&guarded&hash-only');
    const evaluations = () => (window as { __sdkEvaluations?: number }).__sdkEvaluations ?? 0;
    const before = evaluations();
    const pageTag = Object.assign(document.createElement('script'), { src, integrity, crossOrigin: 'anonymous' });
    document.body.append(pageTag);
    await quietly(async () => {
      const element = await offscreenWidget({ 'sdk-src': src });
      element.setAttribute('sdk-integrity', integrity);
      element.setAttribute('sdk-timeout', '400');
      await element.updateComplete;
      const first = await element.pay();
      expect(first.status === 'fail' && first.detail.code).to.equal('sdk-load-failed');
      await waitUntil(() => evaluations() === before + 2, 'both tags ran', { timeout: 5000 });
      await aTimeout(50);
      expect((await element.pay()).status).to.equal('success');
    });
  });

  it('when it pays', async () => {
    const element = await offscreenWidget();
    const paying = element.pay();
    await waitUntil(() => sdkTags().length === 1);
    expect((await paying).status).to.equal('success');
  });

  it('once for a visible widget, as soon as it is seen', async () => {
    await widget({});
    await waitUntil(() => window.IMP !== undefined, 'IMP loaded for a visible widget');
    expect(sdkTags()).to.have.length(1);
  });

  it('once for several widgets on a page, and every one pays through it', async () => {
    const first = await widget({});
    const second = await widget({ 'order-name': 'Second' });
    const third = await widget({ 'imp-code': 'imp99999999' });
    for (const element of [first, second, third]) expect((await element.pay()).status).to.equal('success');
    expect(sdkTags()).to.have.length(1);
    const imp = window.IMP as unknown as { inits: string[]; requests: unknown[] };
    expect(imp.requests).to.have.length(3);
    expect(imp.inits).to.deep.equal(['imp12345678', 'imp99999999']);
  });

  it('a widget without imp-code refuses to pay on the setup another widget made (IMP.agency for another merchant)', async () => {
    const imp = installImp();
    // The page initialised IMP itself, for the widget that has no imp-code.
    imp.init('imp11111111');
    const other = await widget({ 'imp-code': 'imp99999999', 'tier-code': 'T-OTHER' });
    expect((await other.pay()).status).to.equal('success');
    expect(imp.agencies).to.deep.equal([['imp99999999', 'T-OTHER']]);
    const errors: string[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args.map(String).join(' '));
    try {
      const own = await widget({ 'imp-code': null });
      const result = await own.pay();
      expect(result.status === 'fail' && result.detail.code).to.equal('sdk-error');
    } finally {
      console.error = original;
    }
    expect(imp.requests, 'nothing charged under the other merchant').to.have.length(1);
    expect(errors.join('\n')).to.contain('imp-code');
  });

  it('a widget without imp-code stays refused once another widget’s load brought window.IMP: the page set up none for it', async () => {
    await quietly(async (lines) => {
      const own = await widget({ 'imp-code': null });
      // Seen, the widget with imp-code loads the SDK; it has not paid, so nobody called IMP.init.
      await widget({});
      await sdkLoaded();
      const imp = window.IMP as unknown as { requests: unknown[] };
      own.requestUpdate();
      await own.updateComplete;
      expect(shadow(own).querySelector('[part="config-error"]')?.textContent).to.contain('imp-code');
      expect(button(own).disabled).to.equal(true);
      const result = await own.pay();
      expect(result.status === 'fail' && result.detail.code).to.equal('invalid-config');
      expect(imp.requests, 'nothing sent through an IMP set up for no merchant').to.have.length(0);
      expect(lines.join('\n')).to.contain('imp-code');
    });
  });

  it('a widget without imp-code stays refused when another widget’s given-up tag defines window.IMP late', async () => {
    await quietly(async () => {
      const src = '/test-sdk/slow.js?ms=700&given-up';
      const own = await widget({ 'imp-code': null, 'sdk-src': src });
      const other = await widget({ 'sdk-src': src, 'sdk-timeout': '200' });
      const result = await other.pay();
      expect(result.status === 'fail' && result.detail.code).to.equal('sdk-load-failed');
      expect(sdkTags(), 'our tag removed').to.have.length(0);
      // The removed tag's script still runs when it arrives.
      await waitUntil(() => window.IMP !== undefined, 'the late script ran');
      own.requestUpdate();
      await own.updateComplete;
      expect(shadow(own).querySelector('[part="config-error"]')?.textContent).to.contain('imp-code');
      const paid = await own.pay();
      expect(paid.status === 'fail' && paid.detail.code).to.equal('invalid-config');
    });
  });

  it('a widget without imp-code does not count a page tag that cannot run (type="text/plain") as the page bringing IMP', async () => {
    await quietly(async () => {
      const src = `${DOUBLE}?consent-held`;
      const inert = document.createElement('script');
      inert.type = 'text/plain';
      inert.src = src;
      document.body.append(inert);
      const own = await widget({ 'imp-code': null, 'sdk-src': src });
      expect(shadow(own).querySelector('[part="config-error"]')?.textContent).to.contain('imp-code');
      inert.remove();
    });
  });

  it('a widget without imp-code sends nothing when the page’s own tag never ran and the loader brought IMP itself', async () => {
    await quietly(async (lines) => {
      const src = `${DOUBLE}?page-tag-never-runs`;
      // Inserted through innerHTML: it never runs, though it looks like the page bringing the SDK.
      const holder = document.createElement('div');
      holder.innerHTML = `<script src="${src}"></script>`;
      document.body.append(holder);
      try {
        const own = await widget({ 'imp-code': null, 'sdk-src': src, 'sdk-timeout': '600' });
        expect(shadow(own).querySelector('[part="config-error"]'), 'the tag counts while it may still run').to.equal(null);
        const result = await own.pay();
        expect(result.status === 'fail' && result.detail.code).to.equal('sdk-error');
        const imp = window.IMP as unknown as { requests: unknown[] };
        expect(imp.requests, 'no request through an IMP nobody set up').to.have.length(0);
        expect(lines.join('\n')).to.contain('imp-code');
      } finally {
        holder.remove();
      }
    });
  });

  it('a widget without imp-code pays through the page’s own tag and IMP.init, though another widget’s load came first', async () => {
    // A widget with imp-code is touched while the page is loading; the page's own tag and its
    // IMP.init, at the end of the body, come after.
    const other = await widget({});
    other.dispatchEvent(new PointerEvent('pointerenter'));
    await sdkLoaded();
    const pageTag = document.createElement('script');
    pageTag.src = DOUBLE;
    const ran = new Promise((resolve) => pageTag.addEventListener('load', resolve, { once: true }));
    document.body.append(pageTag);
    await ran;
    const imp = window.IMP as unknown as { init(code: string): void; requests: unknown[] };
    imp.init('imp99999999');
    const own = await widget({ 'imp-code': null });
    expect(shadow(own).querySelector('[part="config-error"]')).to.equal(null);
    expect((await own.pay()).status).to.equal('success');
    expect((window.IMP as unknown as { requests: unknown[] }).requests).to.have.length(1);
  });

  it('a widget without imp-code still takes the page’s own window.IMP beside a V2 widget’s SDK tag', async () => {
    const imp = installImp();
    try {
      await v2Widget({});
      await waitUntil(() => window.PortOne !== undefined, 'the V2 SDK loaded');
      const own = await widget({ 'imp-code': null });
      expect(shadow(own).querySelector('[part="config-error"]')).to.equal(null);
      expect((await own.pay()).status).to.equal('success');
      expect(imp.requests).to.have.length(1);
    } finally {
      delete window.PortOne;
    }
  });

  it('passes over an SDK tag that can never run (type="text/plain", as a consent manager leaves it) and loads its own', async () => {
    // A URL of its own, so no earlier test's resource timing (or HTTP cache) plays a part.
    const src = `${DOUBLE}?consent=${Math.random()}`;
    const inert = document.createElement('script');
    inert.type = 'text/plain';
    inert.src = src;
    document.body.append(inert);
    const element = await widget({ 'sdk-src': src, 'sdk-timeout': '2000' });
    const result = await element.pay();
    expect(result.status).to.equal('success');
  });

  it('does not take a tag for its own because it carries data-paymentwall-pay: injected HTML can copy the name', async () => {
    const src = `${DOUBLE}?forged=${Math.random()}`;
    const forged = document.createElement('script');
    forged.type = 'text/plain';
    forged.setAttribute('data-paymentwall-pay', '');
    forged.src = src;
    document.body.append(forged);
    const element = await widget({ 'sdk-src': src, 'sdk-timeout': '5000' });
    const started = performance.now();
    const result = await element.pay();
    expect(result.status).to.equal('success');
    expect(performance.now() - started, 'did not wait out sdk-timeout for the forged tag').to.be.below(4000);
  });

  it('pays through its own SDK when an element named IMP stands where window.IMP would be (a cross-origin <iframe name="IMP">)', async () => {
    const frame = document.createElement('iframe');
    frame.name = 'IMP';
    // Another origin: reading anything of its window throws a SecurityError.
    const other = new URL(DOUBLE, location.href);
    other.hostname = other.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
    frame.src = other.href;
    const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    document.body.append(frame);
    try {
      await loaded;
      expect(() => (window.IMP as unknown as { request_pay: unknown }).request_pay).to.throw();
      const uncaught: unknown[] = [];
      const onError = (event: ErrorEvent) => uncaught.push(event.error);
      window.addEventListener('error', onError);
      const element = await widget({});
      const result = await element.pay();
      window.removeEventListener('error', onError);
      expect(result.status).to.equal('success');
      expect(uncaught).to.deep.equal([]);
    } finally {
      frame.remove();
    }
  });

  it('stops waiting for a page tag that never runs (inserted through innerHTML) after sdk-timeout, and loads its own', async () => {
    const src = `${DOUBLE}?cms=${Math.random()}`;
    const cms = document.createElement('div');
    cms.innerHTML = `<script src="${src}"></script>`;
    document.body.append(cms);
    const original = console.error;
    console.error = () => {};
    try {
      // Half of sdk-timeout for the page's tag, the rest for its own: time enough on a busy machine.
      const element = await widget({ 'sdk-src': src, 'sdk-timeout': '2000' });
      const first = await element.pay();
      const second = first.status === 'success' ? first : await element.pay();
      expect(second.status, 'paid, at the latest on the second try').to.equal('success');
      expect(sdkTags().filter((script) => script.src === new URL(src, document.baseURI).href)).to.have.length(2);
    } finally {
      console.error = original;
      cms.remove();
    }
  });

  it('a failed load ends in pay-fail sdk-load-failed, and the next try loads again', async () => {
    const original = console.error;
    console.error = () => {};
    try {
      const element = await widget({ 'sdk-src': '/test/fixtures/sdk/no-global.js' });
      const fail = nextEvent<PayFailEvent>(element, 'pay-fail');
      await element.pay();
      const { detail } = await fail;
      expect(detail).to.include({ code: 'sdk-load-failed', via: 'local', message: 'The payment service could not be reached. Check your connection and try again.' });
      expect(button(element).disabled).to.equal(false);
      element.sdkSrc = DOUBLE;
      await element.updateComplete;
      expect((await element.pay()).status).to.equal('success');
    } finally {
      console.error = original;
    }
  });

  it('a slow SDK past sdk-timeout ends in sdk-load-failed', async () => {
    const original = console.error;
    console.error = () => {};
    try {
      const element = await widget({ 'sdk-src': '/test-sdk/slow.js?ms=800', 'sdk-timeout': '100' });
      const result = await element.pay();
      expect(result.status === 'fail' && result.detail.code).to.equal('sdk-load-failed');
    } finally {
      console.error = original;
    }
  });

  it('a real click pays, as a buyer would', async () => {
    const element = await widget({});
    const rect = button(element).getBoundingClientRect();
    const success = nextEvent(element, 'pay-success');
    await sendMouse({ type: 'click', position: [Math.round(rect.x + rect.width / 2), Math.round(rect.y + rect.height / 2)] });
    await success;
    await sendMouse({ type: 'move', position: [0, 0] });
  });

  it('is the widget’s own nonce, never one guessed from a tag injected into the page', async () => {
    const planted = inertScript('planted');
    try {
      const element = await widget({ nonce: 'n0nce-from-page' });
      element.dispatchEvent(new PointerEvent('pointerenter'));
      await waitUntil(() => sdkTags().length === 1, 'an SDK tag');
      expect(sdkTags()[0]!.nonce).to.equal('n0nce-from-page');
      await sdkLoaded();
    } finally {
      planted.remove();
    }
  });
});
