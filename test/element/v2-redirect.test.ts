// PortOne V2's mobile redirect return (issue 9), with V1's guarantees: reported exactly once, from the
// saved attempt, by the widget that started it; the address cleaned (after a #route too); a crafted
// link shows none of its text; a reload reports nothing again.
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { AttemptStore, type SavedAttempt } from '../../src/attempt-store.js';
import type { PayFailDetailV2, PaySuccessDetailV2, PaymentwallPay } from '../../src/index.js';
import type { V2Attempt } from '../../src/protocols/v2/types.js';
import { declinedResponse, installPortOne } from '../helpers/portone-double.js';
import { button, input, nextEvent, recordEvents, shadow, text, tick, waitUntil } from '../helpers/page.js';
import { OWNER_WAIT, home, navigatedBy, newPageLoad, returnWith } from '../helpers/redirect.js';
import { resetV2Page, v2Widget, v2WidgetElement, VALID_V2 } from '../helpers/v2-widget.js';

const status = (element: HTMLElement) => shadow(element).querySelector('[part="status"]')!;

function stored(overrides: Partial<V2Attempt & SavedAttempt> = {}): V2Attempt {
  const attempt = {
    paymentId: 'pay-redirect-1',
    amount: 150,
    currency: 'USD',
    customerId: 'cust-42',
    buyer: { name: 'Jack Son', email: 'jack@example.com' },
    startedAt: Date.now(),
    ...overrides,
  };
  new AttemptStore<typeof attempt>(sessionStorage).save(attempt);
  return attempt;
}


/** A product card with a V2 widget (no id) in its shadow root, as a shop's design system renders it. */
class V2ProductCard extends HTMLElement {
  constructor() {
    super();
    const widget = document.createElement('paymentwall-pay');
    for (const [name, value] of Object.entries({ ...VALID_V2, 'buyer-name': 'Jack Son', 'buyer-email': 'jack@example.com' })) widget.setAttribute(name, value);
    this.attachShadow({ mode: 'open' }).append(widget);
  }
}
if (!customElements.get('v2-product-card')) customElements.define('v2-product-card', V2ProductCard);

describe('PortOne V2: coming back from a mobile redirect', () => {
  beforeEach(resetV2Page);
  afterEach(async () => {
    // Only when needed: WebKit refuses more than 100 address changes in 10 s.
    if (location.href !== home) history.replaceState(history.state, '', home);
    await resetV2Page();
  });

  it('a pay() on mount at the return address waits for that return: paid, it opens no second payment window', async () => {
    // A "buy now" page that opens the payment window on mount, which PortOne sent the buyer back to.
    stored({ elementKey: 'paymentwall-pay#card' });
    returnWith({ paymentId: 'pay-redirect-1', txId: 'tx-1' });
    const sdk = installPortOne('never');
    const events = recordEvents(document, 'pay-request', 'pay-success', 'pay-fail');
    const element = document.createElement('paymentwall-pay') as PaymentwallPay;
    for (const [name, value] of Object.entries({ ...VALID_V2, 'buyer-name': 'Jack Son', 'buyer-email': 'jack@example.com', id: 'card' })) element.setAttribute(name, value);
    document.body.append(element);
    try {
      // Raced, so a payment window left open fails the test rather than hanging it.
      const result = await Promise.race([element.pay(), tick(2000).then(() => ({ status: 'still paying' }))]);
      expect(result.status).to.equal('cancelled');
      expect(events.map((event) => event.type)).to.deep.equal(['pay-success']);
      expect(sdk.requests, 'no second payment window').to.have.length(0);
      await element.updateComplete;
      expect(text(button(element))).to.equal('Paid');
    } finally {
      element.remove();
    }
  });

  it('a field edited while a tap waits for the address’s return is checked again before anything is sent', async () => {
    // A link with a result nobody here saved: the tap waits until it has been read, and the buyer types on.
    returnWith({ paymentId: 'pay-nobody-saved', txId: 'tx-1' });
    const sdk = installPortOne();
    const element = document.createElement('paymentwall-pay') as PaymentwallPay;
    for (const [name, value] of Object.entries({ ...VALID_V2, 'buyer-name': 'Jack Son', 'buyer-email': 'jack@example.com' })) element.setAttribute(name, value);
    document.body.append(element);
    try {
      await element.updateComplete;
      const paying = element.pay();
      // The attempt has started, and waits for the return to be read.
      for (let turn = 0; turn < 5; turn++) await Promise.resolve();
      expect(sdk.requests).to.have.length(0);
      const email = input(element, 'email');
      email.value = 'jack@';
      email.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
      expect((await paying).status).to.equal('invalid');
      expect(sdk.requests, 'nothing sent').to.have.length(0);
      await element.updateComplete;
      expect(email.getAttribute('aria-invalid')).to.equal('true');
    } finally {
      element.remove();
    }
  });

  it('does not show Paid on a widget at the paying one’s place that sells another order', async () => {
    // The return lands where a widget with the same key sells something else (an upsell on /thanks).
    stored({ elementKey: 'paymentwall-pay#card', order: 'the order of the widget that paid' });
    returnWith({ paymentId: 'pay-redirect-1', txId: 'tx-1' });
    const element = await v2Widget({ id: 'card', amount: '9900', 'order-name': 'Add-on' });
    const { detail } = await nextEvent<CustomEvent<PaySuccessDetailV2>>(element, 'pay-success');
    expect(detail.amount).to.equal(150);
    await element.updateComplete;
    expect(text(button(element))).not.to.equal('Paid');
    expect(button(element).disabled).to.equal(false);
  });

  it('reports success once with via redirect from the saved attempt, and cleans the address bar', async () => {
    stored();
    returnWith({ paymentId: 'pay-redirect-1', keep: 'me' });
    const events = recordEvents(document, 'pay-success', 'pay-fail');
    const element = await v2Widget({ 'buyer-name': null, 'buyer-email': null });
    const { detail } = await nextEvent<CustomEvent<PaySuccessDetailV2>>(element, 'pay-success');
    await tick(OWNER_WAIT);
    expect(events).to.have.length(1);
    expect(detail).to.deep.equal({
      protocol: 'v2',
      via: 'redirect',
      paymentId: 'pay-redirect-1',
      merchantUid: 'pay-redirect-1',
      impUid: '',
      amount: 150,
      currency: 'USD',
      customerId: 'cust-42',
      buyer: { name: 'Jack Son', email: 'jack@example.com' },
      response: { paymentId: 'pay-redirect-1' },
    });
    const url = new URL(location.href);
    expect(url.searchParams.has('paymentId')).to.equal(false);
    expect(url.searchParams.get('keep')).to.equal('me');
    expect(sessionStorage.getItem('paymentwall-pay:attempt:pay-redirect-1')).to.equal(null);
    await element.updateComplete;
    expect(status(element).getAttribute('data-kind')).to.equal('success');
  });

  it('shows again what the buyer typed before leaving, when the payment failed', async () => {
    stored({ buyer: { name: 'Jack Son', email: 'jack@example.com' } });
    returnWith({ paymentId: 'pay-redirect-1', code: 'FAILURE_TYPE_PG', message: 'declined' });
    const element = await v2Widget({}, false);
    await nextEvent<CustomEvent<PayFailDetailV2>>(element, 'pay-fail');
    await element.updateComplete;
    expect(['name', 'email'].map((name) => input(element, name).value)).to.deep.equal(['Jack Son', 'jack@example.com']);
  });

  it('reports a failure with PortOne’s code and message and the PG’s, and shows the PG’s reason', async () => {
    stored();
    returnWith({ paymentId: 'pay-redirect-1', txId: 'tx-9', code: 'FAILURE_TYPE_PG', message: '[PAYMENTWALL] 카드 승인 거절', pgCode: 'DECLINED', pgMessage: 'Card declined' });
    const element = await v2Widget();
    const { detail } = await nextEvent<CustomEvent<PayFailDetailV2>>(element, 'pay-fail');
    expect(detail).to.deep.include({
      protocol: 'v2',
      via: 'redirect',
      code: 'pg-error',
      paymentId: 'pay-redirect-1',
      txId: 'tx-9',
      impUid: 'tx-9',
      portOneCode: 'FAILURE_TYPE_PG',
      portOneMessage: '[PAYMENTWALL] 카드 승인 거절',
      pgCode: 'DECLINED',
      pgMessage: 'Card declined',
    });
    await element.updateComplete;
    expect(text(status(element))).to.contain('Card declined');
    for (const name of ['paymentId', 'txId', 'code', 'message', 'pgCode', 'pgMessage']) expect(new URL(location.href).searchParams.has(name), name).to.equal(false);
  });

  it('goes round trip through the double: the URL PortOne would open is reported by the widget that paid', async () => {
    const sdk = installPortOne('redirect-decline');
    const first = await v2Widget();
    void first.pay();
    await waitUntil(() => sdk.redirects.length === 1, 'the redirect');
    first.remove();
    newPageLoad();
    history.replaceState(history.state, '', sdk.redirects[0]!);
    const again = await v2Widget();
    const { detail } = await nextEvent<CustomEvent<PayFailDetailV2>>(again, 'pay-fail');
    expect(detail).to.deep.include({ via: 'redirect', code: 'pg-error', paymentId: sdk.requests[0]!.paymentId, pgMessage: 'Card declined' });
  });

  it('leaves a plain link with the page’s own paymentId alone: no report, address untouched', async () => {
    returnWith({ paymentId: 'INV-42' });
    const events = recordEvents(document, 'pay-success', 'pay-fail');
    const element = await v2Widget({ 'payment-id': 'INV-42' });
    await tick(OWNER_WAIT);
    expect(events).to.have.length(0);
    expect(new URL(location.href).searchParams.get('paymentId')).to.equal('INV-42');
    expect(button(element).disabled).to.equal(false);
  });

  it('ignores a paymentId it neither saved nor is configured with', async () => {
    stored();
    returnWith({ paymentId: 'someone-else', txId: 'tx-1' });
    const events = recordEvents(document, 'pay-success', 'pay-fail');
    await v2Widget();
    await tick(OWNER_WAIT);
    expect(events).to.have.length(0);
    expect(new URL(location.href).searchParams.get('paymentId')).to.equal('someone-else');
  });

  it('ignores a crafted link with a result for its payment-id when it saved no attempt: no report, still payable', async () => {
    returnWith({ paymentId: 'INV-42', txId: 'tx-anything', code: 'X', message: 'Call +1 555 0100 to finish paying', pgMessage: 'Visit evil.example' });
    const events = recordEvents(document, 'pay-success', 'pay-fail');
    const element = await v2Widget({ 'payment-id': 'INV-42' });
    await tick(OWNER_WAIT);
    expect(events).to.have.length(0);
    expect(text(status(element))).to.equal('');
    expect(button(element).disabled).to.equal(false);
  });

  it('reports a "result" for an attempt the buyer came back from without one as unconfirmed: a crafted ?paymentId= for a fixed payment-id', async () => {
    stored({ paymentId: 'INV-42', load: 'an-earlier-load' });
    await v2Widget({ 'payment-id': 'INV-42' });
    await tick(30);
    fixtureCleanup();
    // (With a pgCode or pgMessage it would read as a failure: PortOne sends those only with one.)
    returnWith({ paymentId: 'INV-42', txId: 'tx-1', message: 'Call +1 555 0100', transactionType: 'PAYMENT' });
    const element = await v2Widget({ 'payment-id': 'INV-42' });
    const { detail } = await nextEvent<CustomEvent<PaySuccessDetailV2>>(element, 'pay-success');
    expect(detail).to.deep.include({ via: 'redirect', paymentId: 'INV-42', txId: 'tx-1', unconfirmed: true });
    // Its ids, for the server to verify; none of its text.
    expect(detail.response).to.deep.equal({ paymentId: 'INV-42', txId: 'tx-1' });
    await element.updateComplete;
    expect(button(element).disabled, 'not locked as paid').to.equal(false);
  });

  it('where sessionStorage is blocked, reports a result for its payment-id as unconfirmed and shows none of its text', async () => {
    const { setItem } = Storage.prototype;
    Storage.prototype.setItem = () => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    };
    try {
      returnWith({ paymentId: 'INV-42', code: 'X', message: 'Call +1 555 0100 to finish paying', pgMessage: 'Visit evil.example' });
      const element = await v2Widget({ 'payment-id': 'INV-42' });
      const { detail } = await nextEvent<CustomEvent<PayFailDetailV2>>(element, 'pay-fail');
      expect(detail).to.deep.include({ code: 'pg-error', unconfirmed: true });
      expect(JSON.stringify(detail)).not.to.contain('555');
      expect(JSON.stringify(detail)).not.to.contain('evil');
      await element.updateComplete;
      const shown = text(shadow(element).querySelector('form'));
      expect(shown).not.to.contain('555');
      expect(shown).not.to.contain('evil');
      expect(text(status(element))).to.equal('The payment was not completed.');
      expect(new URL(location.href).searchParams.has('paymentId')).to.equal(false);
    } finally {
      Storage.prototype.setItem = setItem;
    }
  });

  it('where sessionStorage is blocked, still leaves the page’s own ?paymentId= link alone: no report, address untouched', async () => {
    const { setItem } = Storage.prototype;
    Storage.prototype.setItem = () => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    };
    try {
      returnWith({ paymentId: 'INV-42' });
      const events = recordEvents(document, 'pay-success', 'pay-fail');
      const element = await v2Widget({ 'payment-id': 'INV-42' });
      await tick(OWNER_WAIT);
      expect(events, 'a bare paymentId carries no PortOne result').to.have.length(0);
      expect(new URL(location.href).searchParams.get('paymentId')).to.equal('INV-42');
      expect(button(element).disabled).to.equal(false);
    } finally {
      Storage.prototype.setItem = setItem;
    }
  });

  it('does not report again on a reload', async () => {
    stored();
    returnWith({ paymentId: 'pay-redirect-1' });
    const first = await v2Widget();
    await nextEvent(first, 'pay-success');
    first.remove();
    // A reload: the page state is new, sessionStorage is not, and the URL may come back whole.
    newPageLoad();
    returnWith({ paymentId: 'pay-redirect-1' });
    const events = recordEvents(document, 'pay-success', 'pay-fail');
    await v2Widget({ 'payment-id': 'pay-redirect-1' });
    await tick(OWNER_WAIT);
    expect(events).to.have.length(0);
    expect(new URL(location.href).searchParams.has('paymentId')).to.equal(false);
  });

  it('is reported by exactly one of several widgets: the one that started it', async () => {
    stored({ elementKey: 'paymentwall-pay#second-card' });
    returnWith({ paymentId: 'pay-redirect-1' });
    const events = recordEvents(document, 'pay-success', 'pay-fail');
    const wrapper = await fixture<HTMLDivElement>(html`<div>
      <paymentwall-pay id="first-card" store-id="store-1" channel-key="k" customer-id="c" amount="100" currency="USD" order-name="a"></paymentwall-pay>
      <paymentwall-pay id="second-card" store-id="store-1" channel-key="k" customer-id="c" amount="200" currency="USD" order-name="b"></paymentwall-pay>
      <paymentwall-pay id="third-card" store-id="store-1" channel-key="k" customer-id="c" amount="300" currency="USD" order-name="c"></paymentwall-pay>
    </div>`);
    await waitUntil(() => events.length > 0, 'a report');
    await tick(OWNER_WAIT);
    expect(events.map((event) => (event.target as Element).id)).to.deep.equal(['second-card']);
    expect(wrapper.querySelectorAll('paymentwall-pay')).to.have.length(3);
  });

  it('tells widgets in different shadow roots apart: the third product card hears its own return', async () => {
    const sdk = installPortOne('redirect-approve');
    const cards = () =>
      fixture<HTMLDivElement>(html`<div><v2-product-card></v2-product-card><v2-product-card></v2-product-card><v2-product-card></v2-product-card></div>`);
    const before = await cards();
    const third = before.children[2]!.shadowRoot!.querySelector('paymentwall-pay') as PaymentwallPay;
    await third.updateComplete;
    void third.pay();
    await waitUntil(() => sdk.redirects.length === 1, 'the third card pays');
    before.remove();
    newPageLoad();
    history.replaceState(history.state, '', sdk.redirects[0]!);
    const events = recordEvents(document, 'pay-success', 'pay-fail');
    const after = await cards();
    await waitUntil(() => events.length > 0, 'a report');
    await tick(OWNER_WAIT);
    expect(events.map((event) => Array.from(after.children).indexOf(event.target as Element))).to.deep.equal([2]);
    expect(events[0]!.type).to.equal('pay-success');
  });

  it('reads PortOne’s result after a #route in redirect-url, and cleans it there (hash routing)', async () => {
    stored();
    const route = `${home.split('#')[0]}#/payment/done`;
    history.replaceState(history.state, '', `${route}?paymentId=pay-redirect-1&txId=tx-7`);
    const element = await v2Widget({ 'redirect-url': route });
    const { detail } = await nextEvent<CustomEvent<PaySuccessDetailV2>>(element, 'pay-success');
    expect(detail).to.deep.include({ via: 'redirect', paymentId: 'pay-redirect-1', txId: 'tx-7' });
    expect(location.hash).to.equal('#/payment/done');
  });

  it('a V1 widget does not report a V2 attempt’s return, even under the same order id', async () => {
    stored();
    returnWith({ paymentId: 'pay-redirect-1', imp_uid: 'imp_1', merchant_uid: 'pay-redirect-1' });
    const events = recordEvents(document, 'pay-success', 'pay-fail');
    const v1 = document.createElement('paymentwall-pay') as PaymentwallPay;
    for (const [name, value] of Object.entries({ 'imp-code': 'imp1', 'channel-key': 'k', amount: '1', currency: 'KRW', 'order-name': 'a' })) v1.setAttribute(name, value);
    await fixture(v1);
    await tick(OWNER_WAIT);
    expect(events).to.have.length(0);
    expect(new URL(location.href).searchParams.get('paymentId')).to.equal('pay-redirect-1');
  });

  for (const later of [0, 50]) {
    it(`reports a return when a framework sets store-id ${later} ms after the first render`, async () => {
      stored({ paymentId: 'pay-late-1' });
      returnWith({ paymentId: 'pay-late-1', transactionType: 'PAYMENT', txId: 'tx-1' });
      const element = document.createElement('paymentwall-pay') as PaymentwallPay;
      for (const [name, value] of Object.entries(VALID_V2)) if (name !== 'store-id') element.setAttribute(name, value);
      const events = recordEvents(element, 'pay-success', 'pay-fail');
      const error = console.error;
      console.error = () => {};
      try {
        await fixture(element);
        await tick(later);
        element.storeId = VALID_V2['store-id'];
        await waitUntil(() => events.length > 0, 'a report');
        await tick(OWNER_WAIT);
      } finally {
        console.error = error;
      }
      expect(events.map((event) => event.type)).to.deep.equal(['pay-success']);
      expect(new URL(location.href).searchParams.has('paymentId'), 'address cleaned').to.equal(false);
    });
  }

  // Without store-id it is no V2 widget yet, and another reports its return; with store-id and
  // without customer-id (the signed-in buyer's, bound after a fetch) it reports its own, its order
  // not all there yet.
  for (const late of [['store-id'], ['store-id', 'customer-id'], ['customer-id']]) {
    it(`shows Paid on the widget that paid when its ${late.join(' and ')} come${late.length > 1 ? '' : 's'} only after its return was reported`, async () => {
      const sdk = installPortOne('never');
      void (await v2Widget({})).pay();
      await waitUntil(() => sdk.requests.length === 1, 'requestPayment called');
      const sent = sdk.requests[0]!;
      fixtureCleanup();
      returnWith({ paymentId: sent.paymentId, txId: 'tx-late' });
      const events = recordEvents(document, 'pay-success', 'pay-fail');
      const page = document.createElement('div');
      // The widget that paid, whose settings (store-id) a framework loads later; and a header offer.
      const paid = v2WidgetElement(Object.fromEntries(late.map((name) => [name, null])), false);
      page.append(paid, v2WidgetElement({ 'order-name': 'Header offer' }, false));
      const error = console.error;
      console.error = () => {};
      try {
        await fixture(page);
        await waitUntil(() => events.length > 0, 'a report');
        await tick(OWNER_WAIT);
        // One setting at a time, as separate requests answer.
        for (const name of late) {
          paid.setAttribute(name, VALID_V2[name]!);
          await paid.updateComplete;
        }
      } finally {
        console.error = error;
      }
      expect(events.map((event) => event.type)).to.deep.equal(['pay-success']);
      expect(text(button(paid)), 'no second payment of the paid order').to.equal('Paid');
      expect(input(paid, 'name').value).to.equal('Jack Son');
      expect((await paid.pay()).status).to.equal('cancelled');
      expect(sdk.requests).to.have.length(1);
    });
  }

  it('is reported by a V2 widget when a V1 widget stands where the one that started it stood', async () => {
    stored({ paymentId: 'pay-moved-1', elementKey: 'paymentwall-pay:0' });
    returnWith({ paymentId: 'pay-moved-1', txId: 'tx-1' });
    const events = recordEvents(document, 'pay-success', 'pay-fail');
    const page = await fixture<HTMLElement>(html`<div>
      <paymentwall-pay imp-code="imp1" channel-key="k" amount="1" currency="KRW" order-name="a"></paymentwall-pay>
    </div>`);
    const v2 = document.createElement('paymentwall-pay') as PaymentwallPay;
    for (const [name, value] of Object.entries(VALID_V2)) v2.setAttribute(name, value);
    page.append(v2);
    await waitUntil(() => events.length > 0, 'a report');
    await tick(OWNER_WAIT);
    expect(events.map((event) => [event.type, event.target])).to.deep.equal([['pay-success', v2]]);
  });
});

/** A V2 page whose own address carries `?paymentId=` for its fixed payment-id, as PortOne's bare success query does. */
describe('PortOne V2: a page whose own address carries its paymentId', () => {
  beforeEach(resetV2Page);
  afterEach(async () => {
    history.replaceState(history.state, '', home);
    await resetV2Page();
  });

  /**
   * Pays on /checkout?paymentId=ORD-1, then plays the next page load (`type`), at the same address
   * or, with `hash`, at that address with this #route; waits for `reports` reports (and a while for more).
   */
  async function leaveAndLoadAgain(type: NavigationTimingType, hash = '', reports = 0): Promise<{ events: CustomEvent[]; element: PaymentwallPay }> {
    returnWith({ paymentId: 'ORD-1' });
    const sdk = installPortOne('never');
    const paying = await v2Widget({ 'payment-id': 'ORD-1' });
    void paying.pay();
    await waitUntil(() => sdk.requests.length === 1, 'requestPayment called');
    fixtureCleanup();
    newPageLoad();
    // That attempt was sent by the page before this load; its clock read later than this load's
    // timeOrigin, as after a device slept: only the load's id tells them apart.
    const store = new AttemptStore<SavedAttempt>(sessionStorage);
    store.save({ ...store.get('ORD-1')!, load: 'an-earlier-load', startedAt: Date.now() });
    if (hash) history.replaceState(history.state, '', Object.assign(new URL(location.href), { hash }).href);
    const restore = navigatedBy(type);
    try {
      const events = recordEvents(document, 'pay-success', 'pay-fail');
      const element = await v2Widget({ 'payment-id': 'ORD-1' });
      if (reports) await waitUntil(() => events.length >= reports, 'a report');
      await tick(OWNER_WAIT);
      await element.updateComplete;
      return { events, element };
    } finally {
      restore();
    }
  }

  it('a pay() on mount there is reported once, with PortOne’s answer, not read as its own return', async () => {
    returnWith({ paymentId: 'ORD-1' });
    const sdk = installPortOne('never');
    const events = recordEvents(document, 'pay-success', 'pay-fail');
    const element = await v2Widget({ 'payment-id': 'ORD-1' });
    const paying = element.pay();
    await waitUntil(() => sdk.requests.length === 1, 'requestPayment called');
    await tick(OWNER_WAIT);
    sdk.resolve(declinedResponse(sdk.requests[0]!));
    await paying;
    expect(events.map((event) => `${event.type} ${event.detail.via}`)).to.deep.equal(['pay-fail callback']);
  });

  for (const type of ['reload', 'back_forward'] as const) {
    it(`a ${type} while the attempt is open reports nothing, leaves the address, and marks the attempt left`, async () => {
      const { events, element } = await leaveAndLoadAgain(type);
      expect(events).to.have.length(0);
      expect(new URL(location.href).searchParams.get('paymentId')).to.equal('ORD-1');
      expect(button(element).disabled).to.equal(false);
      expect(new AttemptStore<SavedAttempt>(sessionStorage).get('ORD-1')?.abandoned).to.equal(true);
    });
  }

  it('any other load there with just that address is reported unconfirmed: it may be the page, or PortOne', async () => {
    const { events, element } = await leaveAndLoadAgain('navigate', '', 1);
    expect(events.map((event) => [event.type, event.detail.unconfirmed])).to.deep.equal([['pay-success', true]]);
    expect(text(button(element))).not.to.equal('Paid');
  });

  it('a return at another address, with the same bare query, is PortOne’s and stays confirmed', async () => {
    // PortOne's redirect to the page's redirect-url (or, from a #route, to the page without it).
    const { events, element } = await leaveAndLoadAgain('navigate', '#/done', 1);
    expect(events.map((event) => [event.type, event.detail.unconfirmed])).to.deep.equal([['pay-success', undefined]]);
    expect(text(button(element))).to.equal('Paid');
  });
});

