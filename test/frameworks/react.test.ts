import { expect, fixture, html } from '@open-wc/testing';
import type { PaymentwallPay, PayFailDetail } from '../../src/index.js';
import { installImp } from '../helpers/imp-double.js';
import { resetPage, waitUntil } from '../helpers/page.js';
import '../../src/index.js';

interface ReactBundle {
  createElement: (type: string, props: Record<string, unknown>) => unknown;
  createRoot: (node: Element) => { render(element: unknown): void; unmount(): void };
  flushSync: (fn: () => void) => void;
}

describe('in a React 19 app', () => {
  beforeEach(resetPage);
  afterEach(resetPage);

  it('sets properties and listens through on<event> props', async () => {
    const bundle = '/node_modules/.cache/paymentwall-pay/react.js';
    const React = (await import(bundle)) as ReactBundle;
    const imp = installImp('error-code');
    const mount = await fixture<HTMLDivElement>(html`<div></div>`);
    const failures: PayFailDetail[] = [];
    const root = React.createRoot(mount);
    const render = (amount: number) =>
      React.flushSync(() =>
        root.render(
          React.createElement('paymentwall-pay', {
            'imp-code': 'imp12345678',
            'channel-key': 'k',
            amount,
            currency: 'USD',
            'order-name': 'React order',
            'buyer-name': 'Jack Son',
            'buyer-email': 'jack@example.com',
            customData: { from: 'react' },
            'onpay-fail': (event: CustomEvent<PayFailDetail>) => failures.push(event.detail),
          }),
        ),
      );
    render(20);
    const element = mount.querySelector('paymentwall-pay') as PaymentwallPay;
    render(30);
    await element.updateComplete;
    expect(element.amount).to.equal(30);
    await element.pay();
    await waitUntil(() => failures.length === 1);
    expect(failures[0]).to.include({ code: 'pg-error', pgCode: 'F1002' });
    expect(imp.requests[0]).to.deep.include({ amount: 30, currency: 'USD', custom_data: { from: 'react' } });
    root.unmount();
  });

  it('re-keyed while PortOne\'s window is open: the app\'s handler hears the payment once, and the new widget shows it paid', async () => {
    const bundle = '/node_modules/.cache/paymentwall-pay/react.js';
    const React = (await import(bundle)) as ReactBundle;
    const imp = installImp('never');
    const mount = await fixture<HTMLDivElement>(html`<div></div>`);
    const paid: string[] = [];
    const root = React.createRoot(mount);
    // React 19 never takes an unmounted element's listeners off: the removed widget still has the handler.
    const render = (key: string) =>
      React.flushSync(() =>
        root.render(
          React.createElement('paymentwall-pay', {
            key,
            'imp-code': 'imp12345678',
            'channel-key': 'k',
            amount: 1004,
            currency: 'KRW',
            'order-name': 'React order',
            lang: 'en',
            'buyer-name': 'Jack Son',
            'buyer-email': 'jack@example.com',
            'onpay-success': (event: CustomEvent<{ impUid: string }>) => paid.push(event.detail.impUid),
          }),
        ),
      );
    render('a');
    const first = mount.querySelector('paymentwall-pay') as PaymentwallPay;
    await first.updateComplete;
    const paying = first.pay();
    await waitUntil(() => imp.requests.length === 1, 'request_pay called');
    render('b');
    const second = mount.querySelector('paymentwall-pay') as PaymentwallPay;
    expect(second).not.to.equal(first);
    await second.updateComplete;
    imp.respond({ imp_uid: 'imp_react_1', merchant_uid: imp.requests[0]!.merchant_uid });
    expect((await paying).status).to.equal('success');
    await second.updateComplete;
    expect(paid).to.deep.equal(['imp_react_1']);
    expect(second.shadowRoot!.querySelector('button')!.textContent!.trim()).to.equal('Paid');
    root.unmount();
  });
});
