import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import type { PaymentwallPay } from '../../src/index.js';
import { sharedState } from '../../src/shared-state.js';
import { installImp } from '../helpers/imp-double.js';
import { button, input, nextEvent, recordEvents, resetPage, text, tick, waitUntil } from '../helpers/page.js';
import { OWNER_WAIT, home, newPageLoad, returnWith } from '../helpers/redirect.js';
import { fill, holdPayRequest, widget, widgetElement } from '../helpers/widget.js';

/**
 * A widget made with `attributes` pays and the phone leaves for PortOne; back on this page, now
 * another page load of the shop, the address carries the success for `impUid`.
 */
async function paidAndBack(attributes: Record<string, string | null>, impUid: string) {
  const imp = installImp('never');
  const paying = await widget(attributes);
  void paying.pay();
  await waitUntil(() => imp.requests.length === 1, 'request_pay called');
  fixtureCleanup();
  newPageLoad();
  const back = { imp_uid: impUid, merchant_uid: imp.requests[0]!.merchant_uid };
  returnWith(back);
  return { imp, back };
}

// Apart from redirect.test.ts: WebKit refuses more than 100 address changes in 10 s on one page.
describe('coming back from a mobile redirect: the widget that paid, found late or out of sight', () => {
  beforeEach(resetPage);
  afterEach(async () => {
    if (location.href !== home) history.replaceState(history.state, '', home);
    await resetPage();
  });

  it('shows Paid, and charges nothing more, at the widget that paid when its amount is bound only after it reported its return', async () => {
    const { imp, back } = await paidAndBack({}, 'imp_late_amount');
    // A client-rendered page: the widget mounts, the price comes with the product a moment later.
    const late = await widget({ amount: null });
    await nextEvent(late, 'pay-success');
    late.setAttribute('amount', '1004');
    while (!(await late.updateComplete));
    expect(text(button(late))).to.equal('Paid');
    expect((await late.pay()).status, 'no second charge').to.equal('cancelled');
    expect(imp.requests).to.have.length(1);
    // PortOne's page sends the buyer to the same return once more: a new page load, the same late price.
    late.remove();
    newPageLoad();
    sharedState().returnsShown?.clear();
    returnWith(back);
    const again = await widget({ amount: null });
    await waitUntil(() => !new URL(location.href).searchParams.has('imp_uid'), 'the address cleaned');
    again.setAttribute('amount', '1004');
    while (!(await again.updateComplete));
    expect(text(button(again))).to.equal('Paid');
  });

  it('finds the widget that paid inside a closed shadow root: Paid there, and the buyer’s typing back after a failure', async () => {
    const roots: ShadowRoot[] = [];
    /** A design system's card that keeps its shadow root closed. */
    class ClosedCard extends HTMLElement {
      constructor() {
        super();
        const root = this.attachShadow({ mode: 'closed' });
        root.append(widgetElement({}, false));
        roots.push(root);
      }
    }
    if (!customElements.get('closed-card')) customElements.define('closed-card', ClosedCard);
    const widgetIn = (card: Element) => roots[roots.length - 3 + Array.from(card.parentElement!.children).indexOf(card)]!.querySelector('paymentwall-pay') as PaymentwallPay;
    const cards = () => fixture<HTMLDivElement>(html`<div><closed-card></closed-card><closed-card></closed-card><closed-card></closed-card></div>`);
    for (const declined of [false, true]) {
      // Another page load of the shop each time: the Paid kept for the first card's place goes.
      sharedState().returnsShown?.clear();
      const imp = installImp('never');
      const before = await cards();
      const third = widgetIn(before.children[2]!);
      await third.updateComplete;
      await fill(third, 'name', 'Kim Minsu');
      await fill(third, 'email', 'minsu@example.com');
      void third.pay();
      await waitUntil(() => imp.requests.length === 1, 'the third card pays');
      before.remove();
      newPageLoad();
      returnWith({ imp_uid: 'imp_closed', merchant_uid: imp.requests[0]!.merchant_uid, ...(declined ? { error_code: 'F400', error_msg: 'Card declined' } : {}) });
      const events = recordEvents(document, 'pay-success', 'pay-fail');
      const after = await cards();
      const paid = widgetIn(after.children[2]!);
      await waitUntil(() => events.length > 0, 'a report');
      await tick(OWNER_WAIT);
      expect(events.map((event) => event.target), `${declined}: told by the card that paid`).to.deep.equal([after.children[2]]);
      while (!(await paid.updateComplete));
      expect([input(paid, 'name').value, input(paid, 'email').value], `${declined}: the typing back`).to.deep.equal(['Kim Minsu', 'minsu@example.com']);
      expect(text(button(paid)), `${declined}`).to.equal(declined ? 'Pay ₩1,004' : 'Paid');
      after.remove();
      history.replaceState(history.state, '', home);
    }
  });

  it('keeps as paid the order the request was built from, not one the page set while the window was on its way', async () => {
    const imp = installImp('never');
    const paying = await widget({});
    const held = holdPayRequest(paying);
    void paying.pay();
    await held.heard();
    // A quantity picked while the SDK loads: the tap's ₩1,004 is what PortOne charges.
    paying.setAttribute('amount', '2000');
    held.release();
    await waitUntil(() => imp.requests.length === 1, 'request_pay called');
    expect(imp.requests[0]!.amount).to.equal(1004);
    fixtureCleanup();
    newPageLoad();
    returnWith({ imp_uid: 'imp_tap_order', merchant_uid: imp.requests[0]!.merchant_uid });
    // The return page renders the cart the server kept: ₩1,004, the order paid.
    const back = await widget({});
    await nextEvent(back, 'pay-success');
    while (!(await back.updateComplete));
    expect(text(button(back))).to.equal('Paid');
  });

  it('finds the widget that paid inside an element whose name has a dot (shop.card-x): Paid there', async () => {
    /** A custom element name may hold a dot, which a CSS selector reads as a class. */
    class DottedCard extends HTMLElement {
      constructor() {
        super();
        this.attachShadow({ mode: 'open' }).append(widgetElement({}));
      }
    }
    if (!customElements.get('shop.card-x')) customElements.define('shop.card-x', DottedCard);
    const cards = () => fixture<HTMLDivElement>(html`<div>${[0, 1].map(() => document.createElement('shop.card-x'))}</div>`);
    const widgetIn = (cards: HTMLDivElement, index: number) => cards.children[index]!.shadowRoot!.querySelector('paymentwall-pay') as PaymentwallPay;
    const imp = installImp('never');
    const second = widgetIn(await cards(), 1);
    await second.updateComplete;
    void second.pay();
    await waitUntil(() => imp.requests.length === 1, 'the second card pays');
    fixtureCleanup();
    newPageLoad();
    returnWith({ imp_uid: 'imp_dotted', merchant_uid: imp.requests[0]!.merchant_uid });
    const events = recordEvents(document, 'pay-success');
    const after = await cards();
    await waitUntil(() => events.length > 0, 'a report');
    expect(events.map((event) => event.target), 'told by the card that paid').to.deep.equal([after.children[1]]);
    const paid = widgetIn(after, 1);
    while (!(await paid.updateComplete));
    expect(text(button(paid))).to.equal('Paid');
    expect(text(button(widgetIn(after, 0)))).to.equal('Pay ₩1,004');
  });

  it('shows Paid at the widget that paid once it sells the order paid, after it reported the return selling another (a default first), also on a new page load', async () => {
    const { imp, back } = await paidAndBack({}, 'imp_default_first');
    // The component's default plan first; the order that was paid from its props a moment later.
    const first = await widget({ amount: '500', 'order-name': 'Basic' });
    await nextEvent(first, 'pay-success');
    await first.updateComplete;
    expect(text(button(first)), 'another order is for sale meanwhile').to.equal('Pay ₩500');
    first.setAttribute('amount', '1004');
    first.setAttribute('order-name', 'Demo T-shirt');
    while (!(await first.updateComplete));
    expect(text(button(first))).to.equal('Paid');
    expect((await first.pay()).status, 'no second charge').to.equal('cancelled');
    // PortOne's page sends the buyer to the same return once more: a new page load, the same default first.
    first.remove();
    newPageLoad();
    sharedState().returnsShown?.clear();
    returnWith(back);
    const again = await widget({ amount: '500', 'order-name': 'Basic' });
    await waitUntil(() => !new URL(location.href).searchParams.has('imp_uid'), 'the address cleaned');
    again.setAttribute('amount', '1004');
    again.setAttribute('order-name', 'Demo T-shirt');
    while (!(await again.updateComplete));
    expect(text(button(again))).to.equal('Paid');
    expect(imp.requests).to.have.length(1);
  });

  it('keeps Paid at the place of the widget that paid when a pay-success listener replaces it at once', async () => {
    await paidAndBack({ 'customer-uid': 'cust_42' }, 'imp_replaced');
    const late = widgetElement({});
    let fresh: PaymentwallPay | undefined;
    // A page builder's re-render on pay-success, in the listener itself.
    late.addEventListener('pay-success', () => late.replaceWith((fresh = widgetElement({}))));
    await fixture(late);
    await waitUntil(() => fresh !== undefined, 'replaced on pay-success');
    fresh!.setAttribute('customer-uid', 'cust_42');
    while (!(await fresh!.updateComplete));
    expect(text(button(fresh!))).to.equal('Paid');
  });

  it('shows Paid at the widget that paid when its customer-uid, optional, is bound only after it reported its return', async () => {
    const { imp } = await paidAndBack({ 'customer-uid': 'cust_42' }, 'imp_late_cust');
    // Sound without it: a widget that reported its return before it came must not sell the order again.
    const late = await widget({});
    await nextEvent(late, 'pay-success');
    late.setAttribute('customer-uid', 'cust_42');
    while (!(await late.updateComplete));
    expect(text(button(late))).to.equal('Paid');
    expect((await late.pay()).status, 'no second charge').to.equal('cancelled');
    expect(imp.requests).to.have.length(1);
  });

  it('shows Paid at a widget re-created where one was paid that renders a default order first and the paid one a moment later', async () => {
    const imp = installImp('success');
    const paid = await widget({});
    expect((await paid.pay()).status).to.equal('success');
    // The component's default plan first, the real one from its props or a fetch next.
    const fresh = widgetElement({ amount: '500', 'order-name': 'Basic' });
    paid.replaceWith(fresh);
    await fresh.updateComplete;
    expect(text(button(fresh)), 'another order is for sale').to.equal('Pay ₩500');
    fresh.setAttribute('amount', '1004');
    fresh.setAttribute('order-name', 'Demo T-shirt');
    while (!(await fresh.updateComplete));
    expect(text(button(fresh))).to.equal('Paid');
    expect(imp.requests).to.have.length(1);
  });
});
