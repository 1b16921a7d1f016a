import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { AttemptStore, type Attempt, type SavedAttempt } from '../../src/attempt-store.js';
import { pageLoad, sharedState } from '../../src/shared-state.js';
import type { PayFailEvent, PaySuccessEvent, PaymentwallPay } from '../../src/index.js';
import { installImp } from '../helpers/imp-double.js';
import { button, input, nextEvent, quietly, recordEvents, resetPage, shadow, text, tick, waitUntil } from '../helpers/page.js';
import { OWNER_WAIT, home, newPageLoad, returnWith } from '../helpers/redirect.js';
import { VALID, fill, widget, widgetElement } from '../helpers/widget.js';

function stored(overrides: Partial<Attempt & SavedAttempt> = {}): Attempt {
  const attempt: Attempt & Pick<SavedAttempt, 'load'> = {
    merchantUid: 'pw-redirect-1',
    amount: 1004,
    currency: 'KRW',
    buyer: { name: 'Jack Son', email: 'jack@example.com', tel: '010-1234-5678' },
    startedAt: Date.now(),
    ...overrides,
  };
  new AttemptStore(sessionStorage).save(attempt);
  return attempt;
}

/** Waits long enough for any widget to have reported a redirect. */
const settled = () => tick(30);

/** A product card with a widget (no id) in its shadow root, as a shop's design system renders it. */
class ProductCard extends HTMLElement {
  constructor() {
    super();
    const widget = document.createElement('paymentwall-pay');
    for (const [name, value] of Object.entries({ ...VALID, 'buyer-name': 'Jack Son', 'buyer-email': 'jack@example.com' })) {
      widget.setAttribute(name, value);
    }
    this.attachShadow({ mode: 'open' }).append(widget);
  }
}
if (!customElements.get('product-card')) customElements.define('product-card', ProductCard);

describe('coming back from a mobile redirect', () => {
  beforeEach(resetPage);
  afterEach(async () => {
    // Only when needed: WebKit refuses more than 100 address changes in 10 s.
    if (location.href !== home) history.replaceState(history.state, '', home);
    await resetPage();
  });

  it('saves the attempt before calling the SDK, since the callback never runs on mobile', async () => {
    const imp = installImp('never');
    let savedAtCall: string | null = null;
    const original = imp.request_pay;
    imp.request_pay = (params, callback) => {
      savedAtCall = sessionStorage.getItem(`paymentwall-pay:attempt:${params.merchant_uid}`);
      original.call(imp, params, callback);
    };
    const element = await widget({ 'customer-uid': 'cust-9' });
    void element.pay();
    await waitUntil(() => imp.requests.length === 1, 'request_pay called');
    expect(savedAtCall).to.be.a('string');
    expect(JSON.parse(savedAtCall!)).to.deep.include({
      amount: 1004,
      currency: 'KRW',
      customerUid: 'cust-9',
      buyer: { name: 'Jack Son', email: 'jack@example.com' },
    });
  });

  it('reports success once, with via redirect, after the first render, and cleans the address bar', async () => {
    stored();
    returnWith({ imp_uid: 'imp_555', merchant_uid: 'pw-redirect-1', keep: 'me' });
    const element = document.createElement('paymentwall-pay') as PaymentwallPay;
    for (const [name, value] of Object.entries(VALID)) element.setAttribute(name, value);
    let renderedAtEvent = false;
    const success = new Promise<PaySuccessEvent>((resolve) =>
      element.addEventListener('pay-success', (event) => {
        renderedAtEvent = shadow(element).querySelector('form') !== null;
        resolve(event);
      }),
    );
    const events = recordEvents(element, 'pay-success', 'pay-fail');
    await fixture(element);
    const { detail } = await success;
    await settled();
    expect(events).to.have.length(1);
    expect(renderedAtEvent).to.equal(true);
    expect(detail).to.deep.equal({
      via: 'redirect',
      impUid: 'imp_555',
      merchantUid: 'pw-redirect-1',
      amount: 1004,
      currency: 'KRW',
      buyer: { name: 'Jack Son', email: 'jack@example.com', tel: '010-1234-5678' },
      response: { imp_uid: 'imp_555', merchant_uid: 'pw-redirect-1' },
    });
    const url = new URL(location.href);
    expect(url.searchParams.has('imp_uid')).to.equal(false);
    expect(url.searchParams.has('merchant_uid')).to.equal(false);
    expect(url.searchParams.get('keep')).to.equal('me');
    expect(sessionStorage.getItem('paymentwall-pay:attempt:pw-redirect-1')).to.equal(null);
  });

  it('still reports once when the browser refuses to clean the address (Safari’s replaceState limit, a sandboxed frame)', async () => {
    stored();
    returnWith({ imp_uid: 'imp_556', merchant_uid: 'pw-redirect-1' });
    // An own property shadows History.prototype's, for this test only.
    Object.defineProperty(history, 'replaceState', {
      configurable: true,
      value: () => {
        throw new DOMException('history.replaceState() refused', 'SecurityError');
      },
    });
    try {
      const events = recordEvents(document, 'pay-success', 'pay-fail');
      await widget({});
      await waitUntil(() => events.length === 1, 'the return reported');
      expect((events[0] as PaySuccessEvent).detail.impUid).to.equal('imp_556');
      // The address still carries the result: a widget mounted later on this page does not tell it again.
      expect(location.search).to.contain('imp_556');
      await widget({});
      await tick(OWNER_WAIT);
      expect(events).to.have.length(1);
    } finally {
      delete (history as { replaceState?: unknown }).replaceState;
    }
  });

  it('reports a failure with PortOne’s error_code and error_msg', async () => {
    stored();
    returnWith({ imp_uid: 'imp_556', merchant_uid: 'pw-redirect-1', error_code: 'F0000', error_msg: '사용자가 결제를 취소하셨습니다' });
    const element = await widget({ lang: 'ko' });
    const { detail } = await nextEvent<PayFailEvent>(element, 'pay-fail');
    expect(detail).to.deep.include({
      via: 'redirect',
      code: 'pg-error',
      merchantUid: 'pw-redirect-1',
      impUid: 'imp_556',
      pgCode: 'F0000',
      pgMessage: '사용자가 결제를 취소하셨습니다',
      // The buyer closed the window: the widget's own words, in its language.
      message: '결제창을 닫아 결제가 진행되지 않았습니다. 다시 시도할 수 있습니다.',
      closed: true,
    });
  });

  /**
   * The buyer arrives by a crafted link carrying result names, pays on a phone (the SDK leaves the
   * page), and PortOne's 302 appends its own query to the m_redirect_url the widget sent.
   */
  async function payFromCraftedLink(landing: string, portOne: (merchantUid: string) => string) {
    returnWith(Object.fromEntries(new URLSearchParams(landing)));
    const imp = installImp('never');
    void (await widget({})).pay();
    await waitUntil(() => imp.requests.length === 1, 'request_pay called');
    const sent = imp.requests[0]!;
    // A new page load: the widget is gone, the tab's saved attempt stays.
    fixtureCleanup();
    history.replaceState(history.state, '', `${sent.m_redirect_url}&${portOne(sent.merchant_uid)}`);
    const events = recordEvents(document, 'pay-success', 'pay-fail');
    const element = await widget({});
    await waitUntil(() => events.length > 0, 'the return reported');
    await settled();
    return { events, element };
  }

  it('reports a declined payment as failed though the link it started from said success', async () => {
    const { events } = await payFromCraftedLink('error_code=&imp_success=true&success=true', (id) => `imp_uid=imp_1&merchant_uid=${id}&error_code=F400&error_msg=declined`);
    expect(events.map((event) => event.type)).to.deep.equal(['pay-fail']);
    expect((events[0] as PayFailEvent).detail).to.deep.include({ code: 'pg-error', pgCode: 'F400', pgMessage: 'declined' });
  });

  it('reports a paid payment as paid, showing none of the text in the link it started from', async () => {
    const { events, element } = await payFromCraftedLink('imp_success=false&error_msg=Call%20%2B1%20555%200100', (id) => `imp_uid=imp_2&merchant_uid=${id}`);
    expect(events.map((event) => event.type)).to.deep.equal(['pay-success']);
    expect((events[0] as PaySuccessEvent).detail.impUid).to.equal('imp_2');
    expect(text(shadow(element).querySelector('[part="status"]'))).not.to.contain('555');
  });

  it('shows again what the buyer typed before leaving, when the payment failed, so a retry needs no retyping', async () => {
    stored({ buyer: { name: 'Jack Son', email: 'jack@example.com', tel: '010-1234-5678' } });
    returnWith({ imp_uid: 'imp_560', merchant_uid: 'pw-redirect-1', error_code: 'F400', error_msg: 'declined' });
    const element = await widget({}, false);
    await nextEvent<PayFailEvent>(element, 'pay-fail');
    await element.updateComplete;
    expect(['name', 'email', 'tel'].map((name) => input(element, name).value)).to.deep.equal(['Jack Son', 'jack@example.com', '010-1234-5678']);
    expect(button(element).disabled).to.equal(false);
  });

  it('shows what the buyer typed beside "Paid" after a paid return, as when the window answers in place', async () => {
    stored({ buyer: { name: 'Jack Son', email: 'jack@example.com' } });
    returnWith({ imp_uid: 'imp_562', merchant_uid: 'pw-redirect-1' });
    const element = await widget({}, false);
    await nextEvent<PaySuccessEvent>(element, 'pay-success');
    await element.updateComplete;
    expect(text(button(element))).to.equal('Paid');
    expect(['name', 'email'].map((name) => input(element, name).value)).to.deep.equal(['Jack Son', 'jack@example.com']);
  });

  it('reported by a widget for another order, since the one that paid is gone: no paid state, none of that buyer\'s details', async () => {
    stored({ elementKey: 'paymentwall-pay#card-a', buyer: { name: 'Jack Son', email: 'jack@example.com' } });
    returnWith({ imp_uid: 'imp_563', merchant_uid: 'pw-redirect-1' });
    const other = await widget({ id: 'card-b', amount: '5000', currency: 'USD', 'merchant-uid': 'INV-B' }, false);
    const { detail } = await nextEvent<PaySuccessEvent>(other, 'pay-success', 3000);
    expect(detail.impUid).to.equal('imp_563');
    await other.updateComplete;
    expect(button(other).disabled, 'its own order is still to pay').to.equal(false);
    expect(input(other, 'name').value).to.equal('');
  });

  it('reported by the widget that paid, though a widget with an id now renders before it (a featured offer)', async () => {
    const imp = installImp('never');
    void (await widget({})).pay();
    await waitUntil(() => imp.requests.length === 1, 'request_pay called');
    const sent = imp.requests[0]!;
    // A new page load, which renders a widget with an id above the one that paid.
    fixtureCleanup();
    returnWith({ imp_uid: 'imp_567', merchant_uid: sent.merchant_uid });
    const events = recordEvents(document, 'pay-success', 'pay-fail');
    const page = document.createElement('div');
    page.append(widgetElement({ id: 'featured' }, false), widgetElement({}, false));
    await fixture(page);
    const [featured, paid] = page.children as unknown as [PaymentwallPay, PaymentwallPay];
    await waitUntil(() => events.length > 0, 'the return reported');
    await tick(OWNER_WAIT);
    expect(events.map((event) => [event.type, event.target])).to.deep.equal([['pay-success', paid]]);
    await paid.updateComplete;
    expect(text(button(paid))).to.equal('Paid');
    expect(input(paid, 'name').value).to.equal('Jack Son');
    expect(button(featured).disabled, 'the featured offer is still to pay').to.equal(false);
    expect(location.search).not.to.contain('imp_uid');
  });

  it('reads a key an earlier version saved (a position among all widgets): the widget at that place reports it', async () => {
    // [#featured, A, B]: A was widget 1 of all widgets, as earlier versions counted.
    stored({ elementKey: 'paymentwall-pay:1', buyer: { name: 'Jack Son', email: 'jack@example.com' } });
    returnWith({ imp_uid: 'imp_568', merchant_uid: 'pw-redirect-1' });
    const events = recordEvents(document, 'pay-success', 'pay-fail');
    const page = document.createElement('div');
    page.append(widgetElement({ id: 'featured' }, false), widgetElement({}, false), widgetElement({}, false));
    await fixture(page);
    const [, a, b] = page.children as unknown as PaymentwallPay[];
    await waitUntil(() => events.length > 0, 'the return reported');
    await tick(OWNER_WAIT);
    expect(events.map((event) => event.target)).to.deep.equal([a]);
    await a!.updateComplete;
    expect(input(a!, 'name').value).to.equal('Jack Son');
    expect(input(b!, 'name').value).to.equal('');
  });

  it('reports its return when it was off the page at its first look and comes back (a tab panel)', async () => {
    stored({ elementKey: 'paymentwall-pay#w' });
    returnWith({ imp_uid: 'imp_564', merchant_uid: 'pw-redirect-1' });
    const element = document.createElement('paymentwall-pay') as PaymentwallPay;
    for (const [name, value] of Object.entries({ ...VALID, id: 'w' })) element.setAttribute(name, value);
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    host.append(element);
    await element.updateComplete;
    element.remove();
    await tick(20);
    const events = recordEvents(document, 'pay-success', 'pay-fail');
    host.append(element);
    await waitUntil(() => events.length === 1, 'reported once back on the page');
    expect((events[0] as PaySuccessEvent).detail.impUid).to.equal('imp_564');
    expect(location.search).not.to.contain('imp_uid');
  });

  it('treats a saved attempt whose widget key another script damaged as absent, without throwing', async () => {
    const errors: unknown[] = [];
    const onError = (event: ErrorEvent | PromiseRejectionEvent) => errors.push(event);
    window.addEventListener('unhandledrejection', onError);
    window.addEventListener('error', onError);
    try {
      stored({ elementKey: 7 as unknown as string });
      returnWith({ imp_uid: 'imp_565', merchant_uid: 'pw-redirect-1' });
      const events = recordEvents(document, 'pay-success', 'pay-fail');
      await widget({}, false);
      await tick(OWNER_WAIT);
      expect(errors).to.have.length(0);
      expect(events, 'a record that is not whole is not ours: a link anyone could craft').to.have.length(0);
    } finally {
      window.removeEventListener('unhandledrejection', onError);
      window.removeEventListener('error', onError);
    }
  });

  it('re-created in its place after it reported a paid return (a framework re-mounting it): shows Paid and the typing, offers no second payment', async () => {
    const imp = installImp('success');
    stored({ elementKey: 'paymentwall-pay#w', buyer: { name: 'Jack Son', email: 'jack@example.com' } });
    returnWith({ imp_uid: 'imp_566', merchant_uid: 'pw-redirect-1' });
    const first = await widget({ id: 'w' }, false);
    await nextEvent<PaySuccessEvent>(first, 'pay-success');
    const events = recordEvents(document, 'pay-success', 'pay-fail');
    const again = first.cloneNode() as PaymentwallPay;
    first.replaceWith(again);
    // Until no update is pending: what it takes over is set after its first render.
    while (!(await again.updateComplete));
    expect(text(button(again))).to.equal('Paid');
    expect(input(again, 'name').value).to.equal('Jack Son');
    expect((await again.pay()).status, 'no second charge').to.equal('cancelled');
    expect(imp.requests).to.have.length(0);
    expect(events, 'reported once, by the first').to.have.length(0);
    // After reset() the widget takes a new payment; one re-created there then does too.
    again.reset();
    const afterReset = again.cloneNode() as PaymentwallPay;
    again.replaceWith(afterReset);
    while (!(await afterReset.updateComplete));
    expect(button(afterReset).disabled, 'reset: payable again').to.equal(false);
    afterReset.replaceWith(again);
    // Another order in that place is its own order: still to pay.
    const other = again.cloneNode() as PaymentwallPay;
    other.setAttribute('amount', '5000');
    again.replaceWith(other);
    while (!(await other.updateComplete));
    expect(button(other).disabled).to.equal(false);
    // So is the same product on another route of a single-page app: a purchase anew.
    history.pushState(history.state, '', `${home}${home.includes('?') ? '&' : '?'}route=again`);
    const sameOnAnotherRoute = again.cloneNode() as PaymentwallPay;
    other.replaceWith(sameOnAnotherRoute);
    while (!(await sameOnAnotherRoute.updateComplete));
    expect(button(sameOnAnotherRoute).disabled).to.equal(false);
  });

  it('fills in nothing from a return it did not start (a link anyone can craft)', async () => {
    returnWith({ imp_uid: 'imp_561', merchant_uid: 'pw-redirect-1', error_code: 'F400' });
    stored({ merchantUid: 'pw-other', buyer: { name: 'Someone Else', email: 'else@example.com' } });
    const element = await widget({}, false);
    await settled();
    expect(input(element, 'name').value).to.equal('');
  });

  it('reports the 1.3.0 SDK’s code and message as a failure, though an imp_uid came with them', async () => {
    stored();
    returnWith({ imp_uid: 'imp_558', merchant_uid: 'pw-redirect-1', code: 'FAILURE_TYPE_PG', message: 'declined' });
    const events = recordEvents(document, 'pay-success', 'pay-fail');
    const element = await widget({});
    await waitUntil(() => events.length > 0, 'the return reported');
    await settled();
    expect(events.map((event) => event.type)).to.deep.equal(['pay-fail']);
    expect((events[0] as PayFailEvent).detail).to.deep.include({ code: 'pg-error', pgCode: 'FAILURE_TYPE_PG', pgMessage: 'declined' });
    expect(text(button(element))).not.to.equal('Paid');
    expect(new URL(location.href).searchParams.has('code')).to.equal(false);
  });

  it('reads a return whose only result is the 1.3.0 SDK’s code as a failure', async () => {
    stored();
    returnWith({ merchant_uid: 'pw-redirect-1', code: 'FAILURE_TYPE_PG', message: '사용자가 결제를 취소하셨습니다' });
    const element = await widget({});
    const { detail } = await nextEvent<PayFailEvent>(element, 'pay-fail');
    expect(detail).to.deep.include({ via: 'redirect', code: 'pg-error', pgCode: 'FAILURE_TYPE_PG' });
    // The buyer closed the window: the widget's own words.
    expect(detail.message).to.contain('closed');
  });

  it('reports imp_success=false from an older SDK as a failure', async () => {
    stored();
    returnWith({ imp_uid: 'imp_557', merchant_uid: 'pw-redirect-1', imp_success: 'false' });
    const element = await widget({});
    const { detail } = await nextEvent<PayFailEvent>(element, 'pay-fail');
    expect(detail.code).to.equal('pg-error');
  });

  it('carries customerUid back in billing-key mode', async () => {
    stored({ customerUid: 'cust-1' });
    returnWith({ imp_uid: 'imp_558', merchant_uid: 'pw-redirect-1' });
    const element = await widget({ 'customer-uid': 'cust-1' });
    const { detail } = await nextEvent<PaySuccessEvent>(element, 'pay-success');
    expect(detail.customerUid).to.equal('cust-1');
    expect(detail.buyer.email).to.equal('jack@example.com');
  });

  it('ignores a merchant_uid it did not start, leaving the URL alone', async () => {
    stored();
    returnWith({ imp_uid: 'imp_1', merchant_uid: 'someone-else' });
    const element = await widget({});
    const events = recordEvents(element, 'pay-success', 'pay-fail');
    await settled();
    expect(events).to.have.length(0);
    expect(new URL(location.href).searchParams.get('merchant_uid')).to.equal('someone-else');
  });

  it('ignores a crafted link with a result for its merchant-uid when it saved no attempt: no report, still payable', async () => {
    // ?merchant_uid=INV-42&imp_uid=anything, sent by anyone to a page whose widget has merchant-uid="INV-42".
    returnWith({ merchant_uid: 'INV-42', imp_uid: 'anything', error_code: 'X', error_msg: 'Call +1 555 0100' });
    const imp = installImp();
    const events = recordEvents(document, 'pay-success', 'pay-fail');
    const element = await widget({ 'merchant-uid': 'INV-42' });
    await tick(OWNER_WAIT);
    expect(events).to.have.length(0);
    expect(text(shadow(element).querySelector('[part="status"]'))).to.equal('');
    expect(button(element).disabled).to.equal(false);
    expect((await element.pay()).status).to.equal('success');
    expect(imp.requests).to.have.length(1);
  });

  /**
   * An attempt for a widget with `merchant-uid`, saved at `startedAt`; a page with that widget and
   * no result; then a return for it in the same tab. Resolves with the return's widget and report.
   */
  /** `load`: the page load that sent the attempt (this one, or another). */
  async function returnAfterAPageWithout(merchantUid: string, load: string, impUid: string, pageAddress = home) {
    stored({ merchantUid, load });
    if (pageAddress !== home) history.replaceState(history.state, '', pageAddress);
    await widget({ 'merchant-uid': merchantUid });
    await settled();
    fixtureCleanup();
    returnWith({ merchant_uid: merchantUid, imp_uid: impUid });
    const element = await widget({ 'merchant-uid': merchantUid });
    const { detail } = await nextEvent<PaySuccessEvent>(element, 'pay-success');
    await element.updateComplete;
    return { element, detail };
  }

  it('reports a "result" for an attempt the buyer came back from without one as unconfirmed: a crafted link for a fixed merchant-uid', async () => {
    // Sent before this page loaded; the buyer came back by Back or a link, with no result. Later,
    // in the same tab: ?merchant_uid=INV-42&imp_uid=anything, a link anyone can craft.
    const { element, detail } = await returnAfterAPageWithout('INV-42', 'an-earlier-load', 'anything');
    expect(detail).to.deep.include({ via: 'redirect', merchantUid: 'INV-42', unconfirmed: true });
    expect(button(element).disabled, 'not locked as paid').to.equal(false);
    expect(text(shadow(element).querySelector('[part="status"]'))).to.equal('');
  });

  // The decoy is ignored (no attempt for it), but that page still had no result for INV-44.
  const decoys: Array<[string, (url: URL) => void]> = [
    ['in its fragment, V1’s', (url) => (url.hash = '&merchant_uid=decoy&imp_uid=imp_decoy')],
    ['in its query, V2’s', (url) => (url.searchParams.set('paymentId', 'decoy'), url.searchParams.set('code', 'FAILURE_TYPE_PG'))],
  ];
  for (const [where, plant] of decoys) {
    it(`reports it unconfirmed too when that page had another order’s “result” planted ${where}`, async () => {
      const address = new URL(home);
      plant(address);
      const { element, detail } = await returnAfterAPageWithout('INV-44', 'an-earlier-load', 'anything', address.href);
      expect(detail).to.deep.include({ via: 'redirect', merchantUid: 'INV-44', unconfirmed: true });
      expect(button(element).disabled, 'not locked as paid').to.equal(false);
    });
  }

  it('keeps a return confirmed for an attempt sent from this page load, though a widget with its merchant-uid rendered meanwhile', async () => {
    const { element, detail } = await returnAfterAPageWithout('INV-43', pageLoad(), 'imp_43');
    expect(detail).not.to.have.property('unconfirmed');
    expect(button(element).disabled, 'paid').to.equal(true);
  });

  describe('where sessionStorage is blocked', () => {
    const { setItem } = Storage.prototype;
    beforeEach(() => {
      Storage.prototype.setItem = () => {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      };
    });
    afterEach(() => {
      Storage.prototype.setItem = setItem;
    });

    it('pays, and tells the page author in the console that a phone’s return cannot be matched', async () => {
      const imp = installImp('success');
      const element = await widget({});
      await quietly(async (lines) => {
        expect((await element.pay()).status).to.equal('success');
        expect(lines).to.have.length(1);
        expect(lines[0]).to.match(/could not be saved.*sessionStorage.*redirect.*merchant-uid or payment-id.*unconfirmed/s);
        // Where storage works, nothing is said.
        Storage.prototype.setItem = setItem;
        element.reset();
        expect((await element.pay()).status).to.equal('success');
        expect(lines).to.have.length(1);
      });
      expect(imp.requests).to.have.length(2);
    });

    it('reports a success for its own merchant-uid as unconfirmed, with the link’s ids and none of its text, and does not enter the paid state', async () => {
      returnWith({ imp_uid: 'imp_9', merchant_uid: 'order-fixed', imp_success: 'true', error_msg: 'Call +1 555 0100', message: 'Visit evil.example', code: 'Refund: visit evil.example' });
      const element = await widget({ 'merchant-uid': 'order-fixed' });
      const { detail } = await nextEvent<PaySuccessEvent>(element, 'pay-success');
      expect(detail).to.deep.include({ via: 'redirect', merchantUid: 'order-fixed', impUid: 'imp_9', amount: 1004, currency: 'KRW', unconfirmed: true });
      expect(detail.response).to.deep.equal({ imp_uid: 'imp_9', merchant_uid: 'order-fixed' });
      await element.updateComplete;
      expect(button(element).disabled).to.equal(false);
      expect(text(shadow(element).querySelector('[part="status"]'))).to.equal('');
    });

    it('reports a return once per page load: a widget for the same order mounted later stays silent though the app put the address back', async () => {
      const result = { imp_uid: 'imp_9', merchant_uid: 'order-fixed' };
      returnWith(result);
      const events = recordEvents(document, 'pay-success', 'pay-fail');
      const first = await widget({ 'merchant-uid': 'order-fixed' });
      await nextEvent(first, 'pay-success');
      // A router that restores the address it rendered from (nothing was saved to say it was reported).
      returnWith(result);
      fixtureCleanup();
      await widget({ 'merchant-uid': 'order-fixed' });
      await tick(OWNER_WAIT);
      expect(events).to.have.length(1);
    });

    it('ignores a link for an order id no widget on the page is set to: with nothing saved, only a fixed merchant-uid can match', async () => {
      returnWith({ imp_uid: 'imp_9', merchant_uid: 'someone-elses-order' });
      const events = recordEvents(document, 'pay-success', 'pay-fail');
      await widget({ 'merchant-uid': 'order-fixed' });
      await widget({});
      await tick(OWNER_WAIT);
      expect(events).to.have.length(0);
      // Left for the page: nothing here took the address as its own.
      expect(location.search).to.contain('imp_uid=imp_9');
    });

    it('reports a failure for its own merchant-uid as unconfirmed, without the link’s text', async () => {
      returnWith({ imp_uid: 'imp_9', merchant_uid: 'order-fixed', error_code: 'X', error_msg: 'Call +1 555 0100' });
      const element = await widget({ 'merchant-uid': 'order-fixed' });
      const { detail } = await nextEvent<PayFailEvent>(element, 'pay-fail');
      expect(detail).to.deep.include({ via: 'redirect', code: 'pg-error', unconfirmed: true });
      expect(JSON.stringify(detail)).not.to.contain('555');
      await element.updateComplete;
      expect(text(shadow(element).querySelector('form'))).not.to.contain('555');
    });
  });

  it('does not report again on a reload', async () => {
    stored();
    returnWith({ imp_uid: 'imp_555', merchant_uid: 'pw-redirect-1' });
    const first = await widget({});
    await nextEvent(first, 'pay-success');
    first.remove();
    // A reload: the page state is new, sessionStorage is not, and the URL may come back whole.
    newPageLoad();
    returnWith({ imp_uid: 'imp_555', merchant_uid: 'pw-redirect-1' });
    const again = await widget({ 'merchant-uid': 'pw-redirect-1' });
    const events = recordEvents(again, 'pay-success', 'pay-fail');
    await settled();
    expect(events).to.have.length(0);
    expect(new URL(location.href).searchParams.has('merchant_uid')).to.equal(false);
  });

  it('shows Paid again, with no second report, when the same return reaches a new page load at the widget that paid', async () => {
    stored();
    returnWith({ imp_uid: 'imp_556', merchant_uid: 'pw-redirect-1' });
    const first = await widget({});
    await nextEvent(first, 'pay-success');
    await first.updateComplete;
    expect(text(button(first))).to.equal('Paid');
    first.remove();
    // Back to the PG's page, which sends the buyer to the same return once more: a new page load,
    // whose widget at that place shows the order it paid, not a form that would charge again.
    const newLoad = () => {
      newPageLoad();
      sharedState().returnsShown?.clear();
      returnWith({ imp_uid: 'imp_556', merchant_uid: 'pw-redirect-1' });
    };
    newLoad();
    const events = recordEvents(document, 'pay-success', 'pay-fail');
    const again = await widget({});
    await waitUntil(() => !new URL(location.href).searchParams.has('imp_uid'), 'the address cleaned');
    await again.updateComplete;
    expect(text(button(again))).to.equal('Paid');
    expect((await again.pay()).status, 'no second charge').to.equal('cancelled');
    again.remove();
    // A widget at that place for another order (the page changed it since) is not the one paid.
    newLoad();
    const other = await widget({ amount: '2000' });
    await waitUntil(() => !new URL(location.href).searchParams.has('imp_uid'), 'the address cleaned');
    await other.updateComplete;
    expect(text(button(other))).to.equal('Pay ₩2,000');
    expect(events, 'told once, on the first load').to.have.length(0);
  });

  it('reports a retry with the same merchant-uid after a failed return', async () => {
    const imp = installImp('never');
    const first = await widget({ 'merchant-uid': 'order-fixed' });
    void first.pay();
    await waitUntil(() => imp.requests.length === 1, 'first request');
    first.remove();
    // Back from the phone's payment window: cancelled.
    newPageLoad();
    returnWith({ imp_uid: 'imp_1', merchant_uid: 'order-fixed', error_code: 'F0000', error_msg: 'cancelled' });
    const second = await widget({ 'merchant-uid': 'order-fixed' });
    await nextEvent(second, 'pay-fail');
    // The buyer tries again from the cleaned page, pays, and comes back.
    void second.pay();
    await waitUntil(() => imp.requests.length === 2, 'second request');
    second.remove();
    newPageLoad();
    returnWith({ imp_uid: 'imp_2', merchant_uid: 'order-fixed' });
    const third = await widget({ 'merchant-uid': 'order-fixed' });
    const { detail } = await nextEvent<PaySuccessEvent>(third, 'pay-success');
    expect(detail.impUid).to.equal('imp_2');
  });

  it('is reported by exactly one of several widgets: the one that started it', async () => {
    stored({ elementKey: 'paymentwall-pay#second-card' });
    returnWith({ imp_uid: 'imp_600', merchant_uid: 'pw-redirect-1' });
    // Listening before the widgets exist, as a page script would.
    const events = recordEvents(document, 'pay-success', 'pay-fail');
    await fixture<HTMLDivElement>(html`<div>
      <paymentwall-pay id="first-card" imp-code="imp1" channel-key="k" amount="1" currency="KRW" order-name="a"></paymentwall-pay>
      <paymentwall-pay id="second-card" imp-code="imp1" channel-key="k" amount="1" currency="KRW" order-name="b"></paymentwall-pay>
      <paymentwall-pay id="third-card" imp-code="imp1" channel-key="k" amount="1" currency="KRW" order-name="c"></paymentwall-pay>
    </div>`);
    await waitUntil(() => events.length > 0, 'a report');
    // Past the head start the others give the owner, in case one of them reported too.
    await tick(300);
    expect(events.map((event) => (event.target as Element).id)).to.deep.equal(['second-card']);
  });

  it('leaves a plain link with the page’s own merchant_uid alone: no report, address bar untouched', async () => {
    // /invoice?merchant_uid=INV-42, sent by anyone, on the first visit, before any payment.
    returnWith({ merchant_uid: 'INV-42' });
    const events = recordEvents(document, 'pay-success', 'pay-fail');
    const element = await widget({ 'merchant-uid': 'INV-42' });
    await tick(OWNER_WAIT);
    expect(events).to.have.length(0);
    expect(new URL(location.href).searchParams.get('merchant_uid')).to.equal('INV-42');
    expect(text(shadow(element).querySelector('[part="status"]'))).to.equal('');
    expect(button(element).disabled).to.equal(false);
  });

  it('reads PortOne’s result after a #route in redirect-url, and cleans it there (hash routing)', async () => {
    stored();
    const route = `${home.split('#')[0]}#/payment/done`;
    history.replaceState(history.state, '', `${route}?imp_uid=imp_700&merchant_uid=pw-redirect-1`);
    const element = await widget({ 'redirect-url': route });
    const { detail } = await nextEvent<PaySuccessEvent>(element, 'pay-success');
    expect(detail).to.deep.include({ via: 'redirect', impUid: 'imp_700', merchantUid: 'pw-redirect-1' });
    expect(location.hash).to.equal('#/payment/done');
  });

  it('tells widgets in different shadow roots apart: the third product card hears its own return', async () => {
    const imp = installImp('never');
    const cards = () =>
      fixture<HTMLDivElement>(html`<div><product-card></product-card><product-card></product-card><product-card></product-card></div>`);
    const before = await cards();
    const third = before.children[2]!.shadowRoot!.querySelector('paymentwall-pay') as PaymentwallPay;
    await third.updateComplete;
    void third.pay();
    await waitUntil(() => imp.requests.length === 1, 'the third card pays');
    before.remove();
    newPageLoad();
    returnWith({ imp_uid: 'imp_800', merchant_uid: imp.requests[0]!.merchant_uid });
    const events = recordEvents(document, 'pay-success', 'pay-fail');
    const after = await cards();
    await waitUntil(() => events.length > 0, 'a report');
    await tick(OWNER_WAIT);
    expect(events.map((event) => Array.from(after.children).indexOf(event.target as Element))).to.deep.equal([2]);
  });

  /**
   * A lazy route: the product's widget paid; on the return page the header's widget is there at
   * once and reports the return, and the product's comes later.
   */
  async function returnToLateOwner(result: Record<string, string>) {
    const imp = installImp('never');
    const paying = await widget({ id: 'product-a' }, false);
    await fill(paying, 'name', 'Kim Minsu');
    await fill(paying, 'email', 'minsu@example.com');
    void paying.pay();
    await waitUntil(() => imp.requests.length === 1, 'the product widget pays');
    fixtureCleanup();
    newPageLoad();
    returnWith({ merchant_uid: imp.requests[0]!.merchant_uid, ...result });
    const events = recordEvents(document, 'pay-success', 'pay-fail');
    await widget({ 'order-name': 'Header offer' });
    await waitUntil(() => events.length > 0, 'a report');
    await tick(OWNER_WAIT);
    const late = await widget({ id: 'product-a' }, false);
    return { imp, events, late };
  }

  it('is reported as its own by the widget that paid when a widget mounting before it during the wait makes it the one its key names', async () => {
    stored({ elementKey: 'paymentwall-pay~1', buyer: { name: 'Jack Son', email: 'jack@example.com' } });
    returnWith({ imp_uid: 'imp_902', merchant_uid: 'pw-redirect-1' });
    const events = recordEvents(document, 'pay-success', 'pay-fail');
    const page = await fixture<HTMLDivElement>(html`<div></div>`);
    const paid = widgetElement({}, false);
    page.append(paid);
    await tick(50);
    // A framework mounts the header's widget before it a moment later.
    page.prepend(widgetElement({ 'order-name': 'Header offer' }, false));
    await waitUntil(() => events.length > 0, 'a report');
    await tick(OWNER_WAIT);
    expect(events.map((event) => event.target)).to.deep.equal([paid]);
    await paid.updateComplete;
    expect(text(button(paid))).to.equal('Paid');
    expect(input(paid, 'name').value).to.equal('Jack Son');
  });

  it('leaves the return to the widget that paid when, during the wait, a widget mounted before both makes it the one its key names', async () => {
    stored({ elementKey: 'paymentwall-pay~2', buyer: { name: 'Jack Son', email: 'jack@example.com' } });
    returnWith({ imp_uid: 'imp_904', merchant_uid: 'pw-redirect-1' });
    const events = recordEvents(document, 'pay-success', 'pay-fail');
    const page = await fixture<HTMLDivElement>(html`<div></div>`);
    // Both wait (the key names no widget yet); the one that is not it waited first.
    const other = widgetElement({ 'order-name': 'Another order' }, false);
    const paid = widgetElement({}, false);
    page.append(other, paid);
    await tick(50);
    page.prepend(widgetElement({ 'order-name': 'Header offer' }, false));
    await waitUntil(() => events.length > 0, 'a report');
    await tick(OWNER_WAIT);
    expect(events.map((event) => event.target)).to.deep.equal([paid]);
    await paid.updateComplete;
    expect(text(button(paid))).to.equal('Paid');
    expect(button(other).disabled, 'the other order is still to pay').to.equal(false);
  });

  it('shows Paid on the widget that paid, mounted late, when an earlier version saved its key', async () => {
    const imp = installImp('never');
    const before = await fixture<HTMLDivElement>(html`<div></div>`);
    const offer = () => widgetElement({ id: 'header-offer', 'order-name': 'Header offer' }, false);
    const paying = widgetElement();
    before.append(offer(), paying);
    await paying.updateComplete;
    void paying.pay();
    await waitUntil(() => imp.requests.length === 1, 'the widget pays');
    const id = imp.requests[0]!.merchant_uid;
    // As an earlier version wrote it: widget 1 of all, where this one writes paymentwall-pay~0.
    const record = `paymentwall-pay:attempt:${id}`;
    sessionStorage.setItem(record, JSON.stringify({ ...JSON.parse(sessionStorage.getItem(record)!), elementKey: 'paymentwall-pay:1' }));
    fixtureCleanup();
    newPageLoad();
    returnWith({ imp_uid: 'imp_903', merchant_uid: id });
    const events = recordEvents(document, 'pay-success', 'pay-fail');
    const after = await fixture<HTMLDivElement>(html`<div></div>`);
    after.append(offer());
    await waitUntil(() => events.length > 0, 'a report');
    await tick(OWNER_WAIT);
    const late = paying.cloneNode() as PaymentwallPay;
    after.append(late);
    // Until no update is pending: what it takes over is set after its first render.
    while (!(await late.updateComplete));
    expect(events).to.have.length(1);
    expect(text(button(late))).to.equal('Paid');
    expect((await late.pay()).status, 'no second charge').to.equal('cancelled');
    expect(imp.requests).to.have.length(1);
  });

  it('shows the paid order as Paid on the widget that paid, mounted only after another widget reported its return', async () => {
    const { imp, events, late } = await returnToLateOwner({ imp_uid: 'imp_900' });
    expect(events).to.have.length(1);
    expect(text(button(late))).to.equal('Paid');
    expect([input(late, 'name').value, input(late, 'email').value]).to.deep.equal(['Kim Minsu', 'minsu@example.com']);
    expect((await late.pay()).status, 'no second charge').to.equal('cancelled');
    expect(imp.requests).to.have.length(1);
  });

  it('shows a failed return on the widget that paid, with the buyer’s typing, mounted only after another widget reported it', async () => {
    const { events, late } = await returnToLateOwner({ imp_uid: 'imp_901', error_code: 'F400', error_msg: 'Card declined' });
    expect(events.map((event) => event.type)).to.deep.equal(['pay-fail']);
    expect([input(late, 'name').value, input(late, 'email').value], 'no retyping for a retry').to.deep.equal(['Kim Minsu', 'minsu@example.com']);
    const status = shadow(late).querySelector('[part="status"]');
    expect(status?.getAttribute('data-kind')).to.equal('fail');
    expect(text(status)).to.contain('Card declined');
    expect(button(late).disabled, 'a retry is open').to.equal(false);
  });

  it('is reported by one widget when the one that started it is gone', async () => {
    stored({ elementKey: 'paymentwall-pay#removed-card' });
    returnWith({ imp_uid: 'imp_601', merchant_uid: 'pw-redirect-1' });
    const events = recordEvents(document, 'pay-success', 'pay-fail');
    await fixture<HTMLDivElement>(html`<div>
      <paymentwall-pay imp-code="imp1" channel-key="k" amount="1" currency="KRW" order-name="a"></paymentwall-pay>
      <paymentwall-pay imp-code="imp1" channel-key="k" amount="1" currency="KRW" order-name="b"></paymentwall-pay>
    </div>`);
    await waitUntil(() => events.length > 0, 'a report');
    // Past the head start the missing widget would have had, in case a second one reported.
    await tick(300);
    expect(events).to.have.length(1);
  });
});
