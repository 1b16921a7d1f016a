// The element's types as a plain TypeScript user meets them: the tag, its properties, events.
import { expectTypeOf } from 'expect-type';
import type { PayFailCode, PayResult, PaySuccessDetail, PaymentwallPay } from 'paymentwall-pay';

const widget = document.createElement('paymentwall-pay');
expectTypeOf(widget).toEqualTypeOf<PaymentwallPay>();
expectTypeOf(document.querySelector('paymentwall-pay')).toEqualTypeOf<PaymentwallPay | null>();

widget.amount = 1004;
widget.currency = 'KRW';
widget.customData = { cart: 'c-1', items: [1, 2] };
widget.testMode = true;
// @ts-expect-error the amount is a number, never a string
widget.amount = '1004';
// @ts-expect-error customData wants an object, not a string
widget.customData = 'cart=c-1';
// @ts-expect-error no such property on the tag
widget.merchantId = 'm-1';

widget.addEventListener('pay-success', (event) => {
  expectTypeOf(event.detail).toEqualTypeOf<PaySuccessDetail>();
  expectTypeOf(event.detail.amount).toEqualTypeOf<number>();
  expectTypeOf(event.detail.via).toEqualTypeOf<'callback' | 'redirect'>();
  // @ts-expect-error a success carries no failure code
  void event.detail.code;
});
widget.addEventListener('pay-fail', (event) => {
  expectTypeOf(event.detail.code).toEqualTypeOf<PayFailCode>();
  // @ts-expect-error not a failure code
  const code: PayFailCode = 'declined';
  void code;
});
widget.addEventListener('pay-request', (event) => {
  event.detail.waitUntil(Promise.resolve());
  // @ts-expect-error the request is PortOne's object, whose amount is a number
  event.detail.request.amount = '1004';
});

async function pay(): Promise<void> {
  const result = await widget.pay();
  expectTypeOf(result).toEqualTypeOf<PayResult>();
  if (result.status === 'success') expectTypeOf(result.detail).toEqualTypeOf<PaySuccessDetail>();
  // @ts-expect-error not a status pay() resolves with
  if (result.status === 'error') return;
}
void pay;

// The registry hands back the class, so the README's opt-in type-checks without a cast.
const Registered = customElements.get('paymentwall-pay');
expectTypeOf(Registered).toEqualTypeOf<typeof PaymentwallPay | undefined>();
Registered?.allowSdkOrigin('/vendor/iamport.js');
void customElements.whenDefined('paymentwall-pay').then((Widget) => {
  expectTypeOf(Widget).toEqualTypeOf<typeof PaymentwallPay>();
  Widget.allowSdkOrigin('https://static.example');
});
// Other tags keep the platform's types, also through .call and the utility types.
expectTypeOf(customElements.get('x-other')).toEqualTypeOf<CustomElementConstructor | undefined>();
expectTypeOf(customElements.get.call(customElements, 'x-other')).toEqualTypeOf<CustomElementConstructor | undefined>();
void customElements.whenDefined.call(customElements, 'x-other');
const looked: ReturnType<typeof customElements.get> = customElements.get('x-other');
void looked;
expectTypeOf<Parameters<typeof customElements.get>[0]>().toEqualTypeOf<string>();
