import { aTimeout, expect } from '@open-wc/testing';
import type { PayFailEvent, PayRequestEvent, PaySuccessEvent } from '../../src/index.js';
import { declinedResponse, installImp } from '../helpers/imp-double.js';
import { button, input, nextEvent, quietly, recordEvents, resetPage, shadow, text, waitUntil } from '../helpers/page.js';
import { fill, holdPayRequest, widget } from '../helpers/widget.js';

describe('the payment flow', () => {
  beforeEach(resetPage);
  afterEach(resetPage);

  it('goes pay-request → one request_pay → pay-success, and pay() resolves with the outcome', async () => {
    const imp = installImp('success');
    const element = await widget({});
    const events = recordEvents(element, 'pay-request', 'pay-success', 'pay-fail');
    const result = await element.pay();
    expect(events.map((event) => event.type)).to.deep.equal(['pay-request', 'pay-success']);
    expect(imp.requests).to.have.length(1);
    const detail = (events[1] as PaySuccessEvent).detail;
    expect(result).to.deep.equal({ status: 'success', detail });
    expect(detail).to.deep.include({
      via: 'callback',
      impUid: 'imp_123456789012',
      merchantUid: imp.requests[0]!.merchant_uid,
      amount: 1004,
      currency: 'KRW',
      buyer: { name: 'Jack Son', email: 'jack@example.com' },
    });
    expect(detail.response).to.include({ status: 'paid', pg_provider: 'paymentwall' });
    expect(detail).not.to.have.property('customerUid');
  });

  it('reads its configuration when pay() is called: a property set in the same task is what is charged, or refused', async () => {
    const imp = installImp('success');
    const element = await widget({});
    // A framework's click handler: set, then pay, before any render.
    element.amount = 2000;
    expect((await element.pay()).status).to.equal('success');
    expect(imp.requests[0]!.amount).to.equal(2000);
    element.reset();
    element.orderName = '';
    const result = await element.pay();
    expect(result.status === 'fail' && result.detail.code).to.equal('invalid-config');
    expect(imp.requests, 'a bad value sends nothing').to.have.length(1);
  });

  it('types its events in the element and document event maps', async () => {
    installImp('success');
    const element = await widget({});
    const seen: string[] = [];
    // No annotations: these compile only because the event maps know the details.
    element.addEventListener('pay-request', (event) => seen.push(event.detail.request.merchant_uid));
    element.addEventListener('pay-success', (event) => seen.push(event.detail.impUid));
    document.addEventListener('pay-success', (event) => seen.push(event.detail.currency), { once: true });
    await element.pay();
    expect(seen.slice(1)).to.deep.equal(['imp_123456789012', 'KRW']);
  });

  it('dispatches events that bubble out of shadow roots', async () => {
    installImp('success');
    const element = await widget({});
    const event = nextEvent<PaySuccessEvent>(document, 'pay-success');
    await element.pay();
    const heard = await event;
    expect(heard.bubbles && heard.composed).to.equal(true);
    expect(heard.target).to.equal(element);
  });

  it('starts from the button and from Enter in a field', async () => {
    const imp = installImp('success');
    const element = await widget({});
    const first = nextEvent(element, 'pay-success');
    button(element).click();
    await first;
    element.reset();
    await element.updateComplete;
    const second = nextEvent(element, 'pay-success');
    const name = shadow(element).querySelector('input')!;
    name.focus();
    const { sendKeys } = await import('@web/test-runner-commands');
    await sendKeys({ press: 'Enter' });
    await second;
    expect(imp.requests).to.have.length(2);
  });

  it('with an invalid form shows errors and dispatches nothing', async () => {
    const imp = installImp('success');
    const element = await widget({}, false);
    const events = recordEvents(element, 'pay-request', 'pay-success', 'pay-fail');
    expect(await element.pay()).to.deep.equal({ status: 'invalid' });
    expect(events).to.have.length(0);
    expect(imp.requests).to.have.length(0);
  });

  it('lets a pay-request listener change the request', async () => {
    const imp = installImp('success');
    const element = await widget({});
    element.addEventListener('pay-request', (event: PayRequestEvent) => {
      event.detail.request.custom_data = { cart: 'c-9' };
      event.detail.request.amount = 900;
    });
    const result = await element.pay();
    expect(imp.requests[0]).to.include({ amount: 900 });
    expect(imp.requests[0]!.custom_data).to.deep.equal({ cart: 'c-9' });
    expect(result.status === 'success' && result.detail.amount).to.equal(900);
  });

  for (const [mistake, spoil] of [
    ['sets detail.request to null', (detail: { request: unknown }) => (detail.request = null)],
    ['replaces detail.request with a string', (detail: { request: unknown }) => (detail.request = 'pay please')],
    // `order_${order.id}` with an order the server's answer did not have: every buyer's order id.
    ['sets an order id its template left unfilled', (detail: { request: { merchant_uid: string } }) => (detail.request.merchant_uid = `order_${undefined}`)],
    // A card saved under it would be every buyer's: JSON's null for a signed-out user's id.
    ['sets a customer_uid its template left unfilled', (detail: { request: { customer_uid?: string } }) => (detail.request.customer_uid = `cust_${null}`)],
    // An amount from JSON that holds text ("15000"): a phone's return could not be matched to it.
    ['sets the amount as text', (detail: { request: { amount: unknown } }) => (detail.request.amount = '1004')],
    ['sets an amount that is not a whole number above 0', (detail: { request: { amount: unknown } }) => (detail.request.amount = 0)],
    ['removes the currency', (detail: { request: { currency?: string } }) => delete detail.request.currency],
    // `detail.request = await build()` where build forgot its return.
    ['sets detail.request to undefined', (detail: { request: unknown }) => (detail.request = undefined)],
    ['throws inside a waitUntil promise', (detail: { waitUntil(p: Promise<unknown>): void }) => detail.waitUntil(Promise.resolve().then(() => JSON.parse('{')))],
    // Breaks halfway: the amount is changed, the order id it meant to set is not.
    [
      'throws',
      (detail: { request: { amount: number } }) => {
        detail.request.amount = 1;
        throw new TypeError('cart is undefined');
      },
    ],
  ] as const) {
    it(`ends in pay-fail aborted, sending nothing, and frees the widget when a pay-request listener ${mistake}`, async () => {
      const imp = installImp('success');
      const element = await widget({});
      const listener = (event: PayRequestEvent) => (spoil as (detail: unknown) => void)(event.detail);
      element.addEventListener('pay-request', listener);
      const events = recordEvents(element, 'pay-fail');
      const reported: string[] = [];
      const hear = (event: ErrorEvent) => reported.push((event.error as Error).message);
      window.addEventListener('error', hear);
      // Mocha hears a page's uncaught exceptions through window.onerror: a listener's is the test's.
      const { onerror } = window;
      window.onerror = () => true;
      try {
        const result = await quietly(() => element.pay());
        expect(result.status === 'fail' && result.detail.code).to.equal('aborted');
      } finally {
        window.onerror = onerror;
        window.removeEventListener('error', hear);
      }
      await element.updateComplete;
      expect(events.map((event) => event.detail.code)).to.deep.equal(['aborted']);
      expect(imp.requests, 'nothing sent').to.have.length(0);
      expect(reported, 'the page still hears its own exception').to.deep.equal(mistake === 'throws' ? ['cart is undefined'] : []);
      expect(button(element).disabled).to.equal(false);
      element.removeEventListener('pay-request', listener);
      expect((await element.pay()).status).to.equal('success');
      expect(imp.requests[0]!.amount).to.equal(1004);
    });
  }

  it('pays nothing for a click the page cancelled before it reached the button (a consent gate)', async () => {
    const imp = installImp('success');
    const element = await widget({});
    const gate = (event: Event) => event.preventDefault();
    document.addEventListener('click', gate, { capture: true });
    try {
      button(element).click();
      await aTimeout(20);
      expect(imp.requests).to.have.length(0);
    } finally {
      document.removeEventListener('click', gate, { capture: true });
    }
    button(element).click();
    await waitUntil(() => imp.requests.length === 1, 'paid once the gate is open');
  });

  it('reports the request actually sent: pay-success and the saved attempt carry the buyer a listener set', async () => {
    const imp = installImp('never');
    const element = await widget({ 'customer-uid': 'cust-7' });
    element.addEventListener('pay-request', (event: PayRequestEvent) => {
      event.detail.request.buyer_email = 'account@example.com';
      event.detail.request.buyer_tel = '010-9999-0000';
    });
    const paying = element.pay();
    await waitUntil(() => imp.requests.length === 1, 'request_pay called');
    const merchantUid = imp.requests[0]!.merchant_uid;
    const saved = JSON.parse(sessionStorage.getItem(`paymentwall-pay:attempt:${merchantUid}`)!) as { buyer: Record<string, string> };
    expect(saved.buyer).to.deep.equal({ name: 'Jack Son', email: 'account@example.com', tel: '010-9999-0000' });
    imp.respond({ imp_uid: 'imp_1', merchant_uid: merchantUid });
    const result = await paying;
    expect(result.status === 'success' && result.detail).to.deep.include({
      customerUid: 'cust-7',
      buyer: { name: 'Jack Son', email: 'account@example.com', tel: '010-9999-0000' },
    });
  });

  it('after a success shows its success state and starts nothing more until the order changes or reset()', async () => {
    const imp = installImp('success');
    const element = await widget({});
    expect((await element.pay()).status).to.equal('success');
    await element.updateComplete;
    expect(button(element).disabled).to.equal(true);
    expect(text(button(element))).to.equal('Paid');
    expect(shadow(element).querySelector('[part="status"]')!.getAttribute('data-kind')).to.equal('success');
    // A click, Enter or pay(): nothing reaches PortOne, no event.
    const events = recordEvents(element, 'pay-request', 'pay-success', 'pay-fail');
    button(element).click();
    shadow(element).querySelector('form')!.requestSubmit();
    expect(await element.pay()).to.deep.equal({ status: 'cancelled' });
    expect(imp.requests).to.have.length(1);
    expect(events).to.have.length(0);
    // A new amount is a new order.
    element.amount = 2000;
    await element.updateComplete;
    expect(button(element).disabled).to.equal(false);
    expect(text(shadow(element).querySelector('[part="status"]'))).to.equal('');
    expect((await element.pay()).status).to.equal('success');
    expect(imp.requests).to.have.length(2);
    // reset() does the same without changing the order; what the buyer typed stays.
    element.reset();
    await element.updateComplete;
    expect(text(button(element))).to.equal('Pay ₩2,000');
    expect(input(element, 'name').value).to.equal('Jack Son');
    expect((await element.pay()).status).to.equal('success');
    expect(imp.requests).to.have.length(3);
  });

  for (const property of ['currency', 'orderName', 'merchantUid', 'customerUid'] as const) {
    it(`takes a new payment after a success once ${property} changes`, async () => {
      const imp = installImp('success');
      const element = await widget({});
      await element.pay();
      element[property] = property === 'currency' ? 'USD' : 'next-order';
      await element.updateComplete;
      expect((await element.pay()).status).to.equal('success');
      expect(imp.requests).to.have.length(2);
    });
  }

  it('says in its own words, not in error red, that the buyer closed the payment window', async () => {
    const imp = installImp('never');
    const element = await widget({});
    const paying = element.pay();
    await waitUntil(() => imp.requests.length === 1, 'request_pay called');
    imp.respond({ imp_uid: 'imp_1', merchant_uid: imp.requests[0]!.merchant_uid, error_code: 'F0000', error_msg: '사용자가 결제를 취소하셨습니다' });
    const result = await paying;
    await element.updateComplete;
    // closed: a page tells it from a decline without reading the message.
    expect(result.status === 'fail' && result.detail).to.include({ code: 'pg-error', pgMessage: '사용자가 결제를 취소하셨습니다', closed: true });
    const status = shadow(element).querySelector<HTMLElement>('[part="status"]')!;
    expect(text(status.querySelector('.message'))).to.equal('You closed the payment window before paying. You can try again.');
    // PortOne's reason would only say the same again, in Korean even in an English widget.
    expect(text(status)).not.to.contain('사용자가');
    expect(status.dataset.kind).to.equal('closed');
    expect(getComputedStyle(status).color).to.equal(getComputedStyle(element).color);
    expect(button(element).disabled).to.equal(false);
  });

  it('stops quietly when a pay-request listener calls preventDefault()', async () => {
    const imp = installImp('success');
    const element = await widget({});
    element.addEventListener('pay-request', (event) => event.preventDefault());
    const events = recordEvents(element, 'pay-success', 'pay-fail');
    expect(await element.pay()).to.deep.equal({ status: 'cancelled' });
    expect(events).to.have.length(0);
    expect(imp.requests).to.have.length(0);
    expect(button(element).disabled).to.equal(false);
  });

  it('waits for waitUntil(promise), busy, before calling the SDK', async () => {
    const imp = installImp('success');
    const element = await widget({});
    const held = holdPayRequest(element);
    const paying = element.pay();
    await aTimeout(30);
    expect(imp.requests).to.have.length(0);
    expect(button(element).getAttribute('aria-busy')).to.equal('true');
    held.release();
    expect((await paying).status).to.equal('success');
    expect(imp.requests).to.have.length(1);
  });

  it('sends the order id a waitUntil promise set once the server made the order (the README’s static-page pattern)', async () => {
    const imp = installImp('success');
    const element = await widget({});
    element.addEventListener('pay-request', (event: PayRequestEvent) => {
      const { request } = event.detail;
      // As a fetch('/orders', …) would answer, a moment later.
      event.detail.waitUntil(aTimeout(20).then(() => ({ merchantUid: 'order-1042', amount: 1004 })).then((order) => {
        request.merchant_uid = order.merchantUid;
        request.amount = order.amount;
      }));
    });
    const result = await element.pay();
    expect(imp.requests.map((request) => request.merchant_uid)).to.deep.equal(['order-1042']);
    expect(result.status === 'success' && result.detail.merchantUid).to.equal('order-1042');
  });

  it('sends and saves the request as it stood when the listeners were done: a change after that, without waitUntil, reaches neither', async () => {
    const imp = installImp('error-code');
    const element = await widget({});
    let drawn = '';
    element.addEventListener('pay-request', (event: PayRequestEvent) => {
      const { request } = event.detail;
      drawn = request.merchant_uid;
      // An async listener that awaited its server and forgot waitUntil: it lands while the SDK loads.
      void Promise.resolve().then(() => {
        request.merchant_uid = `order_${undefined}`;
        request.amount = 1;
      });
    });
    const result = await element.pay();
    expect(imp.requests.map((request) => [request.merchant_uid, request.amount])).to.deep.equal([[drawn, 1004]]);
    expect(result.status === 'fail' && result.detail.merchantUid).to.equal(drawn);
    // The declined attempt's record is gone: none is left for a crafted link under another id.
    expect(Object.keys(sessionStorage).filter((key) => key.startsWith('paymentwall-pay:attempt:'))).to.deep.equal([]);
  });

  it('opens one payment window at a time on a page: a second widget’s pay() meanwhile ends in aborted, sending nothing, and pays once the first window closed', async () => {
    // Two taps while the SDK loads: PortOne's V1 SDK keeps only the last call, and the first widget would wait for ever.
    const imp = installImp('never');
    const first = await widget({ 'order-name': 'T-shirt' });
    const second = await widget({ 'order-name': 'Socks' });
    const paying = first.pay();
    const result = await quietly(() => second.pay());
    expect(result.status === 'fail' && result.detail.code).to.equal('aborted');
    expect(imp.requests.map((request) => request.name)).to.deep.equal(['T-shirt']);
    // Once the first window is open, not even the second widget's pay-request (which may make an order on the server).
    const heard: string[] = [];
    second.addEventListener('pay-request', () => heard.push('pay-request'));
    await waitUntil(() => imp.requests.length === 1, 'the first window opens');
    expect((await quietly(() => second.pay())).status).to.equal('fail');
    expect(heard).to.deep.equal([]);
    imp.respond(declinedResponse(imp.requests[0]!));
    expect((await paying).status).to.equal('fail');
    imp.answer = 'success';
    expect((await second.pay()).status).to.equal('success');
    expect(imp.requests.map((request) => request.name)).to.deep.equal(['T-shirt', 'Socks']);
  });

  it('lets another widget open its window once the first has gone a minute without an answer (a window closed with no callback)', async () => {
    const imp = installImp('never');
    const first = await widget({ 'order-name': 'T-shirt' });
    const second = await widget({ 'order-name': 'Socks' });
    void first.pay();
    await waitUntil(() => imp.requests.length === 1, 'the first window opens');
    const result = await quietly(() => second.pay());
    expect(result.status === 'fail' && result.detail.code).to.equal('aborted');
    const { now } = performance;
    const later = performance.now() + 60_000;
    performance.now = () => later;
    try {
      void second.pay();
      await waitUntil(() => imp.requests.length === 2, 'the second window opens');
    } finally {
      performance.now = now;
    }
    expect(imp.requests.map((request) => request.name)).to.deep.equal(['T-shirt', 'Socks']);
  });

  it('still pays when the page disables the widget while its attempt waits (disabled bound to the app’s own submitting state)', async () => {
    // To stop a started payment (sold out), the page rejects its waitUntil promise.
    const imp = installImp('success');
    const element = await widget({});
    const held = holdPayRequest(element);
    const paying = element.pay();
    await held.heard();
    element.disabled = true;
    held.release();
    expect((await paying).status).to.equal('success');
    expect(imp.requests).to.have.length(1);
  });

  it('stays Paid when the page sets the currency again in another case (krw, then KRW)', async () => {
    const imp = installImp('success');
    const element = await widget({ currency: 'krw' });
    expect((await element.pay()).status).to.equal('success');
    element.currency = 'KRW';
    await element.updateComplete;
    expect(text(button(element))).to.equal('Paid');
    expect((await element.pay()).status, 'no second charge').to.equal('cancelled');
    expect(imp.requests).to.have.length(1);
  });

  it('ends in pay-fail aborted when a waitUntil promise rejects', async () => {
    const imp = installImp('success');
    const element = await widget({});
    element.addEventListener('pay-request', (event: PayRequestEvent) => {
      event.detail.waitUntil(Promise.reject(new Error('stock ran out')));
    });
    const originalWarn = console.warn;
    console.warn = () => {};
    try {
      const fail = nextEvent<PayFailEvent>(element, 'pay-fail');
      const result = await element.pay();
      const { detail } = await fail;
      expect(detail).to.include({ code: 'aborted', via: 'local' });
      expect(result.status).to.equal('fail');
      expect(imp.requests).to.have.length(0);
    } finally {
      console.warn = originalWarn;
    }
  });

  it('is busy while in flight: button disabled, aria-busy, a busy label', async () => {
    const imp = installImp('never');
    const element = await widget({});
    const label = text(button(element));
    expect(label).to.equal('Pay ₩1,004');
    void element.pay();
    await waitUntil(() => imp.requests.length === 1);
    await element.updateComplete;
    expect(button(element).disabled).to.equal(true);
    expect(button(element).getAttribute('aria-busy')).to.equal('true');
    expect(text(button(element))).to.equal('Processing payment…');
    imp.respond({ imp_uid: 'imp_1', merchant_uid: imp.requests[0]!.merchant_uid, error_code: 'F400' });
    await waitUntil(() => !button(element).disabled);
    expect(button(element).hasAttribute('aria-busy')).to.equal(false);
    expect(text(button(element))).to.equal(label);
  });

  it('a second click or pay() while paying starts no second payment and shares the outcome', async () => {
    const imp = installImp('never');
    const element = await widget({});
    const events = recordEvents(element, 'pay-request', 'pay-success');
    const first = element.pay();
    const second = element.pay();
    button(element).click();
    shadow(element).querySelector('form')!.requestSubmit();
    await waitUntil(() => imp.requests.length === 1);
    const third = element.pay();
    imp.respond({ imp_uid: 'imp_1', merchant_uid: imp.requests[0]!.merchant_uid });
    const results = await Promise.all([first, second, third]);
    expect(imp.requests).to.have.length(1);
    expect(events.map((event) => event.type)).to.deep.equal(['pay-request', 'pay-success']);
    expect(results[1]).to.equal(results[0]);
    expect(results[2]).to.equal(results[0]);
  });

  it('reports the first callback only when PortOne calls back twice', async () => {
    installImp('twice');
    const element = await widget({});
    const events = recordEvents(element, 'pay-success', 'pay-fail');
    const result = await element.pay();
    await aTimeout(50);
    expect(result.status).to.equal('success');
    expect(events.map((event) => event.type)).to.deep.equal(['pay-success']);
  });

  it('reports a callback made before request_pay returns', async () => {
    installImp('sync-success');
    const element = await widget({});
    expect((await element.pay()).status).to.equal('success');
  });

  for (const [answer, pgCode] of [
    ['error-code', 'F1002'],
    ['success-false', 'F400'],
    ['imp-success-false', undefined],
  ] as const) {
    it(`ends in pay-fail pg-error when PortOne answers ${answer}`, async () => {
      const imp = installImp(answer);
      const element = await widget({});
      const events = recordEvents(element, 'pay-success', 'pay-fail');
      const result = await element.pay();
      expect(events.map((event) => event.type)).to.deep.equal(['pay-fail']);
      const { detail } = events[0] as PayFailEvent;
      expect(result).to.deep.equal({ status: 'fail', detail });
      expect(detail).to.include({ via: 'callback', code: 'pg-error', merchantUid: imp.requests[0]!.merchant_uid });
      expect(detail.pgCode).to.equal(pgCode);
      expect(detail.message).to.equal('The payment was not completed.');
      const status = shadow(element).querySelector('[part="status"]')!;
      expect(status.getAttribute('role')).to.equal('alert');
      expect(text(status)).to.contain('The payment was not completed.');
      if (detail.pgMessage) expect(text(status)).to.contain(detail.pgMessage);
    });
  }

  it('shows PortOne’s error_msg as text only: markup in it makes no element', async () => {
    const imp = installImp('never');
    const element = await widget({});
    const paying = element.pay();
    await waitUntil(() => imp.requests.length === 1, 'request_pay called');
    const markup = 'Declined <img src="/none.png" onerror="window.__pgInjected = 1"><a href="https://evil.example/">call us</a>';
    imp.respond({ imp_uid: 'imp_1', merchant_uid: imp.requests[0]!.merchant_uid, error_code: 'F400', error_msg: markup });
    await paying;
    await element.updateComplete;
    const status = shadow(element).querySelector('[part="status"]')!;
    expect(text(status)).to.contain(markup);
    expect(status.querySelectorAll('img, a'), 'no element made from PortOne’s text').to.have.length(0);
    expect((window as { __pgInjected?: number }).__pgInjected).to.equal(undefined);
  });

  it('ends in pay-fail sdk-error when request_pay throws, and can be tried again', async () => {
    const imp = installImp('throws');
    const element = await widget({});
    const originalError = console.error;
    console.error = () => {};
    try {
      const result = await element.pay();
      expect(result.status === 'fail' && result.detail.code).to.equal('sdk-error');
      expect(sessionStorage.length, 'no attempt left behind').to.equal(0);
    } finally {
      console.error = originalError;
    }
    imp.answer = 'success';
    expect((await element.pay()).status).to.equal('success');
  });

  it('stays busy while PortOne never answers, reporting nothing', async () => {
    const imp = installImp('never');
    const element = await widget({});
    const events = recordEvents(element, 'pay-success', 'pay-fail');
    void element.pay();
    await aTimeout(100);
    expect(imp.requests).to.have.length(1);
    expect(events).to.have.length(0);
    expect(button(element).getAttribute('aria-busy')).to.equal('true');
  });

  it('gives each attempt a fresh merchant_uid, a retry after failure too', async () => {
    const imp = installImp('success-false');
    const element = await widget({});
    await element.pay();
    imp.answer = 'success';
    await element.pay();
    element.reset();
    await element.pay();
    const ids = imp.requests.map((request) => request.merchant_uid);
    expect(new Set(ids).size).to.equal(3);
  });

  it('keeps merchant-uid when set', async () => {
    const imp = installImp('success-false');
    const element = await widget({ 'merchant-uid': 'order-77' });
    await element.pay();
    await element.pay();
    expect(imp.requests.map((request) => request.merchant_uid)).to.deep.equal(['order-77', 'order-77']);
  });

  it('lets a pay-fail listener retry at once, as a new attempt', async () => {
    const imp = installImp('success-false');
    const element = await widget({});
    let retry: Promise<unknown> | undefined;
    element.addEventListener(
      'pay-fail',
      () => {
        imp.answer = 'success';
        retry = element.pay();
      },
      { once: true },
    );
    await element.pay();
    const retried = (await retry) as { status: string };
    expect(retried.status).to.equal('success');
    expect(imp.requests).to.have.length(2);
  });

  it('keeps what the buyer typed after a failure and a cancel', async () => {
    const imp = installImp('success-false');
    const element = await widget({ fields: 'tel' }, false);
    await fill(element, 'name', 'Mary Ann');
    await fill(element, 'email', 'mary@example.com');
    await fill(element, 'tel', '010-1111-2222');
    await element.pay();
    element.addEventListener('pay-request', (event) => event.preventDefault(), { once: true });
    imp.answer = 'success';
    await element.pay();
    const values = Array.from(shadow(element).querySelectorAll('input'), (input) => input.value);
    expect(values).to.deep.equal(['Mary Ann', 'mary@example.com', '010-1111-2222']);
  });

  it('does nothing while disabled', async () => {
    const imp = installImp('success');
    const element = await widget({ disabled: '' });
    expect(button(element).disabled).to.equal(true);
    expect(await element.pay()).to.deep.equal({ status: 'cancelled' });
    expect(imp.requests).to.have.length(0);
  });

  it('shows a translated success message', async () => {
    installImp('success');
    const element = await widget({ lang: 'ko' });
    await element.pay();
    await element.updateComplete;
    expect(text(shadow(element).querySelector('[part="status"]'))).to.equal('결제가 완료되었습니다. 감사합니다!');
  });
});
