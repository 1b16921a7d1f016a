import { expect, fixture, html } from '@open-wc/testing';
import type { PaymentwallPay } from '../../src/index.js';
import { installImp } from '../helpers/imp-double.js';
import { button, input, resetPage, shadow, text } from '../helpers/page.js';
import { widget, windowOpen } from '../helpers/widget.js';

const labels = (element: HTMLElement) => Array.from(shadow(element).querySelectorAll('label'), text);

describe('Korean and English', () => {
  beforeEach(resetPage);
  afterEach(resetPage);

  it('speaks Korean with lang="ko"', async () => {
    const element = await widget({ lang: 'ko', fields: 'tel addr postcode' }, false);
    expect(labels(element)).to.deep.equal(['이름', '이메일', '전화번호 (선택)', '주소 (선택)', '우편번호 (선택)']);
    expect(text(button(element))).to.equal('₩1,004 결제하기');
    element.reportValidity();
    await element.updateComplete;
    expect(text(shadow(element).querySelector('[part="error"]'))).to.equal('이름을 입력해 주세요.');
  });

  it('speaks English with lang="en"', async () => {
    const element = await widget({ lang: 'en' });
    expect(labels(element)).to.deep.equal(['Name', 'Email', 'Phone (optional)']);
  });

  it('follows the nearest ancestor’s lang, and a change of it', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="ko">
      <paymentwall-pay imp-code="imp1" channel-key="k" amount="5000" currency="KRW" order-name="x"></paymentwall-pay>
    </div>`);
    const element = wrapper.querySelector('paymentwall-pay') as PaymentwallPay;
    await element.updateComplete;
    expect(labels(element)[0]).to.equal('이름');
    wrapper.lang = 'en';
    await new Promise((resolve) => setTimeout(resolve));
    await element.updateComplete;
    expect(labels(element)[0]).to.equal('Name');
  });

  it('follows a change of lang on an ancestor inside the shadow roots it sits in', async () => {
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    const outer = host.attachShadow({ mode: 'open' });
    outer.innerHTML = '<section lang="ko"><span></span></section>';
    const inner = outer.querySelector('span')!.attachShadow({ mode: 'open' });
    inner.innerHTML = '<paymentwall-pay imp-code="imp1" channel-key="k" amount="5000" currency="KRW" order-name="x"></paymentwall-pay>';
    const element = inner.querySelector('paymentwall-pay') as PaymentwallPay;
    await element.updateComplete;
    expect(labels(element)[0]).to.equal('이름');
    outer.querySelector('section')!.lang = 'en';
    await new Promise((resolve) => setTimeout(resolve));
    await element.updateComplete;
    expect(labels(element)[0]).to.equal('Name');
  });

  it('switches language live and keeps what was typed', async () => {
    const element = await widget({ lang: 'en' });
    input(element, 'name').value = 'Kim Minji';
    input(element, 'name').dispatchEvent(new Event('input'));
    element.lang = 'ko';
    await element.updateComplete;
    expect(labels(element)[0]).to.equal('이름');
    expect(input(element, 'name').value).to.equal('Kim Minji');
  });

  it('translates the failure message and the busy label', async () => {
    const imp = installImp('never');
    const element = await widget({ lang: 'ko' });
    void element.pay();
    await new Promise((resolve) => setTimeout(resolve, 30));
    await element.updateComplete;
    expect(text(button(element))).to.equal('결제 진행 중…');
    imp.respond({ error_code: 'F1', error_msg: 'x', merchant_uid: imp.requests[0]!.merchant_uid });
    await new Promise((resolve) => setTimeout(resolve, 10));
    await element.updateComplete;
    expect(text(shadow(element).querySelector('[part="status"]'))).to.equal('결제가 완료되지 않았습니다. 사유: x');
  });

  it('says the last result in the language it now speaks, also when it changed while the window was open', async () => {
    const status = (element: PaymentwallPay) => text(shadow(element).querySelector('[part="status"]'));
    const failed = await windowOpen({ lang: 'en' });
    failed.answer({ error_code: 'F1', error_msg: 'declined' });
    await failed.paying;
    await failed.element.updateComplete;
    expect(status(failed.element)).to.equal('The payment was not completed. Reason: declined');
    failed.element.lang = 'ko';
    await failed.element.updateComplete;
    expect(status(failed.element)).to.equal('결제가 완료되지 않았습니다. 사유: declined');

    const paid = await windowOpen({ lang: 'ko' });
    paid.element.lang = 'en';
    paid.answer({ imp_uid: 'imp_1', success: true });
    await paid.paying;
    await paid.element.updateComplete;
    expect(status(paid.element)).to.equal('Payment complete. Thank you!');
    expect(text(button(paid.element))).to.equal('Paid');
  });

  it('names the billing-key button in both languages', async () => {
    expect(text(button(await widget({ 'customer-uid': 'c1', lang: 'en' })))).to.equal('Pay ₩1,004 and save card');
    expect(text(button(await widget({ 'customer-uid': 'c1', lang: 'ko' })))).to.equal('₩1,004 결제하고 카드 등록');
  });

  it('with no lang anywhere on the page, speaks the first of the browser’s languages it has', async () => {
    const html = document.documentElement;
    const pageLang = html.getAttribute('lang');
    html.removeAttribute('lang');
    Object.defineProperty(navigator, 'languages', { configurable: true, get: () => ['ja-JP', 'ko-KR'] });
    try {
      const element = await widget({ lang: null });
      expect(text(shadow(element).querySelector('label[for="pw-name"]'))).to.equal('이름');
    } finally {
      delete (navigator as unknown as Record<string, unknown>).languages;
      if (pageLang !== null) html.setAttribute('lang', pageLang);
    }
  });
});
