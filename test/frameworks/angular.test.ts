// Angular in JIT mode (the template compiler runs in the browser), zoneless.
import '@angular/compiler';
import { Component, CUSTOM_ELEMENTS_SCHEMA, provideZonelessChangeDetection, signal, type ApplicationRef } from '@angular/core';
import { bootstrapApplication } from '@angular/platform-browser';
import { expect } from '@open-wc/testing';
import type { PaymentwallPay, PaySuccessDetail } from '../../src/index.js';
import { installImp } from '../helpers/imp-double.js';
import { resetPage, waitUntil } from '../helpers/page.js';
import '../../src/index.js';

@Component({
  selector: 'pw-angular-shop',
  standalone: true,
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `<paymentwall-pay
    imp-code="imp12345678"
    channel-key="k"
    [amount]="total()"
    currency="KRW"
    order-name="Angular order"
    buyer-name="Jack Son"
    buyer-email="jack@example.com"
    [customData]="cart"
    (pay-success)="onPaid($event)"
  ></paymentwall-pay>`,
})
class ShopComponent {
  total = signal(1200);
  cart = { id: 'a-1' };
  paid: PaySuccessDetail[] = [];
  onPaid(event: Event) {
    this.paid.push((event as CustomEvent<PaySuccessDetail>).detail);
  }
}

describe('in an Angular app', () => {
  let app: ApplicationRef | undefined;
  beforeEach(resetPage);
  afterEach(async () => {
    app?.destroy();
    document.querySelector('pw-angular-shop')?.remove();
    await resetPage();
  });

  it('binds [properties] and hears (pay-success)', async () => {
    const imp = installImp();
    document.body.append(document.createElement('pw-angular-shop'));
    app = await bootstrapApplication(ShopComponent, { providers: [provideZonelessChangeDetection()] });
    const shop = app.components[0]!.instance as ShopComponent;
    const element = document.querySelector('paymentwall-pay') as PaymentwallPay;
    await element.updateComplete;
    expect(element.amount).to.equal(1200);
    shop.total.set(3300);
    await waitUntil(() => element.amount === 3300, 'the signal reached the property');
    await element.pay();
    await waitUntil(() => shop.paid.length === 1);
    expect(imp.requests[0]).to.deep.include({ amount: 3300, custom_data: { id: 'a-1' } });
    expect(shop.paid[0]!.amount).to.equal(3300);
  });
});
