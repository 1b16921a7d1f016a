import { expect, fixture, html } from '@open-wc/testing';
// The build with the template compiler, so the test can use a template string.
import { createApp, nextTick } from 'vue/dist/vue.esm-browser.js';
import type { PaymentwallPay, PaySuccessDetail } from '../../src/index.js';
import { installImp } from '../helpers/imp-double.js';
import { resetPage, waitUntil } from '../helpers/page.js';
import '../../src/index.js';

describe('in a Vue 3 app', () => {
  beforeEach(resetPage);
  afterEach(resetPage);

  it('binds properties the Vue way and hears pay-success', async () => {
    const imp = installImp();
    const mount = await fixture<HTMLDivElement>(html`<div></div>`);
    const paid: PaySuccessDetail[] = [];
    const app = createApp({
      data: () => ({ total: 1500, cart: { id: 'c-1' } }),
      methods: {
        onPaid(event: CustomEvent<PaySuccessDetail>) {
          paid.push(event.detail);
        },
      },
      template: `<paymentwall-pay imp-code="imp12345678" channel-key="k" :amount="total" currency="KRW"
        order-name="Vue order" buyer-name="Jack Son" buyer-email="jack@example.com"
        :customData="cart" @pay-success="onPaid"></paymentwall-pay>`,
    });
    app.config.compilerOptions.isCustomElement = (tag: string) => tag === 'paymentwall-pay';
    const vm = app.mount(mount) as unknown as { total: number };
    const element = mount.querySelector('paymentwall-pay') as PaymentwallPay;
    await element.updateComplete;
    expect(element.amount).to.equal(1500);
    vm.total = 2500;
    await nextTick();
    await element.pay();
    await waitUntil(() => paid.length === 1);
    expect(imp.requests[0]).to.deep.include({ amount: 2500, custom_data: { id: 'c-1' } });
    expect(paid[0]!.amount).to.equal(2500);
    app.unmount();
  });

  it('takes :test-mode bound to false as off (Vue writes the attribute test-mode="false")', async () => {
    const imp = installImp();
    const mount = await fixture<HTMLDivElement>(html`<div></div>`);
    const app = createApp({
      data: () => ({ testing: false }),
      template: `<paymentwall-pay imp-code="imp12345678" channel-key="k" amount="1500" currency="KRW"
        order-name="Vue order" buyer-name="Jack Son" buyer-email="jack@example.com" :test-mode="testing"></paymentwall-pay>`,
    });
    app.config.compilerOptions.isCustomElement = (tag: string) => tag === 'paymentwall-pay';
    const vm = app.mount(mount) as unknown as { testing: boolean };
    const element = mount.querySelector('paymentwall-pay') as PaymentwallPay;
    await element.updateComplete;
    expect(element.testMode).to.equal(false);
    await element.pay();
    expect(imp.requests[0]).not.to.have.property('use_test_method');
    vm.testing = true;
    await nextTick();
    expect(element.testMode).to.equal(true);
    app.unmount();
  });
});
