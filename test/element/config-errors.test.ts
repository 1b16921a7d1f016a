import { expect } from '@open-wc/testing';
import { installImp } from '../helpers/imp-double.js';
import { button, input, recordEvents, resetPage, shadow, text } from '../helpers/page.js';
import { fill, widget } from '../helpers/widget.js';

/** Runs `body` with console.error recorded. */
async function withErrors(body: (errors: unknown[][]) => Promise<void>) {
  const errors: unknown[][] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => errors.push(args);
  try {
    await body(errors);
  } finally {
    console.error = original;
  }
}

const INVALID: Array<[Record<string, string | null>, string, RegExp]> = [
  [{ 'imp-code': null }, 'imp-code', /imp-code is required/],
  [{ 'imp-code': 'abc' }, 'imp-code', /"imp" followed by digits/],
  [{ 'channel-key': null }, 'channel-key', /channel-key or project-key is required/],
  [{ amount: null }, 'amount', /amount is required/],
  [{ amount: '1,004' }, 'amount', /digits only/],
  [{ amount: '10.5' }, 'amount', /digits only/],
  [{ amount: '-1' }, 'amount', /digits only/],
  [{ amount: '1e3' }, 'amount', /digits only/],
  [{ amount: '0' }, 'amount', /digits only/],
  [{ amount: ' ' }, 'amount', /digits only/],
  [{ amount: '99999999999999999999' }, 'amount', /amount can be at most 9007199254740991\./],
  [{ currency: null }, 'currency', /currency is required/],
  [{ currency: 'XY1' }, 'currency', /three-letter ISO 4217/],
  [{ currency: 'XYZ' }, 'currency', /currency is not a currency this browser knows/],
  [{ 'order-name': null }, 'order-name', /order-name is required/],
  [{ 'order-name': 'x'.repeat(41) }, 'order-name', /at most 40 characters/],
  [{ 'merchant-uid': 'm'.repeat(41) }, 'merchant-uid', /at most 40 characters/],
  [{ 'customer-uid': 'c'.repeat(81) }, 'customer-uid', /at most 80 characters/],
  // What React 19 or Vue writes for testMode, tierCode or customData bound before the widget is defined.
  [{ testmode: '' }, 'testmode', /test-mode was set before the widget was defined, as an attribute in lower case/],
  [{ tiercode: 'T1' }, 'tiercode', /tier-code was set before the widget was defined/],
  [{ customdata: '[object Object]' }, 'customdata', /customData was set before the widget was defined/],
  [{ bypass: '[object Object]' }, 'bypass', /bypass was set before the widget was defined/],
  // What a template leaves where it had no value: an order or saved card every visitor would share.
  [{ 'merchant-uid': 'order_undefined' }, 'merchant-uid', /merchant-uid holds a placeholder the page left unfilled/],
  [{ 'merchant-uid': '{{ order.id }}' }, 'merchant-uid', /placeholder the page left unfilled/],
  [{ 'customer-uid': 'user-NaN' }, 'customer-uid', /customer-uid holds a placeholder/],
  [{ 'customer-uid': '[object Object]' }, 'customer-uid', /customer-uid holds a placeholder/],
  [{ 'country-code': 'Germany' }, 'country-code', /ISO 3166-1/],
  [{ fields: 'phone' }, 'fields', /tel, addr and postcode/],
  [{ 'redirect-url': 'javascript:alert(1)' }, 'redirect-url', /http or https/],
  [{ 'notice-url': 'ftp://shop.example/hook' }, 'notice-url', /http or https/],
  [{ 'logo-url': 'data:image/png;base64,AAAA' }, 'logo-url', /http or https/],
  [{ 'sdk-src': 'javascript:alert(1)' }, 'sdk-src', /http or https/],
  [{ 'sdk-timeout': 'soon' }, 'sdk-timeout', /milliseconds from 100 to 300000/],
  // Above 2³¹−1 ms browsers fire a timer at once: every load would fail.
  [{ 'sdk-timeout': '3000000000' }, 'sdk-timeout', /milliseconds from 100 to 300000/],
  [{ 'sdk-timeout': '50' }, 'sdk-timeout', /milliseconds from 100 to 300000/],
  // Browsers skip a hash they do not support: with only such a one the script is not checked at all.
  [{ 'sdk-integrity': 'sha1-2jmj7l5rSw0yVb/vlWAYkK/YBwk=' }, 'sdk-integrity', /sha256-, sha384- or sha512- hashes/],
  [{ 'sdk-integrity': 'sha384_oqVuAfXRKap7fdgcCY5uykM6+R9GqQ8K/uxy9rx7HNQlGYl1kPzQho1wx4JwY8wC' }, 'sdk-integrity', /sha256-, sha384- or sha512- hashes/],
  [{ 'sdk-integrity': 'sha384-abc md5-def' }, 'sdk-integrity', /sha256-, sha384- or sha512- hashes/],
  // From attributes alone the SDK comes only from PortOne's CDN; see edge-cases for the opt-in.
  [{ 'sdk-src': 'https://evil.example/iamport.js' }, 'sdk-src', /allowSdkOrigin/],
  // What Vue's :custom-data="{…}" and an HTML author's JSON write: nothing reads it, so the data would be lost.
  [{ 'custom-data': '[object Object]' }, 'custom-data', /The custom-data attribute is not read: set the customData property from JavaScript/],
  [{ 'custom-data': '{"cartId":42}' }, 'custom-data', /customData property/],
];

describe('a broken configuration', () => {
  beforeEach(resetPage);
  afterEach(resetPage);

  for (const [attributes, attribute, message] of INVALID) {
    it(`${attribute}=${JSON.stringify(Object.values(attributes)[0])} is named in the box and sends nothing`, async () => {
      await withErrors(async (errors) => {
        const element = await widget(attributes);
        const box = shadow(element).querySelector('[part="config-error"]');
        expect(box, 'config-error box').to.exist;
        expect(text(box)).to.match(message);
        expect(button(element).disabled).to.equal(true);
        expect(errors).to.have.length(1);
        const events = recordEvents(element, 'pay-request', 'pay-fail', 'pay-success');
        const result = await element.pay();
        expect(result.status).to.equal('fail');
        expect(events.map((event) => event.type)).to.deep.equal(['pay-fail']);
        expect(events[0]!.detail).to.include({ code: 'invalid-config', via: 'local' });
        // Nothing loaded, so nothing could have been sent.
        expect(window.IMP).to.equal(undefined);
        expect(Array.from(document.scripts).filter((script) => script.src.includes('imp-double'))).to.have.length(0);
      });
    });
  }

  it('takes no lower-case attribute for lost once its property holds a value (server-rendered Vue sets them as it hydrates)', async () => {
    installImp('success');
    // As Nuxt's HTML arrives: testMode="true" and tierCode="T1" written as attributes, then the properties set.
    const element = await widget({ testmode: 'true', tiercode: 'T1' });
    element.testMode = true;
    element.tierCode = 'T1';
    await element.updateComplete;
    expect(text(shadow(element).querySelector('[part="config-error"]'))).to.equal('');
    expect((await element.pay()).status).to.equal('success');
    // testMode="false" left by the server, and the property off: nothing lost either.
    const off = await widget({ testmode: 'false' });
    expect(text(shadow(off).querySelector('[part="config-error"]'))).to.equal('');
    // The app then turns test mode off: the server's testmode="true" stays behind, and is still no lost binding.
    element.testMode = false;
    await element.updateComplete;
    expect(text(shadow(element).querySelector('[part="config-error"]'))).to.equal('');
  });

  it('lists every bad attribute, translated, and logs one console.error however often it renders', async () => {
    await withErrors(async (errors) => {
      const element = await widget({ lang: 'ko', amount: '1,004', currency: 'XYZ', 'order-name': null });
      const items = Array.from(shadow(element).querySelectorAll('[part="config-error"] li'), text);
      expect(items).to.deep.equal([
        'amount 값은 1004처럼 숫자로만 쓴 0보다 큰 정수여야 합니다.',
        'currency 값은 이 브라우저가 인식하지 못하는 통화입니다. KRW, USD 같은 ISO 4217 코드를 쓰세요.',
        'order-name 값이 필요합니다.',
      ]);
      element.requestUpdate();
      await element.updateComplete;
      element.setAttribute('fields', 'tel addr');
      await element.updateComplete;
      expect(errors).to.have.length(1);
      expect(String(errors[0]![0])).to.contain('amount').and.contain('currency').and.contain('order-name');
    });
  });

  it('names the widget in its console line by its place, never by passing it with its prefilled buyer data', async () => {
    await withErrors(async (errors) => {
      const element = await widget({ id: 'checkout', amount: 'lots', 'buyer-email': 'jack.private@example.com', 'buyer-name': 'Jack Private' });
      await element.updateComplete;
      expect(errors).to.have.length(1);
      const args = errors[0]!;
      expect(args.some((arg) => arg instanceof Node), 'no element among the arguments').to.equal(false);
      const line = args.map(String).join(' ');
      expect(line).to.contain('paymentwall-pay#checkout');
      expect(line).not.to.contain('jack.private').and.not.to.contain('Private');
    });
  });

  it('never throws from a setter, and mends itself when the attribute is fixed', async () => {
    await withErrors(async () => {
      const element = await widget({});
      expect(() => {
        element.setAttribute('amount', 'lots');
        (element as unknown as { amount: unknown }).amount = 'more';
        (element as unknown as { customData: unknown }).customData = 'not an object';
      }).not.to.throw();
      await element.updateComplete;
      expect(shadow(element).querySelector('[part="config-error"]')).to.exist;
      element.amount = 500;
      element.customData = { ok: true };
      await element.updateComplete;
      expect(shadow(element).querySelector('[part="config-error"]')).to.equal(null);
      expect(button(element).disabled).to.equal(false);
    });
  });

  it('takes back its "not set up correctly" line once the configuration is fixed', async () => {
    await withErrors(async () => {
      const element = await widget({ amount: null });
      const failed = await element.pay();
      expect(failed.status === 'fail' && failed.detail.code).to.equal('invalid-config');
      const status = () => text(shadow(element).querySelector('[part="status"]'));
      expect(status()).to.equal('Payment is unavailable because this form is not set up correctly. Please contact the seller.');
      element.setAttribute('amount', '1004');
      await element.updateComplete;
      expect(button(element).disabled).to.equal(false);
      expect(status()).to.equal('');
    });
  });

  it('takes a number bound to a text property as its text, and names anything else in the box, never throwing', async () => {
    await withErrors(async () => {
      const imp = installImp('success');
      type Loose = Record<string, unknown>;
      const element = await widget({ fields: 'tel postcode' });
      Object.assign(element as unknown as Loose, { buyerPostcode: 4524, buyerTel: 1012345678, merchantUid: 12345 });
      await element.updateComplete;
      expect(input(element, 'postcode').value).to.equal('4524');
      const result = await element.pay();
      expect(result.status, JSON.stringify(result)).to.equal('success');
      expect(imp.requests[0]).to.include({ buyer_postcode: '4524', buyer_tel: '1012345678', merchant_uid: '12345' });

      // A list, a number where a currency goes, a store id bound as a number: each named, nothing thrown or sent.
      for (const [property, value, attribute] of [
        ['fields', ['tel'], 'fields'],
        ['currency', 840, 'currency'],
        ['sdkSrc', { href: '/x.js' }, 'sdk-src'],
        // An object that cannot even be turned into text.
        ['amount', Object.create(null) as object, 'amount'],
      ] as const) {
        const broken = await widget({});
        expect(() => Object.assign(broken as unknown as Loose, { [property]: value })).not.to.throw();
        await broken.updateComplete;
        const items = Array.from(shadow(broken).querySelectorAll('[part="config-error"] li'), text);
        expect(items.join(' '), property).to.contain(attribute);
        const failed = await broken.pay();
        expect(failed.status === 'fail' && failed.detail.code, property).to.equal('invalid-config');
      }
      // lang bound to a number or an object: no language of its own, so the page's.
      for (const lang of [5, { code: 'ko' }]) {
        const element = await widget({});
        (element as unknown as Loose).lang = lang;
        await element.updateComplete;
        expect(text(button(element))).to.equal('Pay ₩1,004');
      }
      const v2 = await widget({ 'imp-code': null });
      (v2 as unknown as Loose).storeId = 1;
      await v2.updateComplete;
      expect(text(shadow(v2).querySelector('[part="config-error"]'))).to.contain('store-id');
      const refused = await v2.pay();
      expect(refused.status === 'fail' && refused.detail.code).to.equal('invalid-config');
      expect(imp.requests).to.have.length(1);
    });
  });

  for (const [kind, value] of [
    ['a Map', new Map([['cart', 'c-1']])],
    ['a Date', new Date(0)],
    ['a class instance', new (class Cart { id = 'c-1'; })()],
  ] as const) {
    it(`refuses ${kind} as customData or bypass instead of sending it as {}`, async () => {
      await withErrors(async () => {
        const imp = installImp();
        const element = await widget({});
        element.customData = value as unknown as Record<string, unknown>;
        element.bypass = value as unknown as Record<string, unknown>;
        await element.updateComplete;
        const items = Array.from(shadow(element).querySelectorAll('[part="config-error"] li'), text);
        expect(items).to.deep.equal(['customData must be a plain JSON object.', 'bypass must be a plain JSON object.']);
        const result = await element.pay();
        expect(result.status === 'fail' && result.detail.code).to.equal('invalid-config');
        expect(imp.requests).to.have.length(0);
      });
    });
  }

  it('takes a custom-data attribute as no mistake when the customData property is set too (a script copied it there)', async () => {
    const imp = installImp('success');
    const placed = await widget({ 'custom-data': '{"cartId":42}' });
    placed.customData = { cartId: 42 };
    await placed.updateComplete;
    expect(shadow(placed).querySelector('[part="config-error"]')).to.equal(null);
    expect((await placed.pay()).status).to.equal('success');
    expect(imp.requests[0]!.custom_data).to.deep.equal({ cartId: 42 });
  });

  it('accepts a page that initialised IMP itself, without imp-code', async () => {
    const imp = installImp();
    const element = await widget({ 'imp-code': null });
    expect(shadow(element).querySelector('[part="config-error"]')).to.equal(null);
    const result = await element.pay();
    expect(result.status).to.equal('success');
    expect(imp.inits).to.deep.equal([]);
  });

  it('lets the page bring window.IMP after the first render: the next update reads the configuration again', async () => {
    const element = await widget({ 'imp-code': null });
    expect(shadow(element).querySelector('[part="config-error"]')).to.exist;
    expect(button(element).disabled).to.equal(true);
    installImp();
    // The buyer's first keystroke re-renders; a broken configuration is read on every update.
    await fill(element, 'name', 'Jack Sons');
    expect(shadow(element).querySelector('[part="config-error"]')).to.equal(null);
    expect(button(element).disabled).to.equal(false);
  });

  it('reads the configuration again on a bare requestUpdate()', async () => {
    const element = await widget({ 'imp-code': null });
    installImp();
    element.requestUpdate();
    await element.updateComplete;
    expect(button(element).disabled).to.equal(false);
  });
});

