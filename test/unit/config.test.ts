import { expect } from '@open-wc/testing';
import { digitsFromAttribute, readConfig, type ConfigResult, type RawConfig } from '../../src/config.js';

const env = { impReady: false, baseUrl: 'https://shop.example/checkout/page.html' };
const valid: RawConfig = {
  impCode: 'imp12345678',
  channelKey: 'channel-key-1',
  amount: 1004,
  currency: 'krw',
  orderName: 'T-shirt',
};

function problems(raw: RawConfig, environment = env) {
  const result = readConfig({ ...valid, ...raw }, environment);
  return result.ok ? [] : result.problems.map((p) => `${p.attribute}:${p.rule}`);
}

function config(raw: RawConfig, environment = env) {
  const result: ConfigResult = readConfig({ ...valid, ...raw }, environment);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result;
}

describe('configuration rules', () => {
  it('takes what frameworks bind to text properties: null as nothing, a number as its text, an object refused', () => {
    expect(config({ sdkSrc: null as unknown as string, payMethod: null as unknown as string }).config.sdkSrc).to.equal('https://cdn.iamport.kr/v1/iamport.js');
    expect(config({ orderName: 123 as unknown as string }).config.orderName).to.equal('123');
    expect(problems({ impCode: {} as unknown as string, fields: ['tel'] as unknown as string })).to.deep.equal(['imp-code:text', 'fields:text']);
  });

  it('accepts the minimal configuration and upper-cases the currency', () => {
    const { config: c } = config({});
    expect(c.currency).to.equal('KRW');
    expect(c.amount).to.equal(1004);
    expect(c.fields).to.deep.equal(['tel']);
    expect(c.sdkSrc).to.equal('https://cdn.iamport.kr/v1/iamport.js');
    expect(c.sdkTimeout).to.equal(15000);
  });

  it('needs imp-code, unless the page already has a usable IMP', () => {
    expect(problems({ impCode: undefined })).to.deep.equal(['imp-code:required']);
    expect(problems({ impCode: '' })).to.deep.equal(['imp-code:required']);
    expect(problems({ impCode: undefined }, { ...env, impReady: true })).to.deep.equal([]);
  });

  it('needs imp-code shaped as imp + digits', () => {
    expect(problems({ impCode: 'imp_123' })).to.deep.equal(['imp-code:imp-code']);
    expect(problems({ impCode: '12345678' })).to.deep.equal(['imp-code:imp-code']);
    expect(problems({ impCode: 'imp' })).to.deep.equal(['imp-code:imp-code']);
  });

  it('needs imp-code with a tier-code even when IMP is ready', () => {
    expect(problems({ impCode: undefined, tierCode: '123' }, { ...env, impReady: true })).to.deep.equal([
      'imp-code:required',
    ]);
  });

  it('needs channel-key or project-key; with both, only channel-key is kept and a warning says so', () => {
    expect(problems({ channelKey: undefined })).to.deep.equal(['channel-key:channel-or-project-key']);
    expect(problems({ channelKey: undefined, projectKey: 'pk' })).to.deep.equal([]);
    const both = config({ projectKey: 'pk' });
    expect(both.config.channelKey).to.equal('channel-key-1');
    expect(both.config.projectKey).to.equal(undefined);
    expect(both.warnings).to.have.length(1);
    expect(both.warnings[0]).to.contain('channel-key');
  });

  it('takes amount as a positive safe integer, from plain digits only', () => {
    expect(problems({ amount: undefined })).to.deep.equal(['amount:required']);
    for (const bad of ['1,004', '10.5', '-1', '1e3', '0', ' ', 'abc', 10.5, -1, 0, NaN]) {
      expect(problems({ amount: bad }), String(bad)).to.deep.equal(['amount:amount']);
    }
    // Digits, but past what a number holds exactly: the message names the limit, not "digits only".
    for (const large of ['9007199254740992', '99999999999999999999', 2 ** 53, 1e21]) {
      const result = readConfig({ ...valid, amount: large }, env);
      expect(result.ok ? [] : result.problems, String(large)).to.deep.equal([{ attribute: 'amount', rule: 'too-large', max: Number.MAX_SAFE_INTEGER }]);
    }
    expect(problems({ amount: '9007199254740991' })).to.deep.equal([]);
    expect(config({ amount: '1004' }).config.amount).to.equal(1004);
    // Trimmed, as every attribute is: a template's "{{ price }} " or a line break an editor added.
    expect(config({ amount: ' 1004\n' }).config.amount).to.equal(1004);
    expect(problems({ amount: ' 99999999999999999999 ' })).to.deep.equal(['amount:too-large']);
    expect(config({ amount: 20 }).config.amount).to.equal(20);
  });

  it('reads number attributes as plain digits, so 1e3 stays invalid', () => {
    expect(digitsFromAttribute('1004')).to.equal(1004);
    expect(digitsFromAttribute(' 20000\n')).to.equal(20000);
    expect(digitsFromAttribute(' 1e3 ')).to.be.NaN;
    expect(digitsFromAttribute('1e3')).to.be.NaN;
    expect(digitsFromAttribute('1,004')).to.be.NaN;
    expect(digitsFromAttribute(null)).to.equal(undefined);
  });

  it('needs a currency the browser knows', () => {
    expect(problems({ currency: undefined })).to.deep.equal(['currency:required']);
    expect(problems({ currency: 'XYZ' })).to.deep.equal(['currency:currency-unknown']);
    expect(problems({ currency: 'US' })).to.deep.equal(['currency:currency']);
    expect(problems({ currency: 'usd' })).to.deep.equal([]);
  });

  it('needs order-name of at most 40 characters', () => {
    expect(problems({ orderName: undefined })).to.deep.equal(['order-name:required']);
    expect(problems({ orderName: '  ' })).to.deep.equal(['order-name:required']);
    expect(problems({ orderName: '가'.repeat(40) })).to.deep.equal([]);
    const result = readConfig({ ...valid, orderName: 'x'.repeat(41) }, env);
    expect(result.ok ? [] : result.problems).to.deep.equal([{ attribute: 'order-name', rule: 'too-long', max: 40 }]);
  });

  it('limits merchant-uid to 40 and customer-uid to 80 characters', () => {
    expect(problems({ merchantUid: 'm'.repeat(40), customerUid: 'c'.repeat(80) })).to.deep.equal([]);
    expect(problems({ merchantUid: 'm'.repeat(41), customerUid: 'c'.repeat(81) })).to.deep.equal([
      'merchant-uid:too-long',
      'customer-uid:too-long',
    ]);
  });

  it('refuses a merchant-uid or customer-uid holding what a template leaves where it had no value', () => {
    for (const leftover of ['undefined', 'order_undefined', 'userundefined', 'order-NaN', 'NaN', 'cart:undefined:1', 'null', 'cust_null', 'cust_null_kr', 'shop:null:card', 'user-None-2', 'order_None', '[object Object]', 'order_[object Object]', '{{ order.id }}', 'order-{{id}}', '${orderId}', 'order_${id}']) {
      expect(problems({ merchantUid: leftover, customerUid: ` ${leftover} ` }), leftover).to.deep.equal(['merchant-uid:placeholder', 'customer-uid:placeholder']);
    }
    // Near misses are ids: the short words inside others, other cases.
    for (const id of ['undefinedness', 'Undefined-1', 'order_nan', 'NaNa', 'banana', 'nullable', 'annulled', 'Nonesuch', 'order_none', 'jane.null@example.com', 'null@example.com', 'dev.null', 'order {1}', '$100', 'a{b}', 'obj[object]']) {
      expect(problems({ merchantUid: id, customerUid: id }), id).to.deep.equal([]);
    }
  });

  it('takes country-code as two letters and upper-cases it', () => {
    expect(config({ countryCode: 'de' }).config.countryCode).to.equal('DE');
    expect(problems({ countryCode: 'DEU' })).to.deep.equal(['country-code:country-code']);
    expect(problems({ countryCode: 'D1' })).to.deep.equal(['country-code:country-code']);
  });

  it('reads fields from tel addr postcode, default tel, empty for none', () => {
    expect(config({ fields: 'postcode tel addr' }).config.fields).to.deep.equal(['tel', 'addr', 'postcode']);
    expect(config({ fields: '' }).config.fields).to.deep.equal([]);
    expect(config({ fields: undefined }).config.fields).to.deep.equal(['tel']);
    expect(problems({ fields: 'tel phone' })).to.deep.equal(['fields:fields']);
  });

  it('resolves URLs against the page and takes only http(s)', () => {
    const { config: c } = config({ redirectUrl: '/done', noticeUrl: 'https://api.shop.example/hook', logoUrl: 'logo.png' });
    expect(c.redirectUrl).to.equal('https://shop.example/done');
    expect(c.noticeUrl).to.equal('https://api.shop.example/hook');
    expect(c.logoUrl).to.equal('https://shop.example/checkout/logo.png');
    expect(problems({ redirectUrl: 'javascript:alert(1)', noticeUrl: 'ftp://x', logoUrl: 'data:image/png;base64,' })).to.deep.equal([
      'redirect-url:url',
      'notice-url:url',
      'logo-url:url',
    ]);
    expect(problems({ sdkSrc: 'javascript:alert(1)' })).to.deep.equal(['sdk-src:url']);
  });

  it('refuses a redirect-url that uses PortOne’s result names, which would be read as its answer on return', () => {
    for (const name of ['imp_uid', 'merchant_uid', 'imp_success', 'success', 'error_code', 'error_msg']) {
      expect(problems({ redirectUrl: `/done?${name}=1` }), name).to.deep.equal(['redirect-url:redirect-query']);
      expect(problems({ redirectUrl: `/#/done?${name}=1` }), `${name} after a #route`).to.deep.equal(['redirect-url:redirect-query']);
    }
    expect(config({ redirectUrl: '/done?order=42&successful=1' }).config.redirectUrl).to.equal('https://shop.example/done?order=42&successful=1');
  });

  it('takes sdk-timeout as whole milliseconds from 100 to 300000', () => {
    expect(config({ sdkTimeout: 500 }).config.sdkTimeout).to.equal(500);
    expect(config({ sdkTimeout: 100 }).config.sdkTimeout).to.equal(100);
    expect(config({ sdkTimeout: 300_000 }).config.sdkTimeout).to.equal(300_000);
    for (const sdkTimeout of [NaN, 0, 99, 300_001, 3_000_000_000]) {
      expect(problems({ sdkTimeout }), String(sdkTimeout)).to.deep.equal(['sdk-timeout:timeout-range']);
    }
  });

  it('takes customData and bypass only as plain JSON objects', () => {
    expect(problems({ customData: 'x', bypass: [1] })).to.deep.equal(['customData:object', 'bypass:object']);
    expect(problems({ customData: new Map([['a', 1]]), bypass: new Date() })).to.deep.equal(['customData:object', 'bypass:object']);
    expect(problems({ customData: new (class Cart {})() })).to.deep.equal(['customData:object']);
    expect(problems({ customData: { at: new Date() } })).to.deep.equal(['customData:object']);
    expect(config({ customData: { a: 1, list: [true, null, 'x'] }, bypass: { sales_tax: 2 } }).config.bypass).to.deep.equal({ sales_tax: 2 });
    expect(config({ customData: Object.assign(Object.create(null), { a: 1 }) }).config.customData).to.deep.equal({ a: 1 });
  });

  it('trims order-name, merchant-uid and customer-uid before their length checks', () => {
    const { config: c } = config({ orderName: ` ${'n'.repeat(40)} `, merchantUid: ` ${'m'.repeat(40)}\n`, customerUid: ` ${'c'.repeat(80)} ` });
    expect([c.orderName, c.merchantUid, c.customerUid]).to.deep.equal(['n'.repeat(40), 'm'.repeat(40), 'c'.repeat(80)]);
  });

  it('lists every problem at once', () => {
    expect(problems({ impCode: 'x', channelKey: undefined, amount: '1,004', currency: 'XYZ', orderName: undefined })).to.deep.equal([
      'imp-code:imp-code',
      'channel-key:channel-or-project-key',
      'amount:amount',
      'currency:currency-unknown',
      'order-name:required',
    ]);
  });
});

describe('where the SDK may come from', () => {
  const sdk = (sdkSrc: string) => problems({ sdkSrc });

  it('is PortOne’s CDN over https, and from attributes alone nothing else, this site neither', () => {
    expect(sdk('https://cdn.iamport.kr/v1/iamport.js')).to.deep.equal([]);
    expect(sdk('/vendor/iamport.js')).to.deep.equal(['sdk-src:sdk-origin']);
    expect(sdk('https://shop.example/api/jsonp?callback=x')).to.deep.equal(['sdk-src:sdk-origin']);
    expect(sdk('http://cdn.iamport.kr/v1/iamport.js')).to.deep.equal(['sdk-src:sdk-origin']);
    expect(sdk('https://evil.example/iamport.js')).to.deep.equal(['sdk-src:sdk-origin']);
  });

  it('takes sdk-integrity only as hashes a browser enforces', () => {
    for (const good of ['sha384-abc+/=', ' sha256-AbC_-1== sha512-xyz?ct=application/javascript ', 'sha512-q']) {
      expect(problems({ sdkIntegrity: good }), good).to.deep.equal([]);
    }
    for (const bad of ['sha1-abc', 'md5-abc', 'sha384_abc', 'sha384-', 'bogus', 'sha384-abc sha1-def']) {
      expect(problems({ sdkIntegrity: bad }), bad).to.deep.equal(['sdk-integrity:integrity']);
    }
  });

  it('may be another https origin the page allowed from JavaScript', async () => {
    const { allowSdkOrigin } = await import('../../src/sdk-origin.js');
    const { sharedState } = await import('../../src/shared-state.js');
    try {
      // A script's URL allows that script only (any query), not the rest of its origin.
      allowSdkOrigin('https://static.example/vendor/iamport.js');
      expect(sdk('https://static.example/vendor/iamport.js')).to.deep.equal([]);
      expect(sdk('https://static.example/vendor/iamport.js?v=2')).to.deep.equal([]);
      expect(sdk('https://static.example/uploads/evil.js')).to.deep.equal(['sdk-src:sdk-origin']);
      expect(sdk('https://static.example/vendor/iamport.js/x')).to.deep.equal(['sdk-src:sdk-origin']);
      // An origin allows every script on it.
      allowSdkOrigin('https://static.example');
      expect(sdk('https://static.example/iamport.js')).to.deep.equal([]);
      expect(() => allowSdkOrigin('http://static.example')).to.throw(TypeError);
    } finally {
      sharedState().sdkOrigins.clear();
    }
  });
});
