import { expect } from '@open-wc/testing';
import { allowSdkOrigin } from '../../src/sdk-origin.js';
import { readV2Config, type RawV2Config, type V2ConfigProblem } from '../../src/protocols/v2/config.js';
import { V2_RESULT_PARAMS } from '../../src/redirect-return.js';
import { v2ConfigProblemText, v2Messages } from '../../src/protocols/v2/messages.js';

const env = { baseUrl: 'https://shop.example/checkout/page.html' };
const valid: RawV2Config = {
  storeId: 'store-4b2e9f10-0c7a-4e43-9d35-2f8a1c6b7d90',
  channelKey: 'channel-key-1',
  customerId: 'customer-1234',
  amount: 150,
  currency: 'usd',
  orderName: 'E-book',
};

function problems(raw: RawV2Config, environment = env): string[] {
  const result = readV2Config({ ...valid, ...raw }, environment);
  return result.ok ? [] : result.problems.map((p) => `${p.attribute}:${p.rule}`);
}

function read(raw: RawV2Config) {
  const result = readV2Config({ ...valid, ...raw }, env);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result;
}

describe('V2 configuration', () => {
  it('reads the minimal configuration, with V2 defaults', () => {
    expect(read({})).to.deep.equal({
      ok: true,
      warnings: [],
      config: {
        storeId: 'store-4b2e9f10-0c7a-4e43-9d35-2f8a1c6b7d90',
        channelKey: 'channel-key-1',
        customerId: 'customer-1234',
        amount: 150,
        currency: 'USD',
        orderName: 'E-book',
        fields: ['tel'],
        sdkSrc: 'https://cdn.portone.io/v2/browser-sdk.js',
        sdkTimeout: 15000,
      },
    });
  });

  it('reads every V2 attribute, trimmed, codes upper-cased', () => {
    const { config } = read({
      storeId: ' store-1 ',
      channelKey: ' channel-key-2 ',
      customerId: ' c-9 ',
      paymentId: ' order-42 ',
      amount: '1004',
      currency: ' krw ',
      orderName: ' T-shirt ',
      countryCode: 'kr',
      widgetCode: 't3_1',
      ps: ' kakaopaykr ',
      redirectUrl: '/done?step=2',
      noticeUrl: 'https://api.shop.example/hook  /hook2',
      fields: 'addr postcode',
      sdkSrc: 'https://cdn.portone.io/v2/browser-sdk.js?v=2',
      sdkIntegrity: ' sha384-abc ',
      sdkTimeout: 30000,
      customData: { orderId: 7 },
      bypass: { extra: 'x' },
    });
    expect(config).to.deep.equal({
      storeId: 'store-1',
      channelKey: 'channel-key-2',
      customerId: 'c-9',
      paymentId: 'order-42',
      amount: 1004,
      currency: 'KRW',
      orderName: 'T-shirt',
      countryCode: 'KR',
      widgetCode: 't3_1',
      ps: 'kakaopaykr',
      redirectUrl: 'https://shop.example/done?step=2',
      noticeUrls: ['https://api.shop.example/hook', 'https://shop.example/hook2'],
      fields: ['addr', 'postcode'],
      sdkSrc: 'https://cdn.portone.io/v2/browser-sdk.js?v=2',
      sdkIntegrity: 'sha384-abc',
      sdkTimeout: 30000,
      customData: { orderId: 7 },
      bypass: { extra: 'x' },
    });
  });

  it('needs store-id, channel-key, customer-id, amount, currency and order-name', () => {
    for (const blank of [undefined, '', '   ']) {
      expect(
        problems({ storeId: blank, channelKey: blank, customerId: blank, amount: blank, currency: blank, orderName: blank }),
        String(blank),
      ).to.deep.equal([
        'store-id:required',
        'channel-key:required',
        'customer-id:required',
        'amount:' + (blank === '   ' ? 'amount' : 'required'),
        'currency:required',
        'order-name:required',
      ]);
    }
  });

  it('refuses a customer-id or payment-id holding what a template leaves where it had no value', () => {
    for (const leftover of ['undefined', 'user_undefined', 'NaN', 'null', 'user-null', '[object Object]', '{{ user.id }}', '${userId}']) {
      expect(problems({ customerId: leftover }), leftover).to.deep.equal(['customer-id:placeholder']);
    }
    for (const leftover of ['order-undefined', 'NaN', 'order-NaN-1']) {
      expect(problems({ paymentId: leftover }), leftover).to.deep.equal(['payment-id:placeholder']);
    }
    // Its own pattern already refuses braces and spaces: one problem, not two.
    expect(problems({ paymentId: '{{id}}' })).to.deep.equal(['payment-id:payment-id']);
    for (const id of ['nullable', 'Undefined', 'nan-1', 'banana']) {
      expect(problems({ customerId: id, paymentId: id }), id).to.deep.equal([]);
    }
    // A buyer's e-mail as their id.
    expect(problems({ customerId: 'kim.null@example.com' })).to.deep.equal([]);
  });

  it('needs store-id as the console shows it, store- first', () => {
    expect(problems({ storeId: 'store-4b2e9f10-0c7a' })).to.deep.equal([]);
    for (const bad of ['imp12345678', 'channel-key-1', 'store-', 'store-a b', 'Store-1']) {
      expect(problems({ storeId: bad }), bad).to.deep.equal(['store-id:store-id']);
    }
  });

  it('takes payment-id of ASCII letters, digits and hyphens, at most 40', () => {
    expect(problems({ paymentId: 'A-z-0-9' })).to.deep.equal([]);
    expect(problems({ paymentId: 'p'.repeat(40) })).to.deep.equal([]);
    const result = readV2Config({ ...valid, paymentId: 'p'.repeat(41) }, env);
    expect(result.ok ? [] : result.problems).to.deep.equal([{ attribute: 'payment-id', rule: 'too-long', max: 40 }]);
    for (const bad of ['order_1', 'order 1', 'order/1', '주문1', 'ｏrder', 'order.1', 'a%20b']) {
      expect(problems({ paymentId: bad }), bad).to.deep.equal(['payment-id:payment-id']);
    }
    expect(read({ paymentId: '' }).config).not.to.have.property('paymentId');
  });

  it('takes amount in minor units as a positive safe integer, from plain digits only', () => {
    for (const bad of ['1,004', '10.5', '-1', '1e3', '0', 'abc', 10.5, -1, 0, NaN]) {
      expect(problems({ amount: bad }), String(bad)).to.deep.equal(['amount:amount']);
    }
    for (const large of ['9007199254740992', 2 ** 53]) {
      expect(problems({ amount: large }), String(large)).to.deep.equal(['amount:too-large']);
    }
    expect(read({ amount: '150' }).config.amount).to.equal(150);
  });

  it('needs a currency the browser knows', () => {
    expect(problems({ currency: 'XYZ' })).to.deep.equal(['currency:currency-unknown']);
    expect(problems({ currency: 'US' })).to.deep.equal(['currency:currency']);
    expect(problems({ currency: 'CURRENCY_USD' })).to.deep.equal(['currency:currency']);
  });

  it('limits order-name to 40 characters', () => {
    expect(problems({ orderName: '가'.repeat(40) })).to.deep.equal([]);
    const result = readV2Config({ ...valid, orderName: 'x'.repeat(41) }, env);
    expect(result.ok ? [] : result.problems).to.deep.equal([{ attribute: 'order-name', rule: 'too-long', max: 40 }]);
  });

  it('takes country-code as two letters and widget-code as pw_1 or t3_1 only', () => {
    expect(problems({ countryCode: 'DEU' })).to.deep.equal(['country-code:country-code']);
    expect(read({ widgetCode: 'pw_1' }).config.widgetCode).to.equal('pw_1');
    for (const bad of ['T3_1', 'p1_1', 'pw_2', 'widget', 'pw', 'p1']) {
      expect(problems({ widgetCode: bad }), bad).to.deep.equal(['widget-code:widget-code']);
    }
  });

  it('takes http(s) URLs only, and no redirect-url carrying PortOne’s result names', () => {
    expect(problems({ redirectUrl: 'javascript:alert(1)', noticeUrl: 'https://ok.example ftp://x' })).to.deep.equal([
      'redirect-url:url',
      'notice-url:url',
    ]);
    for (const name of ['paymentId', 'txId', 'transactionType', 'code', 'message', 'pgCode', 'pgMessage']) {
      expect(problems({ redirectUrl: `/done?${name}=1` }), name).to.deep.equal(['redirect-url:redirect-query']);
      // A return is read after a #route too, so the names are refused there as well.
      expect(problems({ redirectUrl: `/#/done?${name}=1` }), `${name} after a #route`).to.deep.equal(['redirect-url:redirect-query']);
    }
    expect(problems({ redirectUrl: '/done?codes=1&payment=2' })).to.deep.equal([]);
  });

  it('reads fields as V1 does', () => {
    expect(read({ fields: '' }).config.fields).to.deep.equal([]);
    expect(problems({ fields: 'tel phone' })).to.deep.equal(['fields:fields']);
  });

  it('loads the SDK from https://cdn.portone.io; other hosts, this site too, only once allowed from JavaScript', () => {
    expect(read({}).config.sdkSrc).to.equal('https://cdn.portone.io/v2/browser-sdk.js');
    expect(problems({ sdkSrc: '/sdk/portone.js' })).to.deep.equal(['sdk-src:sdk-origin']);
    expect(problems({ sdkSrc: 'https://cdn.iamport.kr/v1/iamport.js' })).to.deep.equal(['sdk-src:sdk-origin']);
    expect(problems({ sdkSrc: 'http://cdn.portone.io/v2/browser-sdk.js' })).to.deep.equal(['sdk-src:sdk-origin']);
    expect(problems({ sdkSrc: 'https://cdn.portone.io.evil.example/v2/browser-sdk.js' })).to.deep.equal(['sdk-src:sdk-origin']);
    expect(problems({ sdkSrc: 'https://mirror.v2kit-test.example/sdk.js' })).to.deep.equal(['sdk-src:sdk-origin']);
    expect(problems({ sdkSrc: 'data:text/javascript,alert(1)' })).to.deep.equal(['sdk-src:url']);
    allowSdkOrigin('https://mirror.v2kit-test.example');
    expect(problems({ sdkSrc: 'https://mirror.v2kit-test.example/sdk.js' })).to.deep.equal([]);
    allowSdkOrigin('https://shop.example');
    expect(read({ sdkSrc: '/sdk/portone.js' }).config.sdkSrc).to.equal('https://shop.example/sdk/portone.js');
  });

  it('refuses V1’s CDN even once a page allowed it for its V1 widgets: that script has no PortOne V2', () => {
    allowSdkOrigin('https://cdn.iamport.kr');
    expect(problems({ sdkSrc: 'https://cdn.iamport.kr/v1/iamport.js' })).to.deep.equal(['sdk-src:sdk-origin']);
  });

  it('takes sdk-timeout from 100 to 300000 milliseconds, as V1 does', () => {
    expect(read({ sdkTimeout: 300_000 }).config.sdkTimeout).to.equal(300_000);
    expect(read({ sdkTimeout: 100 }).config.sdkTimeout).to.equal(100);
    const result = readV2Config({ ...valid, sdkTimeout: 3_000_000_000 }, env);
    expect(result.ok ? [] : result.problems).to.deep.equal([{ attribute: 'sdk-timeout', rule: 'timeout-range', max: 300_000, min: 100 }]);
    expect(problems({ sdkTimeout: 0 })).to.deep.equal(['sdk-timeout:timeout-range']);
    expect(problems({ sdkTimeout: 99 })).to.deep.equal(['sdk-timeout:timeout-range']);
  });

  it('takes customData and bypass as plain objects only', () => {
    class Order {}
    for (const bad of [new Map(), new Date(0), new Order(), [1], 'x']) {
      expect(problems({ customData: bad, bypass: bad }), String(bad)).to.deep.equal(['customData:object', 'bypass:object']);
    }
    const bare = Object.assign(Object.create(null) as Record<string, unknown>, { a: 1 });
    expect(read({ customData: bare }).config.customData).to.equal(bare);
    expect(read({ customData: null }).config).not.to.have.property('customData');
  });

  it('names every problem at once', () => {
    expect(problems({ storeId: 'x', channelKey: '', amount: '1.5', widgetCode: 'x', tierCode: '1' })).to.deep.equal([
      'tier-code:v1-only',
      'store-id:store-id',
      'channel-key:required',
      'amount:amount',
      'widget-code:widget-code',
    ]);
  });
});

describe('V1-only attributes on a V2 widget', () => {
  it('refuses those whose loss would change who is paid, whether money moves, what is saved or how the buyer pays', () => {
    expect(problems({ tierCode: '123' })).to.deep.equal(['tier-code:v1-only']);
    expect(problems({ customerUid: 'c-1' })).to.deep.equal(['customer-uid:v1-only']);
    expect(problems({ testMode: true })).to.deep.equal(['test-mode:v1-only']);
    expect(problems({ testMode: false })).to.deep.equal([]);
    // Bound by a framework to something truthy that is not true (Vue's :test-mode="1"): still a test, refused.
    for (const testMode of [1, 'false', {}, 0]) expect(problems({ testMode } as never), String(testMode)).to.deep.equal(['test-mode:v1-only']);
    expect(problems({ testMode: '  ', tierCode: null, customerUid: undefined } as never)).to.deep.equal([]);
    expect(problems({ merchantUid: 42 } as never)).to.deep.equal(['merchant-uid:v1-only']);
    expect(problems({ payMethod: 'card' })).to.deep.equal(['pay-method:v1-only']);
    expect(problems({ merchantUid: 'order-1' })).to.deep.equal(['merchant-uid:v1-only']);
  });

  it('ignores imp-code, project-key and logo-url with one console warning each', () => {
    const { warnings, config } = read({ impCode: 'imp12345678', projectKey: 'pk', logoUrl: 'https://shop.example/l.png' });
    expect(warnings).to.have.length(3);
    expect(warnings[0]).to.match(/^paymentwall-pay: imp-code is ignored with store-id/);
    expect(warnings[1]).to.match(/^paymentwall-pay: project-key is ignored/);
    expect(warnings[2]).to.match(/^paymentwall-pay: logo-url is ignored/);
    expect(config).to.deep.equal(read({}).config);
    expect(read({ impCode: ' ' }).warnings).to.deep.equal([]);
  });

  it('drops nothing silently: every V1 attribute is used, refused or warned about', () => {
    const v1: RawV2Config = {
      impCode: 'imp1', tierCode: 't', channelKey: 'channel-key-x', projectKey: 'pk', amount: 7, currency: 'jpy',
      orderName: 'o', merchantUid: 'm', payMethod: 'card', countryCode: 'jp', widgetCode: 'pw_1', ps: 'all',
      testMode: true, customerUid: 'c', redirectUrl: '/r', noticeUrl: '/n', logoUrl: '/l', fields: 'addr',
      sdkSrc: '/s.js', sdkIntegrity: 'sha384-x', sdkTimeout: 9, customData: { a: 1 }, bypass: { b: 2 },
    };
    const base = read({});
    for (const [key, value] of Object.entries(v1)) {
      const result = readV2Config({ ...valid, [key]: value }, env);
      const used = result.ok && JSON.stringify(result.config) !== JSON.stringify(base.config);
      const refused = !result.ok && result.problems.length === 1;
      const warned = result.ok && result.warnings.length === 1;
      expect([used, refused, warned].filter(Boolean), key).to.have.length(1);
    }
  });
});

describe('V2 configuration texts', () => {
  const cases: V2ConfigProblem[] = [
    { attribute: 'store-id', rule: 'store-id' },
    { attribute: 'payment-id', rule: 'payment-id' },
    { attribute: 'widget-code', rule: 'widget-code' },
    { attribute: 'redirect-url', rule: 'redirect-query', names: V2_RESULT_PARAMS },
    { attribute: 'sdk-src', rule: 'sdk-origin' },
    { attribute: 'sdk-timeout', rule: 'timeout-range', max: 300_000, min: 100 },
    ...(['tier-code', 'customer-uid', 'test-mode', 'pay-method', 'merchant-uid'] as const).map((attribute) => ({ attribute, rule: 'v1-only' as const })),
  ];

  it('name the attribute in English and Korean, each text its own', () => {
    for (const lang of ['en', 'ko'] as const) {
      const texts = cases.map((problem) => v2ConfigProblemText(lang, problem));
      texts.forEach((text, index) => expect(text, `${lang} ${cases[index]!.rule}`).to.contain(cases[index]!.attribute));
      expect(new Set(texts).size, lang).to.equal(texts.length);
    }
    expect(v2ConfigProblemText('en', cases[3]!)).to.contain('paymentId, txId').and.not.contain('imp_uid');
    expect(v2ConfigProblemText('en', cases[4]!)).to.contain('https://cdn.portone.io').and.not.contain('iamport');
    expect(v2ConfigProblemText('ko', cases[5]!)).to.contain('300000');
    expect(v2ConfigProblemText('ko', cases[7]!)).to.equal('customer-uid 속성은 PortOne V1 전용입니다. V2의 Paymentwall은 카드를 저장할 수 없습니다.');
  });

  it('fall back to the shared table for shared rules', () => {
    expect(v2ConfigProblemText('en', { attribute: 'customer-id', rule: 'required' })).to.equal('customer-id is required.');
    expect(v2ConfigProblemText('ko', { attribute: 'order-name', rule: 'too-long', max: 40 })).to.equal('order-name 값은 40자까지 쓸 수 있습니다.');
  });

  it('name the tool a refused V2 page must use instead', () => {
    expect(v2Messages.en.v1Hint['test-mode']).to.contain('test channel');
    expect(v2Messages.ko.v1Hint['test-mode']).to.contain('테스트 채널');
    expect(v2Messages.en.v1Hint['pay-method']).to.contain('ps');
    expect(v2Messages.en.v1Hint['merchant-uid']).to.contain('payment-id');
    expect(v2Messages.en.v1Hint['tier-code']).to.contain('store-id');
    expect(v2ConfigProblemText('en', { attribute: 'merchant-uid', rule: 'v1-only' })).to.equal('merchant-uid is for PortOne V1 only: in V2, use payment-id.');
  });
});
