import { expect } from '@open-wc/testing';
import { initImp, loadSdk, pageNonce, SdkLoadError } from '../src/sdk-loader.js';
import { allowSdkOrigin } from '../src/sdk-origin.js';
import { sharedState } from '../src/shared-state.js';
import { installImp } from './helpers/imp-double.js';
import { inertScript, resetPage, sha384, waitUntil } from './helpers/page.js';

const DOUBLE = '/test/fixtures/sdk/imp-double.js';
const NO_GLOBAL = '/test/fixtures/sdk/no-global.js';
const MISSING = '/test/fixtures/sdk/missing-404.js';
const slow = (ms: number) => `/test-sdk/slow.js?ms=${ms}`;
const absolute = (src: string) => new URL(src, document.baseURI).href;
const tags = (src: string) => Array.from(document.scripts).filter((script) => script.src === absolute(src));
// The stand-ins are served by the test server; its origin is allowed as a page's JavaScript would.
allowSdkOrigin(location.origin);
const evaluations = () => (window as { __sdkEvaluations?: number }).__sdkEvaluations ?? 0;
const ownTags = (src: string) => tags(src).filter((script) => script.hasAttribute('data-paymentwall-pay'));

describe('the SDK loader', () => {
  beforeEach(async () => {
    await resetPage();
    (window as { __sdkEvaluations?: number }).__sdkEvaluations = 0;
  });
  afterEach(resetPage);

  it('uses a window.IMP the page already has and injects nothing', async () => {
    const imp = installImp();
    expect(await loadSdk({ src: DOUBLE, timeoutMs: 1000 })).to.equal(imp);
    expect(tags(DOUBLE)).to.have.length(0);
  });

  it('injects one async script per URL, shared by concurrent callers', async () => {
    const loads = [1, 2, 3].map(() => loadSdk({ src: DOUBLE, timeoutMs: 3000 }));
    expect(tags(DOUBLE)).to.have.length(1);
    expect(tags(DOUBLE)[0]!.async).to.equal(true);
    const [first, ...rest] = await Promise.all(loads);
    expect(first).to.equal(window.IMP);
    for (const other of rest) expect(other).to.equal(first);
    expect(evaluations()).to.equal(1);
  });

  it('reuses a tag with the same src that the page added itself', async () => {
    const own = document.createElement('script');
    own.src = slow(100);
    document.body.append(own);
    const imp = await loadSdk({ src: slow(100), timeoutMs: 3000 });
    expect(imp).to.equal(window.IMP);
    expect(tags(slow(100))).to.deep.equal([own]);
    expect(evaluations()).to.equal(1);
  });

  it('fails on a 404, removes its tag, and tries again next time', async () => {
    const error = await loadSdk({ src: MISSING, timeoutMs: 3000 }).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(SdkLoadError);
    expect((error as Error).message).to.contain('could not load');
    expect(tags(MISSING)).to.have.length(0);
    expect(sharedState().sdkLoads.size).to.equal(0);
    const again = loadSdk({ src: MISSING, timeoutMs: 3000 }).catch((e: unknown) => e);
    expect(tags(MISSING)).to.have.length(1);
    await again;
  });

  it('fails when the script loads but defines no window.IMP', async () => {
    const error = await loadSdk({ src: NO_GLOBAL, timeoutMs: 3000 }).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(SdkLoadError);
    expect((error as Error).message).to.contain('defined no window.IMP');
    expect(tags(NO_GLOBAL)).to.have.length(0);
    await loadSdk({ src: NO_GLOBAL, timeoutMs: 3000 }).catch(() => undefined);
    expect(evaluations(), 'a second attempt loads it again').to.equal(2);
  });

  it('with integrity, takes an SDK whose hashed tag arrived after the timeout as verified on the next attempt', async () => {
    // The same body under another address, so the browser's cache cannot hand the SDK over early.
    const hash = await sha384(`${slow(1)}&for=hash`);
    const src = `${slow(600)}&for=late`;
    const error = await loadSdk({ src, timeoutMs: 100, integrity: hash }).catch((e: unknown) => e);
    expect((error as Error).message).to.contain('within 100 ms');
    // The removed tag's script still arrives and runs, its hash checked by the browser; its load
    // event, which may come a task after the script ran, marks what it brought verified.
    await waitUntil(() => evaluations() === 1 && sharedState().verified?.get(window.IMP as object) === hash, 'the late SDK ran and was verified');
    expect(await loadSdk({ src, timeoutMs: 3000, integrity: hash })).to.equal(window.IMP);
  });

  it('gives up after the timeout, forgets the tag, and a later attempt can succeed', async () => {
    const error = await loadSdk({ src: slow(600), timeoutMs: 100 }).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(SdkLoadError);
    expect((error as Error).message).to.contain('within 100 ms');
    expect(tags(slow(600))).to.have.length(0);
    const imp = await loadSdk({ src: slow(50), timeoutMs: 3000 });
    expect(imp).to.equal(window.IMP);
  });

  it('lets each caller of a shared load wait its own timeout, not that of the caller that started it', async () => {
    const src = `${slow(500)}&for=join`;
    const impatient = loadSdk({ src, timeoutMs: 100 }).catch((e: unknown) => e);
    const patient = loadSdk({ src, timeoutMs: 5000 });
    expect(((await impatient) as Error).message).to.contain('within 100 ms');
    expect(tags(src), 'the load goes on while the other waits').to.have.length(1);
    expect(await patient).to.equal(window.IMP);
  });

  it('answers a caller that joins a long load within its own, shorter timeout', async () => {
    const src = `${slow(1500)}&for=short`;
    const patient = loadSdk({ src, timeoutMs: 5000 });
    const started = performance.now();
    const error = await loadSdk({ src, timeoutMs: 200 }).catch((e: unknown) => e);
    expect((error as Error).message).to.contain('within 200 ms');
    expect(performance.now() - started).to.be.below(1200);
    expect(await patient).to.equal(window.IMP);
  });

  it('sets the CSP nonce as the real nonce, never as a readable attribute', async () => {
    const loading = loadSdk({ src: DOUBLE, timeoutMs: 3000, nonce: 'r4nd0m' });
    const [tag] = tags(DOUBLE);
    expect(tag!.nonce).to.equal('r4nd0m');
    expect(tag!.getAttribute('nonce')).to.equal(null);
    expect(tag!.outerHTML).not.to.contain('r4nd0m');
    await loading;
  });

  it('sets integrity and crossorigin, and a wrong hash fails the load', async () => {
    const hash = await sha384(DOUBLE);
    const loading = loadSdk({ src: DOUBLE, timeoutMs: 3000, integrity: hash });
    const [tag] = tags(DOUBLE);
    expect(tag!.integrity).to.equal(hash);
    expect(tag!.crossOrigin).to.equal('anonymous');
    expect(await loading).to.equal(window.IMP);
    await resetPage();
    const wrong = 'sha384-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
    const error = await loadSdk({ src: DOUBLE, timeoutMs: 3000, integrity: wrong }).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(SdkLoadError);
  });

  it('with integrity, refuses a verified SDK that a later script replaced', async () => {
    const hash = await sha384(DOUBLE);
    expect(await loadSdk({ src: DOUBLE, timeoutMs: 3000, integrity: hash })).to.equal(window.IMP);
    // A later script (the page's, an injected one) swaps window.IMP; the hashed tag is still there.
    installImp();
    const error = await loadSdk({ src: DOUBLE, timeoutMs: 3000, integrity: hash }).then(
      () => 'resolved with the replaced IMP',
      (e: unknown) => e,
    );
    expect(error instanceof SdkLoadError ? error.message : error).to.contain('sdk-integrity');
  });

  it('takes no nonce from an injected <img name="currentScript">, which shadows document.currentScript', async () => {
    const clobber = document.createElement('img');
    clobber.name = 'currentScript';
    clobber.setAttribute('nonce', 'planted');
    document.body.append(clobber);
    try {
      const copy = (await import(/* @vite-ignore */ `/src/sdk-loader.ts?copy=${Math.random()}`)) as typeof import('../src/sdk-loader.js');
      expect(copy.pageNonce()).not.to.equal('planted');
    } finally {
      clobber.remove();
    }
  });

  it('takes the nonce of a script the page fetched over an earlier injected tag’s guess (a module-loaded library)', async () => {
    // Reflected HTML ahead of the page's scripts: under a nonce-only CSP it never runs, but it carries a nonce.
    const injected = inertScript('attacker-guess');
    // The page's own script, with the real nonce: fetched, so the CSP let it through.
    const real = document.createElement('script');
    real.setAttribute('nonce', 'r3al-n0nce');
    real.src = `/test/fixtures/cdn/allow-test-sdk.js?nonce=${Math.random()}`;
    const loaded = new Promise((resolve) => real.addEventListener('load', resolve, { once: true }));
    document.body.append(real);
    try {
      await loaded;
      expect(pageNonce()).to.equal('r3al-n0nce');
    } finally {
      injected.remove();
      real.remove();
    }
  });

  it('skips a script whose nonce is empty when it guesses the page nonce', () => {
    const real = inertScript('r3al');
    const empty = inertScript(''); // first in the head
    try {
      expect(pageNonce()).to.equal('r3al');
    } finally {
      empty.remove();
      real.remove();
    }
  });

  it('keeps its state on window under a registered symbol, shared by every copy of the library', async () => {
    // The same module under another URL is a second copy, as a second bundle on the page would be.
    const copy = (await import(/* @vite-ignore */ `/src/shared-state.ts?copy=${Math.random()}`)) as typeof import('../src/shared-state.js');
    expect(copy.sharedState()).to.equal(sharedState());
    expect((window as unknown as Record<symbol, unknown>)[Symbol.for('paymentwall-pay.shared-state.v1')]).to.equal(sharedState());
  });
});

describe('IMP.init', () => {
  beforeEach(resetPage);
  afterEach(resetPage);

  it('runs once per code, again only for a different code, and as agency with a tier code', () => {
    const imp = installImp();
    initImp(imp, 'imp111', undefined, absolute(DOUBLE));
    initImp(imp, 'imp111', undefined, absolute(DOUBLE));
    expect(imp.inits).to.deep.equal(['imp111']);
    initImp(imp, 'imp222', undefined, absolute(DOUBLE));
    initImp(imp, 'imp111', undefined, absolute(DOUBLE));
    expect(imp.inits).to.deep.equal(['imp111', 'imp222', 'imp111']);
    initImp(imp, 'imp111', '77', absolute(DOUBLE));
    expect(imp.agencies).to.deep.equal([['imp111', '77']]);
  });

  it('is skipped without a code: the page initialised IMP itself', () => {
    const imp = installImp();
    initImp(imp, undefined, undefined, absolute(DOUBLE));
    expect(imp.inits).to.deep.equal([]);
  });

  it('runs again for a new IMP object, as after the SDK was loaded anew', () => {
    const first = installImp();
    initImp(first, 'imp111', undefined, absolute(DOUBLE));
    const second = installImp();
    initImp(second, 'imp111', undefined, absolute(DOUBLE));
    expect(second.inits).to.deep.equal(['imp111']);
  });
});

describe('the SDK loader and the page’s own tags', () => {
  beforeEach(resetPage);
  afterEach(async () => {
    await resetPage();
    document.querySelectorAll('script[data-test-page-sdk]').forEach((script) => script.remove());
  });

  it('waits for the page\'s tags of a URL once: tags that never run (innerHTML) cost one timeout, not one each', async () => {
    // An address no test loaded before: resource timing does not list it as finished.
    const src = `${DOUBLE}?for=innerhtml`;
    const holder = document.createElement('div');
    holder.innerHTML = Array.from({ length: 4 }, () => `<script data-test-page-sdk src="${src}"></script>`).join('');
    document.body.append(holder);
    const started = performance.now();
    // The page's tags get half of it (1,500 ms), our own tag the rest: time enough on a busy machine.
    expect(await loadSdk({ src, timeoutMs: 3000 })).to.equal(window.IMP);
    // One wait for the page's tags, then our own tag: well below the four waits (6,000 ms) of waiting for each.
    expect(performance.now() - started).to.be.below(4500);
    expect(ownTags(src)).to.have.length(1);
    holder.remove();
  });

  it('does not wait for a nomodule page tag, which never runs where modules do', async () => {
    const pageTag = document.createElement('script');
    const src = `${DOUBLE}?for=nomodule`;
    pageTag.noModule = true;
    pageTag.src = src;
    pageTag.dataset.testPageSdk = '';
    document.body.append(pageTag);
    const loading = loadSdk({ src, timeoutMs: 10_000 });
    expect(ownTags(src), 'its own tag at once').to.have.length(1);
    expect(await loading).to.equal(window.IMP);
  });

  it('passes over a page tag that already finished without IMP, and leaves it in place', async () => {
    const pageTag = document.createElement('script');
    pageTag.src = NO_GLOBAL;
    pageTag.dataset.testPageSdk = '';
    await new Promise((resolve) => {
      pageTag.addEventListener('load', resolve, { once: true });
      document.body.append(pageTag);
    });
    const error = await loadSdk({ src: NO_GLOBAL, timeoutMs: 3000 }).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(SdkLoadError);
    expect((error as Error).message).not.to.contain('within');
    expect(pageTag.isConnected, 'the page’s tag stays').to.equal(true);
  });
});
