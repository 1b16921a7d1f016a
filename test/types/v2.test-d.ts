// PortOne V2's types as a TypeScript user meets them: the new properties, the V2 event details
// (narrowed by `protocol`), and the pay-request guard.
import { expectTypeOf } from 'expect-type';
import { isV2PayRequest, type PayFailDetailV2, type PaySuccessDetailV1, type PaySuccessDetailV2, type V2PaymentRequest } from 'paymentwall-pay';

const widget = document.createElement('paymentwall-pay');
widget.storeId = 'store-1';
widget.customerId = 'user-1842';
widget.paymentId = 'order-1';
// @ts-expect-error the store id is a string
widget.storeId = 1;

widget.addEventListener('pay-success', (event) => {
  // Both versions carry V1's ids, so V1 code compiles on either.
  expectTypeOf(event.detail.merchantUid).toEqualTypeOf<string>();
  if (event.detail.protocol === 'v2') {
    expectTypeOf(event.detail).toEqualTypeOf<PaySuccessDetailV2>();
    expectTypeOf(event.detail.paymentId).toEqualTypeOf<string>();
    expectTypeOf(event.detail.txId).toEqualTypeOf<string | undefined>();
    expectTypeOf(event.detail.customerId).toEqualTypeOf<string>();
  } else {
    expectTypeOf(event.detail).toEqualTypeOf<PaySuccessDetailV1>();
    // @ts-expect-error V1 details have no paymentId
    void event.detail.paymentId;
  }
});
widget.addEventListener('pay-fail', (event) => {
  if (event.detail.protocol === 'v2') {
    expectTypeOf(event.detail).toEqualTypeOf<PayFailDetailV2>();
    expectTypeOf(event.detail.portOneCode).toEqualTypeOf<string | undefined>();
  }
});
widget.addEventListener('pay-request', (event) => {
  if (isV2PayRequest(event.detail)) {
    expectTypeOf(event.detail.request).toMatchTypeOf<V2PaymentRequest>();
    event.detail.request.totalAmount = 150;
    event.detail.request.customer.email = 'account@example.com';
    // @ts-expect-error totalAmount is a number of minor units
    event.detail.request.totalAmount = '150';
  }
});
