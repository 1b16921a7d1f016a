// Loading PortOne's V2 SDK (issue 9): the shared loader with V2's global (window.PortOne, no init),
// and every V1 guarantee: one script shared by widgets, nonce, SRI, timeout, retry after a failure.
import { expect } from '@open-wc/testing';
import { trustedScriptUrl } from '../../src/trusted-types.js';
import { installPortOne } from '../helpers/portone-double.js';
import { button, sha384 } from '../helpers/page.js';
import { resetV2Page, v2Widget } from '../helpers/v2-widget.js';

const DOUBLE = '/test/fixtures/sdk/portone-double.js';
const MISSING = '/test/fixtures/sdk/missing-portone-404.js';
const sdkTags = () => Array.from(document.scripts).filter((script) => script.src.includes('/test/fixtures/sdk/') || script.src.includes('/test-sdk/'));
const evaluations = () => (window as { __sdkEvaluations?: number }).__sdkEvaluations ?? 0;

/** Runs `body` with console.error collected instead of printed. */
async function collectingErrors<T>(body: (errors: string[]) => Promise<T>): Promise<T> {
  const errors: string[] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => errors.push(args.map(String).join(' '));
  try {
    return await body(errors);
  } finally {
    console.error = original;
  }
}

describe('PortOne V2: loading the SDK', () => {
  beforeEach(async () => {
    await resetV2Page();
    (window as { __sdkEvaluations?: number }).__sdkEvaluations = 0;
  });
  afterEach(resetV2Page);

  it('with sdk-integrity, a hashed load that fails is not rescued by a window.PortOne defined meanwhile', async () => {
    await collectingErrors(async () => {
      const wrong = 'sha384-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
      const element = await v2Widget({ 'sdk-src': '/test-sdk/slow.js?ms=600&v2-tampered', 'sdk-integrity': wrong });
      const paying = element.pay();
      await new Promise((resolve) => setTimeout(resolve, 100));
      // Another tag, without the hash, brings a modified SDK while the hashed one is still loading.
      const tampered = installPortOne();
      const result = await paying;
      expect(result.status === 'fail' && result.detail.code).to.equal('sdk-load-failed');
      expect(tampered.requests).to.have.length(0);
      expect(sdkTags().filter((script) => script.integrity === wrong), 'the failed tag is gone').to.have.length(0);
    });
  });

  it('injects one script for several widgets, calls no init, and every widget pays through window.PortOne', async () => {
    const first = await v2Widget();
    const second = await v2Widget({ 'order-name': 'Second', amount: '300' });
    for (const element of [first, second]) {
      const result = await element.pay();
      expect(result.status === 'success' && result.detail).to.deep.include({ txId: 'tx-from-script' });
    }
    expect(sdkTags()).to.have.length(1);
    expect(evaluations()).to.equal(1);
  });

  it('a 404 ends in pay-fail sdk-load-failed, removes its tag, and the next try loads again (unlike PortOne’s npm loader)', async () => {
    await collectingErrors(async (errors) => {
      const element = await v2Widget({ 'sdk-src': MISSING });
      const result = await element.pay();
      expect(result.status === 'fail' && result.detail).to.deep.include({ code: 'sdk-load-failed', via: 'local', protocol: 'v2' });
      expect(sdkTags()).to.have.length(0);
      expect(errors.join('\n')).to.contain('could not load');
      // The retry injects a new tag (it fails again at once, so it is counted as it is added).
      let injected = 0;
      const observer = new MutationObserver((records) => {
        for (const record of records) for (const node of record.addedNodes) if ((node as HTMLScriptElement).src?.includes(MISSING)) injected += 1;
      });
      observer.observe(document, { childList: true, subtree: true });
      expect((await element.pay()).status).to.equal('fail');
      observer.disconnect();
      expect(injected).to.equal(1);
      await element.updateComplete;
      expect(button(element).disabled).to.equal(false);
      element.sdkSrc = DOUBLE;
      await element.updateComplete;
      expect((await element.pay()).status).to.equal('success');
    });
  });

  it('a script that defines no window.PortOne is a failure, and says so', async () => {
    await collectingErrors(async (errors) => {
      const element = await v2Widget({ 'sdk-src': '/test/fixtures/sdk/no-global.js' });
      const result = await element.pay();
      expect(result.status === 'fail' && result.detail.code).to.equal('sdk-load-failed');
      expect(errors.join('\n')).to.contain('defined no window.PortOne');
    });
  });

  it('a window.IMP is no V2 SDK: a V2 widget does not take V1’s global', async () => {
    await collectingErrors(async () => {
      const element = await v2Widget({ 'sdk-src': '/test-sdk/slow.js?ms=10' });
      const result = await element.pay();
      expect(result.status === 'fail' && result.detail.code).to.equal('sdk-load-failed');
      expect(window.IMP).not.to.equal(undefined);
    });
    delete window.IMP;
  });

  it('a slow SDK past sdk-timeout ends in sdk-load-failed', async () => {
    await collectingErrors(async (errors) => {
      // Far past the timeout, so a busy machine cannot let the script arrive first. (Firefox may
      // still run the removed script later: it defines only window.IMP, which no V2 test reads.)
      const element = await v2Widget({ 'sdk-src': '/test-sdk/slow.js?ms=2500', 'sdk-timeout': '100' });
      const result = await element.pay();
      expect(result.status === 'fail' && result.detail.code).to.equal('sdk-load-failed');
      expect(errors.join('\n')).to.contain('did not load within 100 ms');
    });
  });

  it('sets the widget’s nonce as the script’s real nonce, and its sdk-integrity with crossorigin', async () => {
    const integrity = await sha384(DOUBLE);
    const element = await v2Widget({ nonce: 'n0nce-v2', 'sdk-integrity': integrity });
    expect((await element.pay()).status).to.equal('success');
    const [tag] = sdkTags();
    expect(tag!.nonce).to.equal('n0nce-v2');
    expect(tag!.getAttribute('nonce')).to.equal(null);
    expect(tag!.integrity).to.equal(integrity);
    expect(tag!.crossOrigin).to.equal('anonymous');
  });

  it('with sdk-integrity, refuses a window.PortOne that came without that hash', async () => {
    const sdk = installPortOne('approve');
    await collectingErrors(async (errors) => {
      const element = await v2Widget({ 'sdk-integrity': await sha384(DOUBLE) });
      const result = await element.pay();
      expect(result.status === 'fail' && result.detail.code).to.equal('sdk-load-failed');
      expect(errors.join('\n')).to.contain('window.PortOne did not come from');
    });
    expect(sdk.requests).to.have.length(0);
  });

  it('passes PortOne’s V2 CDN through the Trusted Types policy, as V1’s, and refuses other origins', () => {
    const cdn = 'https://cdn.portone.io/v2/browser-sdk.js';
    expect(String(trustedScriptUrl(cdn))).to.equal(cdn);
    expect(String(trustedScriptUrl('https://cdn.iamport.kr/v1/iamport.js'))).to.equal('https://cdn.iamport.kr/v1/iamport.js');
    const hasTrustedTypes = 'trustedTypes' in globalThis;
    const other = () => trustedScriptUrl('https://scripts.example/portone.js');
    // Without Trusted Types (Firefox, older WebKit) the string passes through; the config check refuses it.
    if (hasTrustedTypes) expect(other).to.throw('refusing to load the SDK');
    else expect(other()).to.equal('https://scripts.example/portone.js');
  });
});
