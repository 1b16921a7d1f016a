/**
 * Opt-in JSX types for React 19. Once in the app:
 *
 *     import type {} from 'paymentwall-pay/react';
 *
 * and `<paymentwall-pay amount={1004} customData={{ cart: 'c-1' }} onpay-success={(e) => …}>` is
 * type-checked: properties with their types (React 19 sets them as properties), the dashed
 * attributes as strings, and `on` + the event's name (`onpay-success`) with the typed event.
 */
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { PaymentwallPay } from '../paymentwall-pay.js';
import type { PaymentwallPayAttributes, PaymentwallPayEvents, PaymentwallPayProperties } from './widget-types.js';

/** `onpay-success`, `onpay-fail`, `onpay-request`: React 19 listens for the event of that name. */
export type PaymentwallPayReactEvents = {
  [K in keyof PaymentwallPayEvents as `on${K}`]?: (event: PaymentwallPayEvents[K]) => void;
};

/** Everything `<paymentwall-pay>` takes in JSX. */
export type PaymentwallPayJsxProps = Omit<DetailedHTMLProps<HTMLAttributes<PaymentwallPay>, PaymentwallPay>, keyof PaymentwallPayProperties> &
  Partial<PaymentwallPayProperties> &
  PaymentwallPayAttributes &
  PaymentwallPayReactEvents;

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      'paymentwall-pay': PaymentwallPayJsxProps;
    }
  }
}
