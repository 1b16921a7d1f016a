import { expect } from '@open-wc/testing';
import { installImp, type ImpDouble } from '../helpers/imp-double.js';
import { resetPage } from '../helpers/page.js';
import { fill, widget } from '../helpers/widget.js';

/** What the element hands IMP.request_pay for these attributes. */
async function requestFor(attributes: Record<string, string | null>, setup?: (el: HTMLElement) => void) {
  const imp = installImp('success');
  const element = await widget(attributes);
  setup?.(element);
  await element.updateComplete;
  const result = await element.pay();
  expect(result.status, JSON.stringify(result)).to.equal('success');
  expect(imp.requests).to.have.length(1);
  return imp.requests[0]!;
}

describe('attributes become the request_pay object', () => {
  let imp: ImpDouble;
  beforeEach(async () => {
    await resetPage();
    imp = installImp();
  });
  afterEach(resetPage);

  it('sends the minimal configuration, with amount as a number and a generated merchant_uid', async () => {
    const request = await requestFor({});
    const { merchant_uid: merchantUid, m_redirect_url: redirect, ...rest } = request;
    expect(rest).to.deep.equal({
      channelKey: 'channel-key-test',
      name: 'Demo T-shirt',
      amount: 1004,
      currency: 'KRW',
      language: 'en',
      buyer_name: 'Jack Son',
      buyer_email: 'jack@example.com',
    });
    expect(merchantUid).to.be.a('string').with.length.within(1, 40);
    expect(redirect).to.equal(location.href);
  });

  it('calls IMP.init with imp-code, or IMP.agency with a tier-code', async () => {
    const element = await widget({});
    await element.pay();
    expect(imp.inits).to.deep.equal(['imp12345678']);
    await resetPage();
    const agent = installImp();
    const sub = await widget({ 'tier-code': '123' });
    await sub.pay();
    expect(agent.agencies).to.deep.equal([['imp12345678', '123']]);
    expect(agent.inits).to.deep.equal([]);
  });

  it('sends pg: paymentwall.{project-key} without channel-key', async () => {
    const request = await requestFor({ 'channel-key': null, 'project-key': 'pk_abc' });
    expect(request.pg).to.equal('paymentwall.pk_abc');
    expect(request).not.to.have.property('channelKey');
  });

  it('sends channelKey and not pg when both keys are set, and warns', async () => {
    const warnings: unknown[][] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      const request = await requestFor({ 'project-key': 'pk_abc' });
      expect(request.channelKey).to.equal('channel-key-test');
      expect(request).not.to.have.property('pg');
      expect(warnings.filter((w) => String(w[0]).includes('project-key'))).to.have.length(1);
    } finally {
      console.warn = original;
    }
  });

  it('upper-cases currency and country-code', async () => {
    const request = await requestFor({ currency: 'usd', amount: '20', 'country-code': 'de' });
    expect(request.currency).to.equal('USD');
    expect(request.amount).to.equal(20);
    expect(request.bypass).to.deep.equal({ country_code: 'DE' });
  });

  it('sends order-name as name and merchant-uid as merchant_uid', async () => {
    const request = await requestFor({ 'order-name': '주문명:결제테스트', 'merchant-uid': 'order_no_0001' });
    expect(request.name).to.equal('주문명:결제테스트');
    expect(request.merchant_uid).to.equal('order_no_0001');
  });

  it('trims order-name, merchant-uid and customer-uid before their length checks and before sending', async () => {
    const request = await requestFor({
      'order-name': `  ${'n'.repeat(40)}  `,
      'merchant-uid': ` ${'m'.repeat(40)}\n`,
      'customer-uid': `\t${'c'.repeat(80)} `,
    });
    expect(request.name).to.equal('n'.repeat(40));
    expect(request.merchant_uid).to.equal('m'.repeat(40));
    expect(request.customer_uid).to.equal('c'.repeat(80));
  });

  it('sends pay-method as pay_method', async () => {
    expect((await requestFor({ 'pay-method': 'card' })).pay_method).to.equal('card');
  });

  it('puts widget-code, ps, country-code and logo-url under bypass', async () => {
    const request = await requestFor({
      'widget-code': 't3_1',
      ps: 'kakaopaykr',
      'country-code': 'KR',
      'logo-url': 'https://shop.example/logo.png',
    });
    expect(request.bypass).to.deep.equal({
      widget_code: 't3_1',
      ps: 'kakaopaykr',
      country_code: 'KR',
      logo_url: 'https://shop.example/logo.png',
    });
  });

  it('sends use_test_method with test-mode', async () => {
    expect((await requestFor({ 'test-mode': '' })).use_test_method).to.equal(true);
    await resetPage();
    expect((await requestFor({ 'test-mode': 'true' })).use_test_method).to.equal(true);
    await resetPage();
    expect(await requestFor({})).not.to.have.property('use_test_method');
  });

  it('reads test-mode="false", which Vue and Svelte write for a bound false, as off', async () => {
    expect(await requestFor({ 'test-mode': 'false' })).not.to.have.property('use_test_method');
  });

  it('sends nothing on a testMode property that is no boolean: its reflected attribute and the request could disagree', async () => {
    for (const value of ['true', 'false', 1, '']) {
      await resetPage();
      const sdk = installImp('success');
      const element = await widget({});
      (element as unknown as { testMode: unknown }).testMode = value;
      await element.updateComplete;
      const result = await element.pay();
      expect(result.status === 'fail' && result.detail.problems, String(value)).to.deep.equal([{ attribute: 'test-mode', rule: 'boolean' }]);
      expect(sdk.requests, String(value)).to.have.length(0);
    }
  });

  it('sends redirect-url as m_redirect_url and notice-url as notice_url', async () => {
    const request = await requestFor({ 'redirect-url': 'https://shop.example/return', 'notice-url': 'https://shop.example/hook' });
    expect(request.m_redirect_url).to.equal('https://shop.example/return');
    expect(request.notice_url).to.equal('https://shop.example/hook');
  });

  it('defaults m_redirect_url to this page without a fragment or an earlier result', async () => {
    const before = location.href;
    const page = `${location.pathname}${location.search}`;
    try {
      history.replaceState(history.state, '', `${page}&merchant_uid=old&imp_uid=imp_old&error_code=F1#pricing`);
      expect((await requestFor({})).m_redirect_url).to.equal(new URL(page, location.href).href);
      await resetPage();
      // Without merchant_uid they are no result, but PortOne would append its own after them (and it
      // does not always send success): read on the way back, they would be taken for its answer.
      history.replaceState(history.state, '', `${page}&success=false&error_msg=Call%20us#pricing`);
      expect((await requestFor({})).m_redirect_url).to.equal(new URL(page, location.href).href);
      await resetPage();
      // The 1.3.0 SDK's failure names, likewise.
      history.replaceState(history.state, '', `${page}&code=F1&message=Call%20us`);
      expect((await requestFor({})).m_redirect_url).to.equal(new URL(page, location.href).href);
    } finally {
      history.replaceState(history.state, '', before);
    }
  });

  it('sends lang as language', async () => {
    expect((await requestFor({ lang: 'ko' })).language).to.equal('ko');
  });

  it('sends the customData property as custom_data and merges the bypass property under its own keys', async () => {
    const request = await requestFor({ 'widget-code': 't3_1' }, (element) => {
      Object.assign(element, { customData: { cartId: 42 }, bypass: { product_price_without_tax: 900, widget_code: 'pw_1' } });
    });
    expect(request.custom_data).to.deep.equal({ cartId: 42 });
    expect(request.bypass).to.deep.equal({ product_price_without_tax: 900, widget_code: 't3_1' });
  });

  it('sends the optional buyer fields shown by fields', async () => {
    const imp2 = installImp();
    const element = await widget({ fields: 'tel addr postcode' });
    await fill(element, 'tel', '010-1234-5678');
    await fill(element, 'addr', 'Seoul');
    await fill(element, 'postcode', '123-456');
    await element.pay();
    const request = imp2.requests[0]!;
    expect([request.buyer_tel, request.buyer_addr, request.buyer_postcode]).to.deep.equal(['010-1234-5678', 'Seoul', '123-456']);
  });

  it('makes every property follow its attribute, the last one set winning', async () => {
    const element = await widget({});
    element.setAttribute('order-name', 'From attribute');
    expect(element.orderName).to.equal('From attribute');
    element.orderName = 'From property';
    await element.updateComplete;
    expect(element.getAttribute('order-name')).to.equal('From property');
    element.setAttribute('amount', '2000');
    expect(element.amount).to.equal(2000);
    element.amount = 3000;
    element.setAttribute('test-mode', '');
    expect(element.testMode).to.equal(true);
    await element.updateComplete;
    await element.pay();
    expect(imp.requests.at(-1)).to.include({ name: 'From property', amount: 3000, use_test_method: true });
  });
});
