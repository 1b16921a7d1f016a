import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { PaymentwallPay, PayFailDetail } from '../../src/index.js';
import { installImp } from '../helpers/imp-double.js';
import { resetPage } from '../helpers/page.js';
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
});
