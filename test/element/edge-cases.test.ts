import { aTimeout, expect } from '@open-wc/testing';
import { PaymentwallPay, type PayFailEvent, type PayRequestEvent } from '../../src/index.js';
import { sharedState } from '../../src/shared-state.js';
import { installImp } from '../helpers/imp-double.js';
import { button, focused, nextEvent, quietly, recordEvents, resetPage, shadow, text, waitUntil } from '../helpers/page.js';
import { BUYER, VALID, allowTestSdk, widget, windowOpen } from '../helpers/widget.js';


describe('edges a page author or buyer would hit', () => {
  const home = location.href;
  beforeEach(resetPage);
  afterEach(async () => {
    // Only when needed: WebKit refuses more than 100 address changes in 10 s.
    if (location.href !== home) history.replaceState(history.state, '', home);
    await resetPage();
    sharedState().sdkOrigins.clear();
    allowTestSdk();
    document.querySelectorAll('script[data-test-page-sdk]').forEach((script) => script.remove());
  });

  it('refuses an SDK from a host an attribute names, and loads nothing', async () => {
    await quietly(async () => {
      const element = await widget({ 'sdk-src': 'https://evil.example/iamport.js' });
      expect(text(shadow(element).querySelector('[part="config-error"]'))).to.contain("customElements.get('paymentwall-pay').allowSdkOrigin()");
      expect((await element.pay()).status).to.equal('fail');
      expect(document.querySelectorAll('script[src^="https://evil.example"]')).to.have.length(0);
    });
    PaymentwallPay.allowSdkOrigin('https://static.example');
    const allowed = await widget({ 'sdk-src': 'https://static.example/iamport.js' });
    expect(shadow(allowed).querySelector('[part="config-error"]')).to.equal(null);
  });

  it('refuses a same-site sdk-src from the attribute alone, and loads it once the page’s JavaScript allows the origin', async () => {
    sharedState().sdkOrigins.clear();
    const gadget = '/test/fixtures/sdk/imp-double.js?callback=anything';
    await quietly(async () => {
      const element = await widget({ 'sdk-src': gadget });
      element.dispatchEvent(new PointerEvent('pointerenter'));
      expect(text(shadow(element).querySelector('[part="config-error"]'))).to.contain('sdk-src').and.contain('allowSdkOrigin');
      expect(button(element).disabled).to.equal(true);
      const result = await element.pay();
      expect(result.status === 'fail' && result.detail.code).to.equal('invalid-config');
      expect(document.querySelectorAll('script[src*="imp-double"]'), 'no script injected').to.have.length(0);
      // Another http origin is refused; the page's own, http on localhost, is accepted.
      const registered = customElements.get('paymentwall-pay')!;
      expect(() => registered.allowSdkOrigin('http://other.example')).to.throw(TypeError);
      registered.allowSdkOrigin(location.origin);
      // The widget already on the page checks again by itself.
      await waitUntil(() => shadow(element).querySelector('[part="config-error"]') === null, 'config error gone');
      expect((await element.pay()).status).to.equal('success');
    });
  });

  it('allows only the script an exact URL names, where an origin allows every script on it', async () => {
    sharedState().sdkOrigins.clear();
    PaymentwallPay.allowSdkOrigin('/test/fixtures/sdk/imp-double.js');
    await quietly(async () => {
      // Injected HTML naming another script of the same site: a gadget, refused, and nothing loaded.
      const gadget = await widget({ 'sdk-src': '/test/fixtures/sdk/no-global.js?callback=x' });
      gadget.dispatchEvent(new PointerEvent('pointerenter'));
      expect(text(shadow(gadget).querySelector('[part="config-error"]'))).to.contain('sdk-src');
      expect(document.querySelectorAll('script[src*="no-global"]'), 'no script injected').to.have.length(0);
    });
    const allowed = await widget({});
    expect(shadow(allowed).querySelector('[part="config-error"]')).to.equal(null);
    expect((await allowed.pay()).status).to.equal('success');
  });

  it('pays with an <img name="baseURI"> on the page, which shadows document.baseURI', async () => {
    const clobber = document.createElement('img');
    clobber.name = 'baseURI';
    document.body.append(clobber);
    try {
      expect(document.baseURI as unknown).to.equal(clobber);
      const element = await widget({});
      expect(shadow(element).querySelector('[part="config-error"]')).to.equal(null);
      expect((await element.pay()).status).to.equal('success');
    } finally {
      clobber.remove();
    }
  });

  it('pays, loading its SDK, with an <img name> on the page that shadows any document method it calls', async () => {
    // Injected HTML (a CMS comment) shadows the document's own methods and properties by name: each
    // of these is read on the way from the first render to the SDK's request (dispatchEvent: lifecycle).
    for (const name of ['querySelectorAll', 'getElementById', 'createElement', 'scripts', 'body', 'readyState']) {
      await resetPage();
      // Made before the document's methods are shadowed; the widget goes on the page after.
      const host = document.createElement('div');
      const element = document.createElement('paymentwall-pay');
      for (const [attribute, value] of Object.entries({ ...VALID, ...BUYER, id: 'checkout' })) element.setAttribute(attribute, value);
      const events = recordEvents(element, 'pay-success', 'pay-fail');
      const clobber = document.createElement('img');
      clobber.name = name;
      document.body.append(host, clobber);
      try {
        expect((document as unknown as Record<string, unknown>)[name], name).to.equal(clobber);
        host.append(element);
        await element.updateComplete;
        expect((await element.pay()).status, name).to.equal('success');
        expect(events.map((event) => event.type), name).to.deep.equal(['pay-success']);
        expect([...document.getElementsByTagName('script')].filter((script) => script.src.includes('imp-double')), name).to.have.length(1);
      } finally {
        clobber.remove();
        host.remove();
      }
    }
  });

  it('needs no imp-code when the page loads the SDK itself with its own tag', async () => {
    const pageTag = document.createElement('script');
    pageTag.src = '/test-sdk/slow.js?ms=150';
    pageTag.dataset.testPageSdk = '';
    document.body.append(pageTag);
    const element = await widget({ 'imp-code': null, 'sdk-src': '/test-sdk/slow.js?ms=150' });
    expect(shadow(element).querySelector('[part="config-error"]')).to.equal(null);
    expect((await element.pay()).status).to.equal('success');
    expect(document.querySelectorAll('script[src*="/test-sdk/slow.js"]')).to.have.length(1);
  });

  it('gives focus back to the pay button when the attempt ends', async () => {
    installImp('success-false');
    const element = await widget({});
    button(element).focus();
    const fail = nextEvent(element, 'pay-fail');
    button(element).click();
    await fail;
    await element.updateComplete;
    await element.updateComplete;
    expect(focused(element)).to.equal('button[part="button"]');
  });

  it('shows no text from a crafted return link when it started no attempt', async () => {
    history.replaceState(history.state, '', `${location.pathname}${location.search}&merchant_uid=order-fixed&error_code=X&error_msg=Call+0000+for+a+refund`);
    const fails: PayFailEvent[] = [];
    const record = (event: PayFailEvent) => fails.push(event);
    document.addEventListener('pay-fail', record);
    const element = await widget({ 'merchant-uid': 'order-fixed' });
    // Past the head start other widgets give an attempt's owner: nothing was saved, so nothing is reported.
    await aTimeout(300);
    await element.updateComplete;
    document.removeEventListener('pay-fail', record);
    expect(fails, 'no pay-fail carrying the link’s text').to.have.length(0);
    expect(text(shadow(element).querySelector('form'))).not.to.contain('0000');
    expect(text(shadow(element).querySelector('[part="status"]'))).to.equal('');
  });

  it('ends in sdk-error rather than pay as the parent merchant when IMP.agency is missing', async () => {
    const imp = installImp();
    delete (imp as { agency?: unknown }).agency;
    await quietly(async () => {
      const result = await (await widget({ 'tier-code': '12' })).pay();
      expect(result.status === 'fail' && result.detail.code).to.equal('sdk-error');
    });
    expect(imp.inits).to.deep.equal([]);
    expect(imp.requests).to.deep.equal([]);
  });

  it('ends in sdk-error when PortOne calls back with no response', async () => {
    const imp = installImp('never');
    imp.request_pay = (_params, callback) => setTimeout(() => (callback as (r?: unknown) => void)(undefined));
    await quietly(async () => {
      const result = await (await widget({})).pay();
      expect(result.status === 'fail' && result.detail.code).to.equal('sdk-error');
    });
  });

  it('ends in pg-error, with the code as text, when PortOne calls back with a numeric error_code', async () => {
    const { element, paying, answer } = await windowOpen();
    answer({ imp_uid: null, error_code: 1002 as unknown as string, error_msg: '이미 결제가 이루어진 거래건입니다' });
    const result = await paying;
    expect(result.status === 'fail' && [result.detail.code, result.detail.pgCode]).to.deep.equal(['pg-error', '1002']);
    await element.updateComplete;
    expect(text(button(element))).not.to.equal('Paid');
  });

  it('ends in pg-error, not Paid, when PortOne calls back with the 1.3.0 SDK’s code and message', async () => {
    const { element, paying, answer } = await windowOpen();
    answer({ imp_uid: 'imp_111', merchant_uid: 'x', code: 'FAILURE_TYPE_PG', message: '카드 승인 거절' });
    const result = await paying;
    expect(result.status === 'fail' && [result.detail.code, result.detail.pgCode, result.detail.pgMessage]).to.deep.equal(['pg-error', 'FAILURE_TYPE_PG', '카드 승인 거절']);
    await element.updateComplete;
    expect(text(button(element))).not.to.equal('Paid');
  });

  it('ends in sdk-error, not Paid, when PortOne calls back with neither an error nor an imp_uid', async () => {
    const { element, paying, answer } = await windowOpen();
    answer({});
    const result = await paying;
    expect(result.status === 'fail' && result.detail.code).to.equal('sdk-error');
    await element.updateComplete;
    expect(button(element).disabled).to.equal(false);
  });

  it('ends, once and with pay-fail, when a callback response throws as it is read, whenever it throws', async () => {
    for (const throwsOnRead of [1, 4]) {
      const imp = installImp('never');
      const element = await widget({});
      const events: string[] = [];
      element.addEventListener('pay-success', (event) => events.push(event.type));
      element.addEventListener('pay-fail', (event) => events.push(event.type));
      const paying = element.pay();
      await waitUntil(() => imp.requests.length === 1, 'request_pay called');
      let reads = 0;
      const response = {
        merchant_uid: imp.requests[0]!.merchant_uid,
        error_msg: 'declined',
        get error_code(): string {
          reads += 1;
          if (reads >= throwsOnRead) throw new Error('a getter that throws');
          return 'F400';
        },
      };
      await quietly(async () => {
        expect(() => imp.respond(response), 'nothing thrown back into the SDK').not.to.throw();
        const result = await Promise.race([paying, new Promise((resolve) => setTimeout(() => resolve('still busy'), 2000))]);
        expect(result, `throws on read ${throwsOnRead}`).to.have.property('status', 'fail');
      });
      expect(events, `throws on read ${throwsOnRead}`).to.deep.equal(['pay-fail']);
      await element.updateComplete;
      expect(button(element).getAttribute('aria-busy')).not.to.equal('true');
      element.remove();
    }
  });

  it('sends a request object a pay-request listener replaced', async () => {
    const imp = installImp();
    const element = await widget({});
    element.addEventListener('pay-request', (event: PayRequestEvent) => {
      event.detail.request = { ...event.detail.request, merchant_uid: 'from-listener', amount: 777 };
    });
    const result = await element.pay();
    expect(imp.requests[0]).to.include({ merchant_uid: 'from-listener', amount: 777 });
    expect(result.status === 'success' && result.detail).to.include({ merchantUid: 'from-listener', amount: 777 });
  });

  it('starts loading the SDK once a visible widget gets a sound configuration', async () => {
    await quietly(async () => {
      const element = await widget({ amount: null });
      await aTimeout(100);
      expect(document.querySelectorAll('script[src*="imp-double"]')).to.have.length(0);
      element.amount = 1000;
      await waitUntil(() => document.querySelectorAll('script[src*="imp-double"]').length === 1, 'SDK tag after the fix');
      await waitUntil(() => window.IMP !== undefined, 'the SDK loaded');
    });
  });
});
