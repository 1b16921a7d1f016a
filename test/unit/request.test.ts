import { expect } from '@open-wc/testing';
import type { Buyer } from '../../src/buyer.js';
import type { WidgetConfig } from '../../src/config.js';
import { buildRequest } from '../../src/request.js';

const base: WidgetConfig = {
  impCode: 'imp12345678',
  channelKey: 'channel-key-1',
  amount: 1004,
  currency: 'KRW',
  orderName: 'T-shirt',
  testMode: false,
  fields: ['tel'],
  sdkSrc: 'https://cdn.iamport.kr/v1/iamport.js',
  sdkTimeout: 15000,
};
const buyer: Buyer = { name: 'Jack Son', email: 'test@portone.io' };
const context = { merchantUid: 'order-1', language: 'en', redirectUrl: 'https://shop.example/pay' };

describe('the request_pay object', () => {
  it('carries the minimal fields with amount as a number', () => {
    expect(buildRequest(base, buyer, context)).to.deep.equal({
      channelKey: 'channel-key-1',
      merchant_uid: 'order-1',
      name: 'T-shirt',
      amount: 1004,
      currency: 'KRW',
      language: 'en',
      buyer_name: 'Jack Son',
      buyer_email: 'test@portone.io',
      m_redirect_url: 'https://shop.example/pay',
    });
  });

  it('names the channel the legacy way with project-key', () => {
    const { channelKey: _, ...withoutChannel } = base;
    const request = buildRequest({ ...withoutChannel, projectKey: 'abc123' }, buyer, context);
    expect(request.pg).to.equal('paymentwall.abc123');
    expect(request).not.to.have.property('channelKey');
  });

  it('sends every optional attribute under PortOne’s name', () => {
    const request = buildRequest(
      {
        ...base,
        payMethod: 'card',
        countryCode: 'DE',
        widgetCode: 't3_1',
        ps: 'all',
        testMode: true,
        redirectUrl: 'https://shop.example/return',
        noticeUrl: 'https://shop.example/hook',
        logoUrl: 'https://shop.example/logo.png',
        customData: { orderId: 7 },
        bypass: { product_price_without_tax: 900, widget_code: 'overridden' },
      },
      { ...buyer, tel: '010-1234-5678', addr: 'Seoul', postcode: '123-456' },
      context,
    );
    expect(request).to.deep.equal({
      channelKey: 'channel-key-1',
      pay_method: 'card',
      merchant_uid: 'order-1',
      name: 'T-shirt',
      amount: 1004,
      currency: 'KRW',
      language: 'en',
      buyer_name: 'Jack Son',
      buyer_email: 'test@portone.io',
      buyer_tel: '010-1234-5678',
      buyer_addr: 'Seoul',
      buyer_postcode: '123-456',
      m_redirect_url: 'https://shop.example/return',
      notice_url: 'https://shop.example/hook',
      use_test_method: true,
      custom_data: { orderId: 7 },
      bypass: {
        product_price_without_tax: 900,
        widget_code: 't3_1',
        ps: 'all',
        country_code: 'DE',
        logo_url: 'https://shop.example/logo.png',
      },
    });
  });

  it('sends customer_uid and always pay_method card in billing-key mode', () => {
    const request = buildRequest({ ...base, customerUid: 'cust-1', payMethod: 'trans' }, buyer, context);
    expect(request.customer_uid).to.equal('cust-1');
    expect(request.pay_method).to.equal('card');
  });

  it('leaves out pay_method, bypass and use_test_method when unset', () => {
    const request = buildRequest(base, buyer, context);
    expect(request).not.to.have.any.keys('pay_method', 'bypass', 'use_test_method', 'customer_uid', 'notice_url', 'pg');
  });

  it('copies custom_data and bypass, nested values too, so a listener changing them does not change the configuration', () => {
    const customData = { a: 1, cart: { items: ['sku-1'] } };
    const bypass = { extra: { b: 2 } };
    const request = buildRequest({ ...base, customData, bypass }, buyer, context);
    (request.custom_data as { a: number }).a = 2;
    (request.custom_data as { cart: { items: string[] } }).cart.items.push('upsell');
    (request.bypass!.extra as { b: number }).b = 3;
    expect(customData).to.deep.equal({ a: 1, cart: { items: ['sku-1'] } });
    expect(bypass).to.deep.equal({ extra: { b: 2 } });
    // A framework's reactive object is a Proxy, which structuredClone refuses: it is copied all the same.
    const reactive = new Proxy({ cart: new Proxy({ id: 'c-1' }, {}) }, {});
    expect(buildRequest({ ...base, customData: reactive }, buyer, context).custom_data).to.deep.equal({ cart: { id: 'c-1' } });
  });
});
