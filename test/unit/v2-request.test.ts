import { expect } from '@open-wc/testing';
import type { Buyer } from '../../src/buyer.js';
import { readV2Config, type V2Config } from '../../src/protocols/v2/config.js';
import { buildV2Request, formatMinorUnits, minorUnitDigits, v2Attempt, v2ReturnUrl } from '../../src/protocols/v2/request.js';
import { v2 } from '../../src/protocols/v2/protocol.js';
import { formatAmount } from '../../src/format.js';

const base: V2Config = {
  storeId: 'store-1',
  channelKey: 'channel-key-1',
  paymentId: 'order-1',
  customerId: 'customer-1234',
  amount: 150,
  currency: 'USD',
  orderName: 'E-book',
  fields: ['tel'],
  sdkSrc: 'https://cdn.portone.io/v2/browser-sdk.js',
  sdkTimeout: 15000,
};
const buyer: Buyer = { name: 'Jack Son', email: 'test@portone.io' };
const context = { lang: 'en' as const, pageUrl: 'https://shop.example/pay?item=7#top' };

describe('the PortOne.requestPayment object', () => {
  it('carries the minimal fields, no payMethod, no bypass', () => {
    expect(buildV2Request(base, buyer, context)).to.deep.equal({
      storeId: 'store-1',
      channelKey: 'channel-key-1',
      paymentId: 'order-1',
      orderName: 'E-book',
      totalAmount: 150,
      currency: 'USD',
      customer: { customerId: 'customer-1234', email: 'test@portone.io', fullName: 'Jack Son' },
      locale: 'EN_US',
      redirectUrl: 'https://shop.example/pay?item=7',
    });
  });

  it('sends no redirectUrl from a page without an http(s) address, which PortOne would refuse', () => {
    for (const pageUrl of ['about:srcdoc', 'about:blank', 'file:///home/me/shop.html', 'blob:https://shop.example/0b8e']) {
      expect(buildV2Request(base, buyer, { ...context, pageUrl }), pageUrl).not.to.have.property('redirectUrl');
    }
    expect(buildV2Request({ ...base, redirectUrl: 'https://shop.example/return' }, buyer, { ...context, pageUrl: 'about:srcdoc' }).redirectUrl).to.equal('https://shop.example/return');
  });

  it('sends every attribute and form field under PortOne’s V2 name', () => {
    const request = buildV2Request(
      {
        ...base,
        countryCode: 'DE',
        widgetCode: 't3_1',
        ps: 'test',
        redirectUrl: 'https://shop.example/return',
        noticeUrls: ['https://shop.example/hook', 'https://backup.example/hook'],
        customData: { orderId: 7 },
        bypass: { extra_key: 1, widget: 'overridden', ps: 'overridden' },
      },
      { ...buyer, tel: '010-1234-5678', addr: 'Seoul, Jung-gu 1', postcode: '04524' },
      { ...context, lang: 'ko' },
    );
    expect(request).to.deep.equal({
      storeId: 'store-1',
      channelKey: 'channel-key-1',
      paymentId: 'order-1',
      orderName: 'E-book',
      totalAmount: 150,
      currency: 'USD',
      customer: {
        customerId: 'customer-1234',
        email: 'test@portone.io',
        fullName: 'Jack Son',
        phoneNumber: '010-1234-5678',
        address: { addressLine1: 'Seoul, Jung-gu 1', addressLine2: '' },
        zipcode: '04524',
      },
      locale: 'KO_KR',
      redirectUrl: 'https://shop.example/return',
      noticeUrls: ['https://shop.example/hook', 'https://backup.example/hook'],
      customData: { orderId: 7 },
      bypass: { paymentwall: { extra_key: 1, widget: 't3_1', ps: 'test', country_code: 'DE' } },
    });
    expect(request).not.to.have.property('payMethod');
  });

  it('puts only the keys that are set under bypass.paymentwall', () => {
    expect(buildV2Request({ ...base, countryCode: 'KR' }, buyer, context).bypass).to.deep.equal({ paymentwall: { country_code: 'KR' } });
    expect(buildV2Request({ ...base, bypass: {} }, buyer, context)).not.to.have.property('bypass');
  });

  it('in bypass, keys written inside { paymentwall } win over the same keys written at the top', () => {
    const bypass = { ps: 'outer', paymentwall: { ps: 'inner' } };
    expect(buildV2Request({ ...base, bypass }, buyer, context).bypass).to.deep.equal({ paymentwall: { ps: 'inner' } });
  });

  it('copies what a pay-request listener could change, so the configuration stays as it was', () => {
    const config = { ...base, noticeUrls: ['https://shop.example/hook'], customData: { a: 1, cart: { items: ['sku-1'] } }, bypass: { b: 2, c: { d: 4 } } };
    const request = buildV2Request(config, buyer, context);
    request.noticeUrls!.push('https://evil.example');
    request.customData!.a = 2;
    (request.customData!.cart as { items: string[] }).items.push('upsell');
    request.bypass!.paymentwall.b = 3;
    (request.bypass!.paymentwall.c as { d: number }).d = 5;
    expect(config).to.deep.equal({
      ...base,
      noticeUrls: ['https://shop.example/hook'],
      customData: { a: 1, cart: { items: ['sku-1'] } },
      bypass: { b: 2, c: { d: 4 } },
    });
  });

  it('reads a bypass written as PortOne’s V2 docs write it, { paymentwall: { … } }, as the same keys; the element’s own still win', () => {
    const request = buildV2Request({ ...base, ps: 'cc', bypass: { paymentwall: { ps: 'all', country_code: 'DE' }, extra_key: 1 } }, buyer, context);
    expect(request.bypass).to.deep.equal({ paymentwall: { extra_key: 1, ps: 'cc', country_code: 'DE' } });
  });

  it('makes a fresh paymentId for every attempt without payment-id: ASCII letters, digits, -, at most 40', () => {
    const { paymentId: _, ...withoutId } = base;
    const ids = Array.from({ length: 20 }, () => buildV2Request(withoutId, buyer, context).paymentId);
    expect(new Set(ids).size).to.equal(20);
    for (const id of ids) expect(id).to.match(/^[A-Za-z0-9-]{1,40}$/);
  });

  it('maps the UI language to KO_KR or EN_US', () => {
    expect(buildV2Request(base, buyer, { ...context, lang: 'ko' }).locale).to.equal('KO_KR');
    expect(buildV2Request(base, buyer, { ...context, lang: 'en' }).locale).to.equal('EN_US');
  });

  it('builds from attributes as read: amount in minor units, currency upper-cased, trimmed ids', () => {
    const read = readV2Config(
      { storeId: ' store-9 ', channelKey: 'ck', customerId: ' u-1 ', paymentId: 'p-1', amount: '1004', currency: 'krw', orderName: '티셔츠', widgetCode: 'pw_1' },
      { baseUrl: 'https://shop.example/' },
    );
    if (!read.ok) throw new Error(JSON.stringify(read.problems));
    const request = buildV2Request(read.config, buyer, { lang: 'ko', pageUrl: 'https://shop.example/' });
    expect(request).to.include({ storeId: 'store-9', paymentId: 'p-1', totalAmount: 1004, currency: 'KRW', orderName: '티셔츠' });
    expect(request.customer.customerId).to.equal('u-1');
    expect(request.bypass).to.deep.equal({ paymentwall: { widget: 'pw_1' } });
  });
});

describe('the V2 return URL', () => {
  it('is this page without fragment and without parameters named like PortOne’s result', () => {
    expect(v2ReturnUrl('https://shop.example/p?item=7&paymentId=old&code=X&message=m&txId=t#/route')).to.equal('https://shop.example/p?item=7');
    expect(v2ReturnUrl('https://shop.example/p')).to.equal('https://shop.example/p');
  });

  it('is without a V1 return left unread, whole, so it keeps its failure', () => {
    // A V1 failure (the 1.3.0 SDK's code and message, older ones' error_code, imp_success and
    // success) that no widget read: cutting only V2's names would leave imp_uid and merchant_uid,
    // a V1 success, on the address PortOne sends the phone back to.
    expect(
      v2ReturnUrl('https://shop.example/p?item=7&imp_uid=imp_1&merchant_uid=pw-1&code=F&message=m&error_code=F&error_msg=m&imp_success=false&success=false'),
    ).to.equal('https://shop.example/p?item=7');
    // The page's own names that are V1's, with no V1 return among them, stay.
    expect(v2ReturnUrl('https://shop.example/p?success=1&merchant_uid=INV-7')).to.equal('https://shop.example/p?success=1&merchant_uid=INV-7');
  });

  it('cleans PortOne’s result from the address bar, keeping the page’s own parameters and hash', () => {
    expect(
      v2.withoutResult('https://shop.example/p?item=7&paymentId=a&transactionType=PAYMENT&pgCode=1&pgMessage=2#top'),
    ).to.equal('https://shop.example/p?item=7#top');
  });
});

describe('the button amount from minor units', () => {
  it('divides by the currency’s ISO 4217 minor unit', () => {
    expect(formatMinorUnits(150, 'USD', 'en')).to.equal('$1.50');
    expect(formatMinorUnits(1004, 'KRW', 'en')).to.equal('₩1,004');
    expect(formatMinorUnits(1004, 'KRW', 'ko')).to.equal('₩1,004');
    expect(formatMinorUnits(600, 'USD', 'ko')).to.contain('6.00');
    expect(formatMinorUnits(500, 'JPY', 'en')).to.equal('¥500');
    expect(formatMinorUnits(123456789, 'EUR', 'en')).to.equal('€1,234,567.89');
    expect(formatMinorUnits(1, 'USD', 'en')).to.equal('$0.01');
    // The largest amount the widget takes, to the cent, as totalAmount sends it.
    expect(formatMinorUnits(9007199254740991, 'USD', 'en')).to.equal('$90,071,992,547,409.91');
    expect(formatMinorUnits(9007199254740991, 'KWD', 'en')).to.match(/9,007,199,254,740\.991$/);
    expect(formatMinorUnits(9007199254740991, 'KRW', 'en')).to.equal('₩9,007,199,254,740,991');
  });

  it('trusts ISO 4217, not the browser’s CLDR digits, where they differ', () => {
    expect(formatMinorUnits(1500, 'KWD', 'en')).to.match(/1\.500$/);
    expect(formatMinorUnits(150000, 'IDR', 'en')).to.match(/1,500\.00$/);
    expect(formatMinorUnits(150000, 'HUF', 'en')).to.match(/1,500\.00$/);
    expect(formatMinorUnits(10000, 'CLF', 'en')).to.match(/1\.0000$/);
  });

  it('a V2 price keeps its minor-unit digits after a V1 price in the same currency and language was shown', () => {
    // One formatter per currency and language would round COP 1,500.50 to what Intl shows for COP.
    // (COP in Korean: no other test here formats it first.)
    const expected = new Intl.NumberFormat('ko', { style: 'currency', currency: 'COP', minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(1500.5);
    formatAmount(15000, 'COP', 'ko');
    expect(formatMinorUnits(150050, 'COP', 'ko')).to.equal(expected);
  });

  it('knows the exponents PortOne counts with', () => {
    const digits = Object.fromEntries(['KRW', 'jpy', 'VND', 'CLP', 'USD', 'EUR', 'IDR', 'KWD', 'BHD', 'TND', 'CLF', 'UYW', 'X', 'KR'].map((c) => [c, minorUnitDigits(c)]));
    expect(digits).to.deep.equal({ KRW: 0, jpy: 0, VND: 0, CLP: 0, USD: 2, EUR: 2, IDR: 2, KWD: 3, BHD: 3, TND: 3, CLF: 4, UYW: 4, X: 2, KR: 2 });
  });
});

describe('the attempt saved before paying', () => {
  it('describes the request actually sent, a pay-request listener’s changes included', () => {
    const request = buildV2Request(base, { ...buyer, tel: '010-1234-5678', addr: 'Seoul', postcode: '04524' }, context);
    expect(v2Attempt(request)).to.deep.equal({
      paymentId: 'order-1',
      amount: 150,
      currency: 'USD',
      customerId: 'customer-1234',
      buyer: { name: 'Jack Son', email: 'test@portone.io', tel: '010-1234-5678', addr: 'Seoul', postcode: '04524' },
    });
    request.customer.email = 'account@shop.example';
    request.customer.customerId = 'account-7';
    request.totalAmount = 300;
    expect(v2Attempt(request)).to.deep.include({ amount: 300, customerId: 'account-7' });
    expect(v2Attempt(request).buyer).to.deep.include({ email: 'account@shop.example' });
    expect(v2Attempt(buildV2Request(base, buyer, context)).buyer).to.deep.equal({ name: 'Jack Son', email: 'test@portone.io' });
  });
});
