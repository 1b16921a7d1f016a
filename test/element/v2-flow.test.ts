// PortOne V2 through the element (issue 9): a widget with store-id calls PortOne.requestPayment with
// the exact object, reads its answers, and refuses or warns about V1-only attributes.
import { expect } from '@open-wc/testing';
import { isV2PayRequest, type PayFailDetailV2, type PayRequestDetailV2, type PaySuccessDetailV2 } from '../../src/index.js';
import { TX_ID, installPortOne } from '../helpers/portone-double.js';
import { button, nextEvent, quietly, recordEvents, shadow, text, waitUntil } from '../helpers/page.js';
import { resetV2Page, v2Widget, VALID_V2 } from '../helpers/v2-widget.js';
import { widget } from '../helpers/widget.js';

const status = (element: HTMLElement) => shadow(element).querySelector('[part="status"]')!;
const configBox = (element: HTMLElement) => text(shadow(element).querySelector('[part="config-error"]'));
/** This page as the default redirectUrl: no fragment, no V2 result names. */
const thisPage = () => {
  const url = new URL(location.href);
  url.hash = '';
  return url.href;
};

describe('PortOne V2: the request', () => {
  beforeEach(resetV2Page);
  afterEach(resetV2Page);

  it('sends the exact requestPayment object for the required attributes, and no payMethod', async () => {
    const sdk = installPortOne('approve');
    const element = await v2Widget();
    await element.pay();
    expect(sdk.requests).to.have.length(1);
    const [request] = sdk.requests;
    expect(request!.paymentId).to.match(/^[A-Za-z0-9-]{1,40}$/);
    expect(request).to.deep.equal({
      storeId: VALID_V2['store-id'],
      channelKey: 'channel-key-v2-test',
      paymentId: request!.paymentId,
      orderName: 'Demo e-book',
      totalAmount: 150,
      currency: 'USD',
      customer: { customerId: 'cust-42', email: 'jack@example.com', fullName: 'Jack Son' },
      locale: 'EN_US',
      redirectUrl: thisPage(),
    });
  });

  it('maps every other attribute and property: payment-id, widget-code, ps, country-code, notice-url, redirect-url, lang, the form’s fields, customData, bypass', async () => {
    const sdk = installPortOne('approve');
    const element = await v2Widget({
      'payment-id': 'order-2026-0001',
      'widget-code': 't3_1',
      ps: 'cc',
      'country-code': 'de',
      'notice-url': 'https://shop.example/hooks/portone https://backup.example/hook',
      'redirect-url': 'https://shop.example/paid?from=widget',
      lang: 'ko',
      fields: 'tel addr postcode',
      'buyer-tel': '010-1234-5678',
      'buyer-addr': 'Teheran-ro 1, Seoul',
      'buyer-postcode': '06236',
      currency: 'krw',
      amount: '1004',
    });
    element.customData = { cart: 'c-1', items: [1, 2] };
    element.bypass = { extra_key: 'x', widget: 'overridden-by-attribute' };
    await element.updateComplete;
    await element.pay();
    expect(sdk.requests[0]).to.deep.equal({
      storeId: VALID_V2['store-id'],
      channelKey: 'channel-key-v2-test',
      paymentId: 'order-2026-0001',
      orderName: 'Demo e-book',
      totalAmount: 1004,
      currency: 'KRW',
      customer: {
        customerId: 'cust-42',
        email: 'jack@example.com',
        fullName: 'Jack Son',
        phoneNumber: '010-1234-5678',
        address: { addressLine1: 'Teheran-ro 1, Seoul', addressLine2: '' },
        zipcode: '06236',
      },
      locale: 'KO_KR',
      redirectUrl: 'https://shop.example/paid?from=widget',
      noticeUrls: ['https://shop.example/hooks/portone', 'https://backup.example/hook'],
      customData: { cart: 'c-1', items: [1, 2] },
      bypass: { paymentwall: { extra_key: 'x', widget: 't3_1', ps: 'cc', country_code: 'DE' } },
    });
  });

  it('frees the page for the next payment window when an attempt fails unexpectedly (an SDK rejection that throws as it is read)', async () => {
    const sdk = installPortOne('approve');
    const { requestPayment } = sdk;
    sdk.requestPayment = (request) => {
      sdk.requests.push(structuredClone(request));
      const hostile = new Proxy(
        {},
        {
          get() {
            throw new TypeError('a hostile rejection');
          },
        },
      );
      return Promise.reject(hostile);
    };
    const first = await v2Widget();
    const result = await quietly(() => first.pay());
    expect(result.status === 'fail' && result.detail.code).to.equal('sdk-error');
    sdk.requestPayment = requestPayment;
    const second = await v2Widget({ 'order-name': 'Socks' });
    expect((await second.pay()).status).to.equal('success');
    expect(sdk.requests.map((request) => request.orderName)).to.deep.equal([VALID_V2['order-name'], 'Socks']);
  });

  it('gives every attempt a fresh paymentId without payment-id (a retry too)', async () => {
    const sdk = installPortOne('decline');
    const element = await v2Widget();
    await element.pay();
    await element.pay();
    const [first, second] = sdk.requests.map((request) => request.paymentId);
    expect(first).not.to.equal(second);
    for (const id of [first, second]) expect(id).to.match(/^[A-Za-z0-9-]{1,40}$/);
  });

  it('shows the amount in minor units on the button: USD 150 is $1.50, KRW 1004 is ₩1,004', async () => {
    installPortOne('approve');
    const usd = await v2Widget();
    expect(text(button(usd))).to.equal('Pay $1.50');
    const krw = await v2Widget({ amount: '1004', currency: 'KRW' });
    expect(text(button(krw))).to.equal('Pay ₩1,004');
    const v1 = await widget({ amount: '150', currency: 'USD' });
    expect(text(button(v1))).to.equal('Pay $150.00');
  });

  it('dispatches pay-request with protocol v2; a listener’s changes are what is sent and reported', async () => {
    const sdk = installPortOne('approve');
    const element = await v2Widget();
    let seen: PayRequestDetailV2 | undefined;
    element.addEventListener('pay-request', (event) => {
      if (!isV2PayRequest(event.detail)) return;
      seen = event.detail;
      event.detail.request.customer.email = 'account@example.com';
      event.detail.request.totalAmount = 99;
    });
    const result = await element.pay();
    expect(seen?.protocol).to.equal('v2');
    expect(sdk.requests[0]).to.deep.include({ totalAmount: 99 });
    expect(sdk.requests[0]!.customer.email).to.equal('account@example.com');
    expect(result.status === 'success' && result.detail).to.deep.include({ amount: 99, buyer: { name: 'Jack Son', email: 'account@example.com' } });
  });

  it('ends in pay-fail aborted, sending nothing, when a listener removes the paymentId or the customer, sets a paymentId or customerId its template left unfilled, or an amount that is not a whole number', async () => {
    const sdk = installPortOne('approve');
    const element = await v2Widget();
    const order: { id?: number } = {};
    for (const spoil of [
      (request: Record<string, unknown>) => delete request.paymentId,
      (request: Record<string, unknown>) => delete request.customer,
      (request: Record<string, unknown>) => (request.paymentId = `order-${order.id}`),
      (request: Record<string, unknown>) => ((request.customer as Record<string, unknown>).customerId = `user_${order.id}`),
      (request: Record<string, unknown>) => (request.totalAmount = '150'),
      (request: Record<string, unknown>) => (request.totalAmount = 1.5),
    ]) {
      const listener = (event: Event) => spoil((event as CustomEvent<{ request: Record<string, unknown> }>).detail.request);
      element.addEventListener('pay-request', listener);
      const result = await quietly(() => element.pay());
      element.removeEventListener('pay-request', listener);
      expect(result.status === 'fail' && result.detail.code).to.equal('aborted');
    }
    expect(sdk.requests).to.have.length(0);
    expect(button(element).disabled).to.equal(false);
  });

  it('uses a window.PortOne the page already has, as it is, and injects no script', async () => {
    const sdk = installPortOne('approve');
    const element = await v2Widget({ 'sdk-src': null });
    expect((await element.pay()).status).to.equal('success');
    expect(sdk.requests).to.have.length(1);
    expect(Array.from(document.scripts).some((script) => script.src.includes('portone'))).to.equal(false);
  });
});

describe('PortOne V2: the answers', () => {
  beforeEach(resetV2Page);
  afterEach(resetV2Page);

  it('approve: pay-success with paymentId and txId (also under V1’s names), the success state, and nothing more until reset()', async () => {
    const sdk = installPortOne('approve');
    const element = await v2Widget();
    const events = recordEvents(element, 'pay-success', 'pay-fail');
    const result = await element.pay();
    const paymentId = sdk.requests[0]!.paymentId;
    const expected: PaySuccessDetailV2 = {
      protocol: 'v2',
      via: 'callback',
      paymentId,
      txId: TX_ID,
      merchantUid: paymentId,
      impUid: TX_ID,
      amount: 150,
      currency: 'USD',
      customerId: 'cust-42',
      buyer: { name: 'Jack Son', email: 'jack@example.com' },
      response: { transactionType: 'PAYMENT', txId: TX_ID, paymentId },
    };
    expect(result).to.deep.equal({ status: 'success', detail: expected });
    expect(events.map((event) => event.type)).to.deep.equal(['pay-success']);
    expect(events[0]!.detail).to.deep.equal(expected);
    await element.updateComplete;
    expect(status(element).getAttribute('data-kind')).to.equal('success');
    expect(text(button(element))).to.equal('Paid');
    expect(await element.pay()).to.deep.equal({ status: 'cancelled' });
    expect(sdk.requests).to.have.length(1);
    expect(sessionStorage.getItem(`paymentwall-pay:attempt:${paymentId}`)).to.equal(null);
    element.reset();
    await element.updateComplete;
    expect((await element.pay()).status).to.equal('success');
    expect(sdk.requests).to.have.length(2);
    // Another buyer (a shared device, the shop's next login) is a new order.
    element.customerId = 'cust-43';
    await element.updateComplete;
    expect((await element.pay()).status).to.equal('success');
    expect(sdk.requests[2]!.customer.customerId).to.equal('cust-43');
  });

  it('saves the attempt, keyed by paymentId, before calling requestPayment', async () => {
    const sdk = installPortOne('never');
    let saved: string | null = null;
    const original = sdk.requestPayment;
    sdk.requestPayment = (request) => {
      saved = sessionStorage.getItem(`paymentwall-pay:attempt:${request.paymentId}`);
      return original.call(sdk, request);
    };
    const element = await v2Widget({ 'payment-id': 'order-77' });
    void element.pay();
    await waitUntil(() => sdk.requests.length === 1, 'requestPayment called');
    expect(JSON.parse(saved!)).to.deep.include({
      paymentId: 'order-77',
      amount: 150,
      currency: 'USD',
      customerId: 'cust-42',
      buyer: { name: 'Jack Son', email: 'jack@example.com' },
    });
  });

  it('decline (a resolved response with code): pay-fail pg-error with PortOne’s and the PG’s codes, the PG’s reason shown, and it can be tried again', async () => {
    const sdk = installPortOne('decline');
    const element = await v2Widget();
    const result = await element.pay();
    const paymentId = sdk.requests[0]!.paymentId;
    expect(result.status).to.equal('fail');
    const detail = (result as { detail: PayFailDetailV2 }).detail;
    expect(detail.closed, 'a decline is not a closed window').to.equal(undefined);
    expect(detail).to.deep.include({
      protocol: 'v2',
      via: 'callback',
      code: 'pg-error',
      message: 'The payment was not completed.',
      paymentId,
      merchantUid: paymentId,
      txId: TX_ID,
      impUid: TX_ID,
      portOneCode: 'FAILURE_TYPE_PG',
      portOneMessage: '[PAYMENTWALL] 카드 승인 거절',
      pgCode: 'DECLINED',
      pgMessage: 'Card declined',
    });
    await element.updateComplete;
    expect(status(element).getAttribute('data-kind')).to.equal('fail');
    expect(text(status(element))).to.contain('Card declined');
    expect(button(element).disabled).to.equal(false);
    sdk.answer = 'approve';
    expect((await element.pay()).status).to.equal('success');
  });

  it('close: pay-fail pg-error, and the status line says the buyer closed the window', async () => {
    installPortOne('close');
    const element = await v2Widget({ lang: 'ko' });
    const result = await element.pay();
    expect(result.status === 'fail' && result.detail).to.deep.include({ code: 'pg-error', closed: true, message: '결제창을 닫아 결제가 진행되지 않았습니다. 다시 시도할 수 있습니다.' });
    await element.updateComplete;
    expect(status(element).getAttribute('data-kind')).to.equal('closed');
  });

  it('a PaymentError rejection (before the window): pay-fail sdk-error keeping PortOne’s code', async () => {
    const sdk = installPortOne('reject');
    const element = await v2Widget();
    const result = await element.pay();
    expect(result.status === 'fail' && result.detail).to.deep.include({
      protocol: 'v2',
      via: 'callback',
      code: 'sdk-error',
      message: 'The payment service had an error, so this payment is not confirmed. If you were charged, contact the seller before trying again.',
      paymentId: sdk.requests[0]!.paymentId,
      portOneCode: 'ChannelNotFound',
      portOneMessage: '채널을 찾을 수 없습니다.',
    });
    expect(sessionStorage.getItem(`paymentwall-pay:attempt:${sdk.requests[0]!.paymentId}`)).to.equal(null);
  });

  it('another rejection: sdk-error with no PortOne code taken from a stranger’s error', async () => {
    installPortOne('reject-other');
    const element = await v2Widget();
    const result = await element.pay();
    expect(result.status === 'fail' && result.detail.code).to.equal('sdk-error');
    expect(result.status === 'fail' && result.detail).not.to.have.property('portOneCode');
  });

  it('a synchronous throw: pay-fail sdk-error via local, once, and the widget is free again', async () => {
    const sdk = installPortOne('throw');
    const element = await v2Widget();
    const events = recordEvents(element, 'pay-fail');
    const result = await quietly(() => element.pay());
    expect(result.status === 'fail' && result.detail).to.deep.include({ via: 'local', code: 'sdk-error' });
    expect(events).to.have.length(1);
    await element.updateComplete;
    expect(button(element).disabled).to.equal(false);
    sdk.answer = 'approve';
    expect((await element.pay()).status).to.equal('success');
  });

  it('a redirect (undefined answer) reports nothing, stays busy while the page leaves, and keeps the saved attempt', async () => {
    const sdk = installPortOne('redirect-approve');
    const element = await v2Widget();
    const events = recordEvents(element, 'pay-success', 'pay-fail');
    void element.pay();
    await waitUntil(() => sdk.redirects.length === 1, 'the redirect');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(events).to.have.length(0);
    expect(button(element).getAttribute('aria-busy')).to.equal('true');
    expect(sessionStorage.getItem(`paymentwall-pay:attempt:${sdk.requests[0]!.paymentId}`)).to.be.a('string');
    // No second payment window while the page leaves: the two navigations would race.
    const other = await v2Widget({ 'order-name': 'Socks' });
    const meanwhile = await quietly(() => other.pay());
    expect(meanwhile.status === 'fail' && meanwhile.detail.code).to.equal('aborted');
    expect(sdk.requests).to.have.length(1);
    // Back from the payment page by the back/forward cache: the button works again.
    window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
    await waitUntil(() => !button(element).disabled, 'free again');
    expect(events).to.have.length(0);
    expect(sessionStorage.getItem(`paymentwall-pay:attempt:${sdk.requests[0]!.paymentId}`)).to.be.a('string');
    // And so is the page: another widget can open its window.
    sdk.answer = 'approve';
    expect((await other.pay()).status).to.equal('success');
  });

  it('back after a phone payment the return page reported paid: shows the success state and offers no second charge', async () => {
    const home = location.href;
    const sdk = installPortOne('redirect-approve');
    const element = await v2Widget();
    const paying = element.pay();
    await waitUntil(() => sdk.redirects.length === 1, 'the redirect');
    // The return page (played by a second widget while this one is parked) reports the payment.
    const parent = element.parentElement!;
    element.remove();
    history.replaceState(history.state, '', sdk.redirects[0]!);
    try {
      const returned = await v2Widget();
      await nextEvent(returned, 'pay-success');
      returned.remove();
    } finally {
      history.replaceState(history.state, '', home);
    }
    parent.append(element);
    const events = recordEvents(element, 'pay-success', 'pay-fail');
    window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
    expect(await paying).to.deep.equal({ status: 'cancelled' });
    await element.updateComplete;
    expect(status(element).getAttribute('data-kind')).to.equal('success');
    expect(button(element).disabled).to.equal(true);
    expect((await element.pay()).status).to.equal('cancelled');
    expect(sdk.requests, 'no second payment window').to.have.length(1);
    expect(events).to.have.length(0);
  });
});

describe('PortOne V2: configuration', () => {
  beforeEach(resetV2Page);
  afterEach(resetV2Page);

  const cases: Array<[string, Record<string, string | null>, string]> = [
    ['no channel-key', { 'channel-key': null }, 'channel-key is required.'],
    ['no customer-id', { 'customer-id': null }, 'customer-id is required.'],
    ['a store-id not from the console', { 'store-id': 'shop-1' }, 'store-id must be the store ID from the PortOne console'],
    ['a payment-id with other characters', { 'payment-id': 'order #1' }, 'payment-id may contain only letters'],
    ['a payment-id over 40 characters', { 'payment-id': 'a'.repeat(41) }, 'payment-id can have at most 40 characters.'],
    ['a widget-code other than pw_1 / t3_1', { 'widget-code': 'p1_1' }, 'widget-code must be pw_1 or t3_1.'],
    ['an amount with a decimal point', { amount: '1.50' }, 'amount must be a whole number'],
    ['a currency this browser does not know', { currency: 'XYZ' }, 'currency is not a currency this browser knows'],
    ['a redirect-url with PortOne’s result names', { 'redirect-url': 'https://shop.example/?paymentId=1' }, 'redirect-url must not use PortOne’s result names'],
    ['V1’s CDN as sdk-src', { 'sdk-src': 'https://cdn.iamport.kr/v1/iamport.js' }, 'sdk-src must be on https://cdn.portone.io'],
    ['tier-code (V1 only)', { 'tier-code': 'tier-1' }, 'tier-code is for PortOne V1 only: in V2, put the sub-merchant’s own store ID in store-id.'],
    ['customer-uid (V1 only)', { 'customer-uid': 'c-1' }, 'customer-uid is for PortOne V1 only: Paymentwall cannot save cards in V2.'],
    ['test-mode (V1 only)', { 'test-mode': '' }, 'test-mode is for PortOne V1 only: in V2, use the channel-key of a test channel'],
    ['pay-method (V1 only)', { 'pay-method': 'card' }, 'pay-method is for PortOne V1 only'],
    ['merchant-uid (V1 only)', { 'merchant-uid': 'order-1' }, 'merchant-uid is for PortOne V1 only: in V2, use payment-id.'],
  ];
  for (const [what, attributes, message] of cases) {
    it(`shows ${what} in the box, disables paying and sends nothing`, async () => {
      const sdk = installPortOne('approve');
      await quietly(async () => {
        const element = await v2Widget(attributes);
        expect(configBox(element)).to.contain(message);
        expect(button(element).disabled).to.equal(true);
        const result = await element.pay();
        expect(result.status === 'fail' && result.detail.code).to.equal('invalid-config');
        expect(result.status === 'fail' && result.detail.problems?.length).to.be.greaterThan(0);
      });
      expect(sdk.requests).to.have.length(0);
    });
  }

  it('shows the box in Korean for a Korean widget', async () => {
    await quietly(async () => {
      const element = await v2Widget({ lang: 'ko', 'merchant-uid': 'order-1' });
      expect(configBox(element)).to.contain('merchant-uid 속성은 PortOne V1 전용입니다. V2에서는 payment-id를 쓰세요.');
    });
  });

  it('pays without imp-code, project-key and logo-url, with one console warning for each', async () => {
    const sdk = installPortOne('approve');
    const lines = await quietly(async (lines) => {
      const element = await v2Widget({ 'imp-code': 'imp12345678', 'project-key': 'pk-1', 'logo-url': 'https://shop.example/logo.png' });
      expect(configBox(element)).to.equal('');
      expect((await element.pay()).status).to.equal('success');
      return lines;
    });
    for (const attribute of ['imp-code', 'project-key', 'logo-url']) {
      expect(lines.filter((line) => line.includes(`${attribute} is ignored with store-id`)), attribute).to.have.length(1);
    }
    expect(JSON.stringify(sdk.requests[0])).not.to.contain('logo');
  });

  it('a V1 widget (no store-id) with customer-id or payment-id asks for store-id instead of dropping them', async () => {
    await quietly(async () => {
      const element = await widget({ 'customer-id': 'cust-1' });
      expect(configBox(element)).to.contain('store-id is required.');
      const other = await widget({ 'payment-id': 'order-1' });
      expect(configBox(other)).to.contain('store-id is required.');
    });
  });
});
