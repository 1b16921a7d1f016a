import { PaymentwallPay } from './paymentwall-pay.js';

export const TAG_NAME = 'paymentwall-pay';

/**
 * Registers `<paymentwall-pay>` unless something already did: a CDN copy and an npm copy on one
 * page must not throw "has already been used with this registry". Does nothing without a DOM.
 */
export function definePaymentwallPay(): void {
  if (typeof customElements === 'undefined') return;
  const existing = customElements.get(TAG_NAME) as (CustomElementConstructor & { version?: string }) | undefined;
  if (!existing) {
    customElements.define(TAG_NAME, PaymentwallPay);
  } else if (existing !== PaymentwallPay && existing.version !== PaymentwallPay.version) {
    console.warn(
      `paymentwall-pay: <${TAG_NAME}> ${existing.version ?? '(unknown version)'} is already registered; ` +
        `this copy (${PaymentwallPay.version}) is not used.`,
    );
  }
}

definePaymentwallPay();

declare global {
  interface HTMLElementTagNameMap {
    'paymentwall-pay': PaymentwallPay;
  }
  // The registry hands back the class, so `.allowSdkOrigin(...)` needs no cast.
  // The platform's own signatures again, last: TypeScript takes the last overload for `.call`,
  // `ReturnType` and `Parameters`, which must stay as they were for every other tag.
  interface CustomElementRegistry {
    get(name: 'paymentwall-pay'): typeof PaymentwallPay | undefined;
    get(name: string): CustomElementConstructor | undefined;
    whenDefined(name: 'paymentwall-pay'): Promise<typeof PaymentwallPay>;
    whenDefined(name: string): Promise<CustomElementConstructor>;
  }
}
