import { expect } from '@open-wc/testing';
import { PaymentwallPay, definePaymentwallPay } from '../../src/index.js';
import { installImp } from '../helpers/imp-double.js';
import { resetPage, shadow } from '../helpers/page.js';
import { widget } from '../helpers/widget.js';

describe('registration and lifecycle', () => {
  beforeEach(resetPage);
  afterEach(resetPage);

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
});
