/**
 * Opt-in types for Vue 3 templates (checked by vue-tsc / Vue's editor tools). Once in the app:
 *
 *     import type {} from 'paymentwall-pay/vue';
 *
 * and `<paymentwall-pay :amount="1004" :customData="cart" @pay-success="onPaid">` is checked:
 * properties with their types, the dashed attributes as strings, and the events with their
 * typed `detail`. (Tell Vue's compiler the tag is a custom element, as the README shows.)
 */
import type { AllowedComponentProps, ComponentCustomProps, HTMLAttributes, VNodeProps } from 'vue';
import type { PaymentwallPay } from '../paymentwall-pay.js';
import type { PaymentwallPayAttributes, PaymentwallPayEvents, PaymentwallPayProperties } from './widget-types.js';

type Camel<S extends string> = S extends `${infer Head}-${infer Tail}` ? `${Head}${Capitalize<Camel<Tail>>}` : S;

/** `@pay-success` in a template is the prop `onPaySuccess`. */
export type PaymentwallPayVueEvents = {
  [K in keyof PaymentwallPayEvents as `on${Capitalize<Camel<K>>}`]?: (event: PaymentwallPayEvents[K]) => void;
};

/**
 * Everything `<paymentwall-pay>` takes in a Vue template, with any element's attributes and native
 * events (`id`, `@click`). vue-tsc reads `amount="1004"` and `sdk-timeout="20000"` as the props
 * `amount` and `sdkTimeout`, and Vue sets that text as the property, which the widget reads as
 * it reads the attribute (digits only; anything else is a configuration error).
 */
export type PaymentwallPayVueProps = Omit<Partial<PaymentwallPayProperties>, 'amount' | 'sdkTimeout'> & {
  amount?: number | `${number}`;
  sdkTimeout?: number | `${number}`;
} &
  PaymentwallPayAttributes &
  PaymentwallPayVueEvents &
  Omit<HTMLAttributes, keyof PaymentwallPayProperties> &
  AllowedComponentProps &
  ComponentCustomProps &
  VNodeProps;

/** The element as a Vue component type: its instance is the element, its props the above. */
export type PaymentwallPayVueComponent = new () => PaymentwallPay & { $props: PaymentwallPayVueProps };

declare module 'vue' {
  interface GlobalComponents {
    'paymentwall-pay': PaymentwallPayVueComponent;
  }
}
