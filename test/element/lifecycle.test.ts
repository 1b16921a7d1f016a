import { expect, fixtureCleanup } from '@open-wc/testing';
import { AttemptStore } from '../../src/attempt-store.js';
import { PaymentwallPay, definePaymentwallPay, type PayRequestEvent } from '../../src/index.js';
import { installImp } from '../helpers/imp-double.js';
import { button, input, nextEvent, recordEvents, resetPage, shadow, text, tick, waitUntil } from '../helpers/page.js';
import { navigatedBy, newPageLoad, returnWith } from '../helpers/redirect.js';
import { fill, holdPayRequest, widget, windowOpen } from '../helpers/widget.js';

const home = location.href;

/**
 * A phone payment that leaves the page: `element` pays (the SDK navigates away), PortOne redirects to
 * the return page, whose widget reports `query`; then the buyer presses Back to the page that paid.
 * The return page is played by a second widget while the paying one is parked off the page.
 */
async function returnThenBack(element: HTMLElement, query: Record<string, string>): Promise<void> {
  const parent = element.parentElement!;
  element.remove();
  returnWith(query);
  const returned = await widget({});
  await nextEvent(returned, query.error_code ? 'pay-fail' : 'pay-success');
  returned.remove();
  history.replaceState(history.state, '', home);
  parent.append(element);
  // What the browser fires when it restores the page from its back/forward cache.
  window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
}

/** As returnThenBack, for an element already parked off the page, the return widget made with `attributes`. */
async function returnThenBackTo(element: HTMLElement, parent: HTMLElement, query: Record<string, string>, attributes: Record<string, string>): Promise<void> {
  returnWith(query);
  const returned = await widget(attributes);
  await nextEvent(returned, query.error_code ? 'pay-fail' : 'pay-success');
  returned.remove();
  history.replaceState(history.state, '', home);
  parent.append(element);
  window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
}

/** What a framework re-keying `element` does: it goes, and a new one with its attributes (and `changes`) takes its place. */
async function replaced(element: PaymentwallPay, changes: Record<string, string> = {}): Promise<PaymentwallPay> {
  const fresh = element.cloneNode() as PaymentwallPay;
  for (const [name, value] of Object.entries(changes)) fresh.setAttribute(name, value);
  element.replaceWith(fresh);
  await fresh.updateComplete;
  return fresh;
}

describe('registration and lifecycle', () => {
  beforeEach(resetPage);
  afterEach(async () => {
    // Only when needed: WebKit refuses more than 100 address changes in 10 s.
    if (location.href !== home) history.replaceState(history.state, '', home);
    await resetPage();
  });

  it('registers <paymentwall-pay> once, and a second registration does not throw', () => {
    expect(customElements.get('paymentwall-pay')).to.equal(PaymentwallPay);
    expect(() => definePaymentwallPay()).not.to.throw();
    expect(document.createElement('paymentwall-pay')).to.be.instanceOf(PaymentwallPay);
  });

  it('warns, without throwing, when another version already holds the tag', () => {
    const registry = customElements;
    const warnings: unknown[] = [];
    const original = console.warn;
    console.warn = (message: unknown) => warnings.push(message);
    const get = registry.get.bind(registry);
    try {
      (registry as { get: (name: string) => unknown }).get = () => class Other extends HTMLElement { static version = '0.0.1'; };
      expect(() => definePaymentwallPay()).not.to.throw();
      expect(String(warnings[0])).to.contain('0.0.1');
    } finally {
      (registry as { get: typeof get }).get = get;
      console.warn = original;
    }
  });

  it('can be removed and added again, and still pays', async () => {
    const imp = installImp();
    const element = await widget({});
    const parent = element.parentElement!;
    element.remove();
    parent.append(element);
    await element.updateComplete;
    expect((await element.pay()).status).to.equal('success');
    expect(imp.requests).to.have.length(1);
  });

  it('opens no payment window for a widget removed while paying: pay() ends in fail aborted, told to it alone', async () => {
    const imp = installImp();
    const element = await widget({});
    const held = holdPayRequest(element);
    const warn = console.warn;
    console.warn = () => {};
    try {
      // Nothing was sent, so the page (which removed it) hears nothing: unlike a result from an open window.
      const heardByPage = recordEvents(document, 'pay-success', 'pay-fail');
      const paying = element.pay();
      await held.heard();
      // The buyer closes the modal, or the app changes route, while the order is being created.
      element.remove();
      held.release();
      const result = await paying;
      expect(result.status === 'fail' && result.detail.code).to.equal('aborted');
      expect(imp.requests).to.have.length(0);
      expect(sessionStorage.length, 'no attempt saved').to.equal(0);
      expect(heardByPage).to.have.length(0);
    } finally {
      console.warn = warn;
    }
  });

  it('removed with PortOne\'s window open and re-created in its place: the new widget reports the payment, once, and shows it paid', async () => {
    const { imp, element, paying, answer } = await windowOpen();
    // A framework re-keys it: the old element goes, a new one with the same attributes takes its place.
    // React 19 and Vue 3 put the app's handler on the new element and leave it on the removed one.
    const heardByApp: string[] = [];
    const handler = (event: Event) => heardByApp.push((event as CustomEvent<{ impUid: string }>).detail.impUid);
    element.addEventListener('pay-success', handler);
    const fresh = await replaced(element);
    fresh.addEventListener('pay-success', handler);
    const heardByPage = recordEvents(document, 'pay-success', 'pay-fail');
    const heardByFresh = recordEvents(fresh, 'pay-success');
    answer({ imp_uid: 'imp_paid_1' });
    expect((await paying).status).to.equal('success');
    await fresh.updateComplete;
    expect(heardByPage.map((event) => [event.type, event.detail.impUid])).to.deep.equal([['pay-success', 'imp_paid_1']]);
    expect(heardByFresh, 'the new widget\'s own listeners').to.have.length(1);
    expect(heardByApp, 'the app\'s handler, on both elements').to.deep.equal(['imp_paid_1']);
    expect(text(button(fresh))).to.equal('Paid');
    expect((await fresh.pay()).status, 'no second charge').to.equal('cancelled');
    expect(imp.requests).to.have.length(1);
  });

  it('removed with PortOne’s window open and re-created in its place: after a failure the new widget’s form has what the buyer typed', async () => {
    const imp = installImp('never');
    const element = await widget({}, false);
    await fill(element, 'name', 'Kim Minsu');
    await fill(element, 'email', 'minsu@example.com');
    const paying = element.pay();
    await waitUntil(() => imp.requests.length === 1, 'request_pay called');
    const fresh = await replaced(element);
    expect(input(fresh, 'name').value, 'a new element starts empty').to.equal('');
    const failed = nextEvent(fresh, 'pay-fail');
    imp.respond({ imp_uid: 'imp_declined_1', merchant_uid: imp.requests[0]!.merchant_uid, error_code: 'F0005', error_msg: 'declined' });
    expect((await paying).status).to.equal('fail');
    await failed;
    await fresh.updateComplete;
    expect([input(fresh, 'name').value, input(fresh, 'email').value]).to.deep.equal(['Kim Minsu', 'minsu@example.com']);
    expect(button(fresh).disabled, 'ready for a retry').to.equal(false);
  });

  it('paid in place, then re-created there (a page builder re-renders its section on pay-success): shows Paid and the typing, offers no second payment', async () => {
    const imp = installImp('success');
    const element = await widget({ id: 'w' });
    input(element, 'name').value = 'Kim Minsu';
    input(element, 'name').dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    let fresh!: PaymentwallPay;
    // The section's markup, set again as the shop's builder does: a new widget for the same order.
    element.addEventListener('pay-success', () => {
      fresh = element.cloneNode() as PaymentwallPay;
      element.replaceWith(fresh);
    });
    expect((await element.pay()).status).to.equal('success');
    while (!(await fresh.updateComplete));
    expect(text(button(fresh))).to.equal('Paid');
    expect(input(fresh, 'name').value).to.equal('Kim Minsu');
    expect((await fresh.pay()).status, 'no second charge').to.equal('cancelled');
    expect(imp.requests).to.have.length(1);
    // Another order in that place is still to pay; so is another buyer's (customer-uid).
    for (const changes of [{ amount: '5000' }, { 'customer-uid': 'another-buyer' }] as Record<string, string>[]) {
      const other = await replaced(fresh, changes);
      while (!(await other.updateComplete));
      expect(button(other).disabled, JSON.stringify(changes)).to.equal(false);
      other.replaceWith(fresh);
    }
    // So is the same product on another route of a single-page app: a purchase anew.
    history.pushState(history.state, '', `${home}${home.includes('?') ? '&' : '?'}route=again`);
    const onAnotherRoute = await replaced(fresh);
    while (!(await onAnotherRoute.updateComplete));
    expect(button(onAnotherRoute).disabled, 'another route').to.equal(false);
    history.replaceState(history.state, '', home);
    onAnotherRoute.replaceWith(fresh);
    // reset() there forgets it: one re-created after that takes a new payment.
    fresh.reset();
    const afterReset = await replaced(fresh);
    while (!(await afterReset.updateComplete));
    expect(button(afterReset).disabled).to.equal(false);
  });

  it('removed with PortOne\'s window open, the same order\'s widget already on the page sliding into its place: the removed one reports', async () => {
    // A modal's widget (first on the page) pays; an inline one for the same order is second.
    const imp = installImp('never');
    const modal = await widget({});
    const inline = await widget({});
    const paying = modal.pay();
    await waitUntil(() => imp.requests.length === 1, 'request_pay called');
    const answer = (response: { imp_uid: string }) => imp.respond({ ...response, merchant_uid: imp.requests[0]!.merchant_uid });
    const heardByModal = recordEvents(modal, 'pay-success');
    const heardByInline = recordEvents(inline, 'pay-success');
    const heardByPage = recordEvents(document, 'pay-success');
    modal.remove();
    answer({ imp_uid: 'imp_paid_modal' });
    expect((await paying).status).to.equal('success');
    await inline.updateComplete;
    expect(heardByModal.map((event) => event.detail.impUid), 'the listener on the widget that paid').to.deep.equal(['imp_paid_modal']);
    expect(heardByPage).to.have.length(1);
    expect(heardByInline, 'not told as its own').to.have.length(0);
    expect(button(inline).disabled).to.equal(false);
    expect(imp.requests).to.have.length(1);
  });

  it('removed with PortOne\'s window open and nothing in its place: the page\'s document listener still hears the result', async () => {
    const { element, paying, answer } = await windowOpen();
    element.remove();
    const heardByPage = recordEvents(document, 'pay-success', 'pay-fail');
    answer({ imp_uid: 'imp_paid_2' });
    expect((await paying).status).to.equal('success');
    expect(heardByPage.map((event) => [event.type, event.detail.impUid])).to.deep.equal([['pay-success', 'imp_paid_2']]);
  });

  it('removed with PortOne\'s window open, with an <img name="dispatchEvent"> on the page: the document still hears the result', async () => {
    const { element, paying, answer } = await windowOpen();
    element.remove();
    const heardByPage = recordEvents(document, 'pay-success', 'pay-fail');
    // Injected HTML shadows document.dispatchEvent itself (DOM clobbering).
    const clobber = document.createElement('img');
    clobber.name = 'dispatchEvent';
    document.body.append(clobber);
    try {
      answer({ imp_uid: 'imp_paid_3' });
      expect((await paying).status).to.equal('success');
    } finally {
      clobber.remove();
    }
    expect(heardByPage.map((event) => [event.type, event.detail.impUid])).to.deep.equal([['pay-success', 'imp_paid_3']]);
  });

  it('removed with PortOne\'s window open, another order\'s widget in its place: that one stays as it was, the document hears the result', async () => {
    const { element, paying, answer } = await windowOpen();
    const other = await replaced(element, { amount: '5000' });
    const heardByPage = recordEvents(document, 'pay-success', 'pay-fail');
    const heardByOther = recordEvents(other, 'pay-success', 'pay-fail');
    answer({ imp_uid: 'imp_paid_4' });
    expect((await paying).status).to.equal('success');
    await other.updateComplete;
    expect(heardByPage.map((event) => event.detail.impUid)).to.deep.equal(['imp_paid_4']);
    expect(heardByOther, 'not told as its own').to.have.length(0);
    expect(text(shadow(other).querySelector('[part="status"]'))).to.equal('');
    expect(button(other).disabled).to.equal(false);
  });

  it('the same order set again in another form while the buyer paid (a number for its text): the success shows Paid', async () => {
    const setAmount = (element: PaymentwallPay, amount: unknown) => ((element as unknown as { amount: unknown }).amount = amount);
    const cases = [
      // A framework binds the text "1004" first, then the number.
      [(element: PaymentwallPay) => setAmount(element, '1004'), (element: PaymentwallPay) => setAmount(element, 1004)],
      [() => {}, (element: PaymentwallPay) => element.setAttribute('currency', ' KRW ')],
    ] as const;
    for (const [index, [before, change]] of cases.entries()) {
      // Each its own order: a widget re-created at a paid one's place, for its order, shows Paid from the start.
      const element = await widget({ 'order-name': `Order ${index}` });
      before(element);
      await element.updateComplete;
      const imp = installImp('never');
      const paying = element.pay();
      await waitUntil(() => imp.requests.length === 1, 'request_pay called');
      change(element);
      await element.updateComplete;
      imp.respond({ imp_uid: 'imp_paid_5', merchant_uid: imp.requests[0]!.merchant_uid });
      expect((await paying).status).to.equal('success');
      await element.updateComplete;
      expect(text(button(element)), String(change)).to.equal('Paid');
      element.remove();
    }
  });

  it('the order changed while the buyer paid: the success is reported, and the new order can still be paid', async () => {
    for (const change of [
      (element: PaymentwallPay) => (element.amount = 2000),
      (element: PaymentwallPay) => element.setAttribute('order-name', 'Two items'),
      // The page switches the widget to PortOne V2 while the V1 window is open.
      (element: PaymentwallPay) => {
        element.setAttribute('store-id', 'store-4a1b2c3d-0000-4000-8000-000000000001');
        element.setAttribute('customer-id', 'customer-1');
      },
    ]) {
      // Each change on a page load of its own: the order paid in one would show Paid in the next.
      await resetPage();
      const { element, paying, answer } = await windowOpen();
      change(element);
      await element.updateComplete;
      answer({ imp_uid: 'imp_paid_3' });
      const result = await paying;
      expect(result.status).to.equal('success');
      await element.updateComplete;
      expect(text(button(element)), String(change)).not.to.equal('Paid');
      // Not "Payment complete" beside a Pay button for the new order: which one was paid is said.
      expect(text(shadow(element).querySelector('[part="status"] .message')), String(change)).to.equal(
        'Your payment for the previous order went through. The order has changed since, and the changed order is not paid yet.',
      );
      expect(button(element).disabled, String(change)).to.equal(false);
      // Nothing of it is kept for a widget re-created there for the changed order: still to pay.
      const again = await replaced(element, { amount: String(element.amount) });
      while (!(await again.updateComplete));
      expect(text(shadow(again).querySelector('[part="status"]')), String(change)).to.equal('');
      again.remove();
    }
  });

  it('the order changed while the buyer paid, then back to the order paid: Paid, with no second charge', async () => {
    const { imp, element, paying, answer } = await windowOpen();
    element.amount = 2000;
    await element.updateComplete;
    answer({ imp_uid: 'imp_paid_back' });
    expect((await paying).status).to.equal('success');
    // A cart updated and then undone while PortOne's window was open.
    element.amount = 1004;
    while (!(await element.updateComplete));
    expect(text(button(element))).to.equal('Paid');
    expect((await element.pay()).status).to.equal('cancelled');
    expect(imp.requests).to.have.length(1);
  });

  it('back after a phone payment the return page reported paid, the order changed on this page meanwhile: that order is still to pay', async () => {
    const imp = installImp('never');
    const element = await widget({});
    void element.pay();
    await waitUntil(() => imp.requests.length === 1, 'request_pay called');
    const id = imp.requests[0]!.merchant_uid;
    // The page stays usable while PortOne's page loads: the cart changes.
    element.setAttribute('amount', '2000');
    await element.updateComplete;
    new AttemptStore(sessionStorage).markReported(id, { imp_uid: 'imp_back_5', merchant_uid: id }, 'success');
    window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
    await waitUntil(() => !button(element).hasAttribute('aria-busy'), 'the attempt given up');
    expect(text(button(element))).to.equal('Pay ₩2,000');
    expect(text(shadow(element).querySelector('[part="status"] .message'))).to.contain('previous order went through');
    // Back to the order paid: Paid.
    element.setAttribute('amount', '1004');
    while (!(await element.updateComplete));
    expect(text(button(element))).to.equal('Paid');
  });

  it('back after a phone payment the return page reported paid, the paying widget gone from the page: a widget the app renders there shows Paid', async () => {
    const imp = installImp('never');
    const element = await widget({});
    void element.pay();
    await waitUntil(() => imp.requests.length === 1, 'request_pay called');
    const id = imp.requests[0]!.merchant_uid;
    const parent = element.parentElement!;
    element.remove();
    new AttemptStore(sessionStorage).markReported(id, { imp_uid: 'imp_back_6', merchant_uid: id }, 'success');
    window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
    // The app renders its checkout again after pageshow.
    const again = element.cloneNode() as PaymentwallPay;
    parent.append(again);
    while (!(await again.updateComplete));
    expect(text(button(again))).to.equal('Paid');
    expect(imp.requests).to.have.length(1);
  });

  it('still pays when only moved (removed and added again in the same task) while paying', async () => {
    const imp = installImp();
    const element = await widget({});
    const held = holdPayRequest(element);
    const paying = element.pay();
    await held.heard();
    const parent = element.parentElement!;
    element.remove();
    parent.append(element);
    held.release();
    expect((await paying).status).to.equal('success');
    expect(imp.requests).to.have.length(1);
  });

  it('back from the payment page (back/forward cache): the attempt ends quietly, its record stays, the button works', async () => {
    const imp = installImp('never');
    const element = await widget({});
    const events = recordEvents(element, 'pay-success', 'pay-fail');
    const paying = element.pay();
    await waitUntil(() => imp.requests.length === 1, 'request_pay called');
    const saved = `paymentwall-pay:attempt:${imp.requests[0]!.merchant_uid}`;
    // What the browser fires when it restores the page from its back/forward cache.
    window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
    expect(await paying).to.deep.equal({ status: 'cancelled' });
    await element.updateComplete;
    expect(events, 'nothing reported: a later redirect return may still report the result').to.have.length(0);
    expect(sessionStorage.getItem(saved), 'the saved attempt stays').to.be.a('string');
    expect(button(element).disabled).to.equal(false);
    expect(button(element).hasAttribute('aria-busy')).to.equal(false);
    imp.answer = 'success';
    expect((await element.pay()).status).to.equal('success');
    expect(imp.requests).to.have.length(2);
  });

  it('back while the payment is still starting (a pay-request wait pending): no payment window opens afterwards', async () => {
    const imp = installImp('success');
    const element = await widget({});
    const events = recordEvents(element, 'pay-success', 'pay-fail');
    let release: (() => void) | undefined;
    element.addEventListener('pay-request', (event) => (event as PayRequestEvent).detail.waitUntil(new Promise<void>((done) => (release = done))));
    const paying = element.pay();
    await waitUntil(() => release !== undefined, 'pay-request heard');
    window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
    expect(await paying).to.deep.equal({ status: 'cancelled' });
    // The server answers after the buyer came back: the given-up attempt must not open a window
    // beside the button the buyer can press again.
    release!();
    await tick(200);
    expect(imp.requests, 'no payment window after Back').to.have.length(0);
    expect(events).to.have.length(0);
  });

  it('a reload, or Back without the back/forward cache, while the buyer was at PortOne: the form shows their typing again', async () => {
    // A checkout page the browser does not keep (Cache-Control: no-store), or a stuck window the
    // buyer escapes by reloading: the page loads anew with no result in its address.
    const imp = installImp('never');
    const element = await widget({ fields: 'tel' }, false);
    await fill(element, 'name', 'Kim Minsu');
    await fill(element, 'email', 'minsu@example.com');
    await fill(element, 'tel', '010-1234-5678');
    void element.pay();
    await waitUntil(() => imp.requests.length === 1, 'request_pay called');
    const values = (widget: PaymentwallPay) => ['name', 'email', 'tel'].map((name) => input(widget, name).value);
    element.remove();
    const loadAgain = async (type: NavigationTimingType, attributes: Record<string, string>, loadedAt?: string) => {
      fixtureCleanup();
      newPageLoad();
      const restore = navigatedBy(type, loadedAt);
      try {
        return await widget({ fields: 'tel', ...attributes }, false);
      } finally {
        restore();
      }
    };
    for (const type of ['reload', 'back_forward'] as const) {
      const again = await loadAgain(type, {});
      expect(values(again), type).to.deep.equal(['Kim Minsu', 'minsu@example.com', '010-1234-5678']);
      expect(button(again).disabled, 'and can pay again').to.equal(false);
    }
    // Not over what the page prefills, also once a session fetched later binds it: another account
    // may have signed in since.
    expect(values(await loadAgain('reload', { 'buyer-email': 'other@example.com' }))).to.deep.equal(['Kim Minsu', 'other@example.com', '010-1234-5678']);
    const late = await loadAgain('reload', {});
    late.buyerEmail = 'other@example.com';
    await late.updateComplete;
    expect(values(late)).to.deep.equal(['Kim Minsu', 'other@example.com', '010-1234-5678']);
    // What the buyer types wins, and is what is sent.
    await fill(late, 'name', 'Lee Jiwoo');
    void late.pay();
    await waitUntil(() => imp.requests.length === 2, 'request_pay called again');
    expect(imp.requests[1]).to.include({ buyer_name: 'Lee Jiwoo', buyer_email: 'other@example.com', buyer_tel: '010-1234-5678' });
    // Not on a page reached by a link (the shop again, later), on a single-page app's later route
    // after a reload elsewhere, nor for another order at that place or a widget at another place.
    expect(values(await loadAgain('navigate', {}))).to.deep.equal(['', '', '']);
    expect(values(await loadAgain('reload', {}, `${location.origin}/some/other/route`))).to.deep.equal(['', '', '']);
    expect(values(await loadAgain('reload', { amount: '2000' }))).to.deep.equal(['', '', '']);
    expect(values(await loadAgain('reload', { id: 'elsewhere' }))).to.deep.equal(['', '', '']);
  });

  it('back from the payment page with a fixed merchant-uid: a later "result" for it may be a crafted link, and is reported unconfirmed', async () => {
    const imp = installImp('never');
    const element = await widget({ 'merchant-uid': 'INV-42' });
    const paying = element.pay();
    await waitUntil(() => imp.requests.length === 1, 'request_pay called');
    window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
    await paying;
    element.remove();
    // ?merchant_uid=INV-42&imp_uid=anything, opened later in the same tab.
    returnWith({ merchant_uid: 'INV-42', imp_uid: 'anything' });
    const returned = await widget({ 'merchant-uid': 'INV-42' });
    const { detail } = await nextEvent<CustomEvent<{ unconfirmed?: boolean }>>(returned, 'pay-success');
    expect(detail.unconfirmed).to.equal(true);
    await returned.updateComplete;
    expect(button(returned).disabled, 'not locked as paid').to.equal(false);
  });

  it('back from the payment page after a framework re-created the paying widget: its pay() ends, and a later "result" for its fixed id is unconfirmed', async () => {
    const imp = installImp('never');
    const element = await widget({ 'merchant-uid': 'INV-43' });
    const paying = element.pay();
    await waitUntil(() => imp.requests.length === 1, 'request_pay called');
    // Re-keyed while the buyer was at PortOne: the paying element is off the page when they come Back.
    const fresh = element.cloneNode() as PaymentwallPay;
    element.replaceWith(fresh);
    window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
    expect(await Promise.race([paying, tick(500).then(() => 'still pending')])).to.deep.equal({ status: 'cancelled' });
    fresh.remove();
    returnWith({ merchant_uid: 'INV-43', imp_uid: 'anything' });
    const returned = await widget({ 'merchant-uid': 'INV-43' });
    const { detail } = await nextEvent<CustomEvent<{ unconfirmed?: boolean }>>(returned, 'pay-success');
    expect(detail.unconfirmed).to.equal(true);
  });

  it('back after a phone payment the return page reported paid, the paying widget re-created meanwhile: the one in its place shows Paid', async () => {
    for (const [ended, line] of [['success', 'Paid'], ['closed', 'You closed the payment window before paying. You can try again.']] as const) {
      await resetPage();
      const imp = installImp('never');
      const element = await widget({});
      await fill(element, 'name', 'Kim Minsu');
      void element.pay();
      await waitUntil(() => imp.requests.length === 1, 'request_pay called');
      const id = imp.requests[0]!.merchant_uid;
      // Re-keyed while the buyer was at PortOne; the return page, another load, reported the result.
      const fresh = element.cloneNode() as PaymentwallPay;
      element.replaceWith(fresh);
      await fresh.updateComplete;
      new AttemptStore(sessionStorage).markReported(id, { imp_uid: 'imp_back_4', merchant_uid: id }, ended);
      window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
      await fresh.updateComplete;
      const status = shadow(fresh).querySelector('[part="status"]');
      expect(text(ended === 'success' ? button(fresh) : status), ended).to.equal(line);
      expect(input(fresh, 'name').value, `${ended}: what the buyer typed`).to.equal('Kim Minsu');
      if (ended === 'success') {
        expect((await fresh.pay()).status, 'no second charge').to.equal('cancelled');
        // The app renders again on pageshow: the widget it puts there shows Paid too.
        const again = fresh.cloneNode() as PaymentwallPay;
        fresh.replaceWith(again);
        while (!(await again.updateComplete));
        expect(text(button(again))).to.equal('Paid');
        expect(imp.requests).to.have.length(1);
      }
    }
  });

  it('back while the payment is still starting, the widget parked off the page meanwhile: no payment window opens afterwards', async () => {
    const imp = installImp('success');
    const element = await widget({});
    const parent = element.parentElement!;
    let release: (() => void) | undefined;
    element.addEventListener('pay-request', (event) => (event as PayRequestEvent).detail.waitUntil(new Promise<void>((done) => (release = done))), { once: true });
    const paying = element.pay();
    await waitUntil(() => release !== undefined, 'pay-request heard');
    element.remove();
    window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
    parent.append(element);
    release!();
        expect(await paying).to.deep.equal({ status: 'cancelled' });
    await tick(200);
    expect(imp.requests, 'no payment window after Back').to.have.length(0);
    expect((await element.pay()).status, 'and it pays again').to.equal('success');
  });

  it('back from the payment page with an order id a pay-request listener set: a later "result" for it is reported unconfirmed', async () => {
    for (const comeBack of ['the back/forward cache', 'a new load of the paying page'] as const) {
      await resetPage();
      const imp = installImp('never');
      const element = await widget({});
      // The README's pattern: the order is created on the server, its id often guessable.
      element.addEventListener('pay-request', (event) => ((event as PayRequestEvent).detail.request.merchant_uid = 'order-1042'));
      const paying = element.pay();
      await waitUntil(() => imp.requests.length === 1, 'request_pay called');
      if (comeBack === 'the back/forward cache') {
        window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
        await paying;
      } else {
        // Saved by another page load; this one shows the paying page again, with no result.
        const key = 'paymentwall-pay:attempt:order-1042';
        sessionStorage.setItem(key, JSON.stringify({ ...JSON.parse(sessionStorage.getItem(key)!), load: 'an-earlier-load' }));
        history.replaceState(history.state, '', `${home}${home.includes('?') ? '&' : '?'}page=again`);
        (await widget({})).remove();
      }
      element.remove();
      // ?merchant_uid=order-1042&imp_uid=anything, opened later in the same tab.
      returnWith({ merchant_uid: 'order-1042', imp_uid: 'anything' });
      const returned = await widget({});
      const { detail } = await nextEvent<CustomEvent<{ unconfirmed?: boolean }>>(returned, 'pay-success', 3000);
      expect(detail.unconfirmed, comeBack).to.equal(true);
      await returned.updateComplete;
      expect(button(returned).disabled, `${comeBack}: not locked as paid`).to.equal(false);
      history.replaceState(history.state, '', home);
    }
  });

  it('back from the payment page with a random order id, then Forward and a real payment: that return stays confirmed', async () => {
    const imp = installImp('never');
    const element = await widget({});
    const paying = element.pay();
    await waitUntil(() => imp.requests.length === 1, 'request_pay called');
    const id = imp.requests[0]!.merchant_uid;
    window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
    await paying;
    element.remove();
    returnWith({ merchant_uid: id, imp_uid: 'imp_real' });
    const returned = await widget({});
    const { detail } = await nextEvent<CustomEvent<{ unconfirmed?: boolean }>>(returned, 'pay-success');
    expect(detail).not.to.have.property('unconfirmed');
    await returned.updateComplete;
    expect(button(returned).disabled, 'paid').to.equal(true);
  });

  it('back to the paying page after an unconfirmed "success" (a crafted link) shows no paid state', async () => {
    const imp = installImp('never');
    const element = await widget({ 'merchant-uid': 'INV-9' });
    void element.pay();
    await waitUntil(() => imp.requests.length === 1, 'request_pay called');
    // Another page load of the shop with this widget, without a result: the attempt was left.
    const parent = element.parentElement!;
    element.remove();
    sessionStorage.setItem('paymentwall-pay:attempt:INV-9', JSON.stringify({ ...JSON.parse(sessionStorage.getItem('paymentwall-pay:attempt:INV-9')!), load: 'an-earlier-load' }));
    (await widget({ 'merchant-uid': 'INV-9' })).remove();
    await returnThenBackTo(element, parent, { merchant_uid: 'INV-9', imp_uid: 'fake' }, { 'merchant-uid': 'INV-9' });
    // The attempt in flight ends quietly; in the paid state the button would stay disabled.
    await waitUntil(() => !button(element).disabled, 'the button works again, no paid state');
    expect(text(shadow(element).querySelector('[part="status"]'))).not.to.contain('complete');
  });

  it('back after a phone payment the return page reported paid: shows the success state and offers no second charge', async () => {
    const imp = installImp('never');
    const element = await widget({});
    const paying = element.pay();
    await waitUntil(() => imp.requests.length === 1, 'request_pay called');
    const events = recordEvents(element, 'pay-success', 'pay-fail');
    await returnThenBack(element, { imp_uid: 'imp_back_1', merchant_uid: imp.requests[0]!.merchant_uid });
    expect(await paying).to.deep.equal({ status: 'cancelled' });
    await element.updateComplete;
    expect(shadow(element).querySelector('[part="status"]')!.getAttribute('data-kind')).to.equal('success');
    expect(button(element).disabled, 'the button is not offered again').to.equal(true);
    expect((await element.pay()).status).to.equal('cancelled');
    expect(imp.requests, 'no second payment window').to.have.length(1);
    expect(events, 'reported once, by the return page').to.have.length(0);
  });

  it('back after a phone payment the return page reported failed: shows that failure and can be tried again', async () => {
    const imp = installImp('never');
    const element = await widget({});
    void element.pay();
    await waitUntil(() => imp.requests.length === 1, 'request_pay called');
    await returnThenBack(element, { imp_uid: 'imp_back_2', merchant_uid: imp.requests[0]!.merchant_uid, error_code: 'F400', error_msg: 'declined' });
    await waitUntil(() => !button(element).disabled, 'free again');
    const status = shadow(element).querySelector('[part="status"]')!;
    expect(status.getAttribute('data-kind')).to.equal('fail');
    expect(text(status)).to.equal('The payment was not completed.');
  });

  it('back after a phone payment whose window the buyer closed: shows that they closed it, not a failure', async () => {
    const imp = installImp('never');
    const element = await widget({});
    void element.pay();
    await waitUntil(() => imp.requests.length === 1, 'request_pay called');
    const closed = { imp_uid: 'imp_back_3', merchant_uid: imp.requests[0]!.merchant_uid, imp_success: 'false', error_code: 'F400', error_msg: '사용자가 결제를 취소하셨습니다' };
    await returnThenBack(element, closed);
    await waitUntil(() => !button(element).disabled, 'free again');
    const status = shadow(element).querySelector('[part="status"]')!;
    expect(status.getAttribute('data-kind')).to.equal('closed');
    expect(text(status)).to.equal('You closed the payment window before paying. You can try again.');
  });

  it('a pageshow that is no restore (persisted false) leaves the attempt in flight alone', async () => {
    const imp = installImp('never');
    const element = await widget({});
    void element.pay();
    await waitUntil(() => imp.requests.length === 1, 'request_pay called');
    window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: false }));
    await element.updateComplete;
    expect(button(element).getAttribute('aria-busy')).to.equal('true');
  });

  it('stays Paid when a framework sets its order again as it was (the amount as a number after its text)', async () => {
    installImp('success');
    const element = await widget({});
    expect((await element.pay()).status).to.equal('success');
    await element.updateComplete;
    (element as unknown as { amount: unknown }).amount = '1004';
    element.setAttribute('order-name', ' Demo T-shirt ');
    await element.updateComplete;
    expect(text(button(element))).to.equal('Paid');
    expect((await element.pay()).status, 'no second charge').to.equal('cancelled');
  });

  it('can be created and removed many times', async () => {
    installImp();
    const host = document.createElement('div');
    document.body.append(host);
    for (let round = 0; round < 200; round += 1) {
      const element = document.createElement('paymentwall-pay');
      element.setAttribute('imp-code', 'imp1');
      element.setAttribute('channel-key', 'k');
      element.setAttribute('amount', '1');
      element.setAttribute('currency', 'KRW');
      element.setAttribute('order-name', 'x');
      host.append(element);
      await element.updateComplete;
      expect(shadow(element).querySelector('form')).to.exist;
      element.remove();
    }
    host.remove();
    expect(document.querySelectorAll('paymentwall-pay')).to.have.length(0);
    expect(document.querySelectorAll('script[src*="iamport"]')).to.have.length(0);
  });

  it('reads the page again when put back: an SDK origin allowed while it was off the page counts', async () => {
    const origin = `https://sdk-${Math.random().toString(36).slice(2)}.example`;
    const element = await widget({ 'sdk-src': `${origin}/iamport.js` });
    expect(button(element).disabled).to.equal(true);
    const parent = element.parentElement!;
    element.remove();
    PaymentwallPay.allowSdkOrigin(origin);
    parent.append(element);
    await element.updateComplete;
    expect(shadow(element).querySelector('[part="config-error"]')).to.equal(null);
    expect(button(element).disabled).to.equal(false);
  });
});

