import { expect, fixture, html } from '@open-wc/testing';
import { installImp } from '../helpers/imp-double.js';
import { button, focused, input, nextEvent, resetPage, shadow, text, waitUntil } from '../helpers/page.js';
import { BUYER, VALID, widget } from '../helpers/widget.js';

for (const lang of ['en', 'ko']) {
  describe(`accessibility (${lang})`, () => {
    beforeEach(resetPage);
    afterEach(resetPage);

    it('idle', async () => {
      const element = await widget({ lang, fields: 'tel addr postcode' }, false);
      await expect(element).to.be.accessible();
    });

    it('invalid, with errors shown', async () => {
      const element = await widget({ lang, fields: 'tel addr postcode' }, false);
      element.reportValidity();
      await element.updateComplete;
      await expect(element).to.be.accessible();
    });

    it('busy', async () => {
      const imp = installImp('never');
      const element = await widget({ lang });
      void element.pay();
      await waitUntil(() => imp.requests.length === 1);
      await element.updateComplete;
      expect(button(element).getAttribute('aria-busy')).to.equal('true');
      await expect(element).to.be.accessible();
    });

    it('failed, with the status message', async () => {
      installImp('success-false');
      const element = await widget({ lang });
      await element.pay();
      await element.updateComplete;
      await expect(element).to.be.accessible();
    });

    it('paid, in its success state', async () => {
      installImp('success');
      const element = await widget({ lang });
      await element.pay();
      await element.updateComplete;
      expect(button(element).disabled).to.equal(true);
      await expect(element).to.be.accessible();
    });

    it('misconfigured, with the config-error box', async () => {
      const original = console.error;
      console.error = () => {};
      try {
        const element = await widget({ lang, amount: '1,004' });
        await expect(element).to.be.accessible();
      } finally {
        console.error = original;
      }
    });
  });
}

describe('accessibility: where focus and language go', () => {
  beforeEach(resetPage);
  afterEach(resetPage);

  it('after a success by keyboard, focus is on the line that says it is paid, not back at the top of the page', async () => {
    installImp('success');
    const element = await widget({});
    button(element).focus();
    const success = nextEvent(element, 'pay-success');
    button(element).click();
    await success;
    // The focus moves once the paid state has rendered (WebKit lets go of the disabled button a
    // little later than the others).
    await waitUntil(() => focused(element) === 'div[part="status"]', `focus on the status line, not on ${focused(element)}`);
    const status = shadow(element).querySelector('[part="status"]');
    expect(button(element).disabled).to.equal(true);
    expect(document.activeElement === element, 'focus inside the widget').to.equal(true);
    expect(text(status)).to.equal('Payment complete. Thank you!');
  });

  it('after a success clicked in the widget, focus the buyer moved elsewhere meanwhile stays there: on the page or in its slot', async () => {
    for (const where of ['page', 'slot'] as const) {
      const imp = installImp('never');
      const element = await widget({});
      const elsewhere = document.createElement('input');
      if (where === 'page') document.body.append(elsewhere);
      else element.append(elsewhere);
      try {
        // The attempt begins with focus on the pay button, as a keyboard user starts it.
        button(element).focus();
        const success = nextEvent(element, 'pay-success');
        button(element).click();
        await waitUntil(() => imp.requests.length === 1, 'request_pay called');
        elsewhere.focus();
        imp.respond({ imp_uid: 'imp_1', success: true, merchant_uid: imp.requests[0]!.merchant_uid });
        await success;
        await element.updateComplete;
        await new Promise((resolve) => setTimeout(resolve, 50));
        // Compared as a boolean: a failing equality of two elements stalls the runner.
        expect(document.activeElement === elsewhere, `focus still ${where === 'page' ? 'on the page' : 'in the slot'}`).to.equal(true);
      } finally {
        elsewhere.remove();
        await resetPage();
      }
    }
  });

  it('after a success started elsewhere (pay() from the page), focus stays where the page put it', async () => {
    installImp('success');
    const outside = document.createElement('button');
    document.body.append(outside);
    try {
      const element = await widget({});
      outside.focus();
      await element.pay();
      await element.updateComplete;
      expect(document.activeElement === outside, 'focus still on the page’s button').to.equal(true);
      expect(focused(element)).to.equal('nothing');
    } finally {
      outside.remove();
    }
  });

  it('marks its text with the language it is in, not the page’s it fell back from', async () => {
    const holder = await fixture<HTMLDivElement>(html`<div lang="de"><paymentwall-pay></paymentwall-pay></div>`);
    const element = holder.querySelector('paymentwall-pay')!;
    for (const [name, value] of Object.entries({ ...VALID, ...BUYER, lang: null })) {
      if (value !== null) element.setAttribute(name, value);
    }
    element.removeAttribute('lang');
    await element.updateComplete;
    // German is not one of its languages: it shows English, and says so, so a screen reader does not read it with a German voice.
    expect(text(button(element))).to.equal('Pay ₩1,004');
    // The language each part is read in: its own lang, or the nearest one around it.
    const spoken = (node: Element) => ['de', 'en', 'ko'].filter((lang) => node.matches(`:lang(${lang})`));
    expect(spoken(shadow(element).querySelector('form')!)).to.deep.equal(['en']);
    holder.lang = 'ko';
    await waitUntil(() => text(button(element)) === '₩1,004 결제하기', 'the page’s new language followed');
    expect(spoken(shadow(element).querySelector('form')!)).to.deep.equal(['ko']);
    // The configuration box, outside the form, too.
    const quiet = console.error;
    console.error = () => {};
    try {
      element.setAttribute('amount', '1,004');
      await element.updateComplete;
      expect(spoken(shadow(element).querySelector('[part="config-error"]')!)).to.deep.equal(['ko']);
    } finally {
      console.error = quiet;
    }
  });

  it('writes its English and Korean left to right on a right-to-left page, and leaves the page’s own content in the slot as it is', async () => {
    const holder = await fixture<HTMLDivElement>(html`<div dir="rtl" lang="ar"><paymentwall-pay><p>قميص</p></paymentwall-pay></div>`);
    const element = holder.querySelector('paymentwall-pay')!;
    const quiet = console.error;
    console.error = () => {};
    try {
      for (const [name, value] of Object.entries({ ...VALID, amount: '1,004' })) element.setAttribute(name, value);
      await element.updateComplete;
      const direction = (node: Element) => getComputedStyle(node).direction;
      // The configuration box and the form: "Enter your name." would read ".Enter your name" right to left.
      expect(direction(shadow(element).querySelector('[part="config-error"]')!)).to.equal('ltr');
      expect(direction(shadow(element).querySelector('form')!)).to.equal('ltr');
      expect(direction(shadow(element).querySelector('[part="status"]')!)).to.equal('ltr');
      expect(direction(element.querySelector('p')!)).to.equal('rtl');
      // What the buyer types is in the buyer's script and language, not the form's: a Hebrew
      // name or address runs right to left, an e-mail address left to right.
      element.setAttribute('fields', 'addr');
      element.setAttribute('buyer-name', 'דוד כהן');
      element.setAttribute('buyer-addr', 'רחוב הרצל 12, תל אביב.');
      element.setAttribute('buyer-email', 'david@example.com');
      await element.updateComplete;
      expect([input(element, 'name').matches(':dir(rtl)'), input(element, 'addr').matches(':dir(rtl)'), input(element, 'email').matches(':dir(ltr)')]).to.deep.equal([true, true, true]);
      expect([input(element, 'name').lang, input(element, 'addr').lang]).to.deep.equal(['', '']);
      element.setAttribute('buyer-name', 'David Cohen');
      await element.updateComplete;
      expect(input(element, 'name').matches(':dir(ltr)')).to.equal(true);
      element.setAttribute('lang', 'ko');
      await element.updateComplete;
      expect(direction(shadow(element).querySelector('form')!)).to.equal('ltr');
    } finally {
      console.error = quiet;
    }
  });
});
