import { expect, fixture, html, waitUntil } from '@open-wc/testing';
// The build with the template compiler, so the test can use a template string.
import { createApp, nextTick } from 'vue/dist/vue.esm-browser.js';
import type { PaymentwallPay, PaySuccessDetail } from '../../src/index.js';
import { installImp } from '../helpers/imp-double.js';
import { resetPage } from '../helpers/page.js';
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
});
