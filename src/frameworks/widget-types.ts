/**
 * The widget's public surface as types, for the opt-in framework entries (`paymentwall-pay/react`,
 * `paymentwall-pay/vue`). Derived from the class, so a new property is typed everywhere at once.
 */
import type { LitElement } from 'lit';
import type { PayFailEvent, PayRequestEvent, PaySuccessEvent } from '../events/index.js';
import type { PaymentwallPay } from '../paymentwall-pay.js';

type DataKeys<T> = { [K in keyof T]-?: T[K] extends (...args: never[]) => unknown ? never : K }[keyof T];

/** Every property the widget adds (one per attribute, plus `customData` and `bypass`), and `lang`. */
export type PaymentwallPayPropertyName = Exclude<DataKeys<PaymentwallPay>, keyof LitElement> | 'lang';

/** The widget's properties with their types: `amount` is a number, `customData` an object. */
export type PaymentwallPayProperties = Pick<PaymentwallPay, PaymentwallPayPropertyName>;

type Kebab<S extends string> = S extends `${infer Head}${infer Tail}`
  ? `${Head extends Lowercase<Head> ? Head : `-${Lowercase<Head>}`}${Kebab<Tail>}`
  : S;

/**
 * The dashed attributes (`imp-code`, `order-name`, …) as markup sets them: strings, or booleans
 * for the boolean ones. One-word names (`amount`, `currency`) are the properties themselves.
 */
export type PaymentwallPayAttributes = {
  [K in Exclude<PaymentwallPayPropertyName, 'customData' | 'bypass'> as Kebab<K> extends K ? never : Kebab<K>]?: PaymentwallPay[K] extends boolean
    ? boolean
    : string;
};

/** The widget's events by name. */
export interface PaymentwallPayEvents {
  'pay-request': PayRequestEvent;
  'pay-success': PaySuccessEvent;
  'pay-fail': PayFailEvent;
}
