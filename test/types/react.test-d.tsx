// React 19 JSX with the opt-in entry: properties, dashed attributes and on<event> props.
import type {} from 'paymentwall-pay/react';
import type { PayFailEvent, PaySuccessEvent, PaymentwallPay } from 'paymentwall-pay';
import { useEffect, useRef } from 'react';
import { expectTypeOf } from 'expect-type';

export const ok = (
  <paymentwall-pay
    imp-code="imp12345678"
    channel-key="channel-key-1"
    amount={1004}
    currency="KRW"
    order-name="T-shirt"
    test-mode
    customData={{ cart: 'c-1' }}
    className="checkout"
    onpay-success={(event) => {
      expectTypeOf(event).toEqualTypeOf<PaySuccessEvent>();
      expectTypeOf(event.detail.impUid).toEqualTypeOf<string>();
    }}
    onpay-fail={(event) => expectTypeOf(event).toEqualTypeOf<PayFailEvent>()}
  />
);

// @ts-expect-error the amount property is a number
export const amountAsText = <paymentwall-pay amount="1004" />;
// @ts-expect-error customData wants an object
export const customDataAsText = <paymentwall-pay customData="cart" />;
// @ts-expect-error no such attribute or property
export const unknownProp = <paymentwall-pay merchantId="m-1" />;
// @ts-expect-error a success event has no failure code
export const wrongDetail = <paymentwall-pay onpay-success={(event) => event.detail.code} />;

// The README's pattern for server-rendered pages that React hydrates, as a TypeScript user pastes it.
export function Hydrated({ cartId, total, onPaid }: { cartId: string; total: number; onPaid: (event: PaySuccessEvent) => void }) {
  const ref = useRef<PaymentwallPay>(null);
  useEffect(() => {
    const widget = ref.current!;
    widget.customData = { cartId };
    widget.addEventListener('pay-success', onPaid);
    return () => widget.removeEventListener('pay-success', onPaid);
  }, [cartId, onPaid]);
  return <paymentwall-pay ref={ref} amount={total} currency="KRW" />;
}
