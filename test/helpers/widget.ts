import { fixture, fixtureCleanup } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { PaymentwallPay } from '../../src/index.js';
import type { RequestPayResponse } from '../../src/imp.js';
import { installImp } from './imp-double.js';
import { input, waitUntil } from './page.js';

/** The tests' SDK stand-ins are served by the test server: this page opts in to its own origin. */
export function allowTestSdk(): void {
  PaymentwallPay.allowSdkOrigin(location.origin);
}
allowTestSdk();

/** A valid configuration, with the SDK served locally. */
export const VALID: Record<string, string> = {
  'imp-code': 'imp12345678',
  'channel-key': 'channel-key-test',
  amount: '1004',
  currency: 'KRW',
  'order-name': 'Demo T-shirt',
  'sdk-src': '/test/fixtures/sdk/imp-double.js',
  lang: 'en',
};

export const BUYER: Record<string, string> = {
  'buyer-name': 'Jack Son',
  'buyer-email': 'jack@example.com',
};

/** A `<paymentwall-pay>` with `attributes` on top of the valid ones (null removes one), not on the page yet. */
export function widgetElement(attributes: Record<string, string | null> = {}, withBuyer = true): PaymentwallPay {
  const element = document.createElement('paymentwall-pay') as PaymentwallPay;
  const all = { ...VALID, ...(withBuyer ? BUYER : {}), ...attributes };
  for (const [name, value] of Object.entries(all)) if (value !== null) element.setAttribute(name, value);
  return element;
}

/** As `widgetElement`, on the page and rendered. */
export async function widget(attributes: Record<string, string | null> = {}, withBuyer = true): Promise<PaymentwallPay> {
  return fixture<PaymentwallPay>(widgetElement(attributes, withBuyer));
}

export { fixtureCleanup };

/**
 * Holds the widget's attempts at their pay-request, as a waitUntil promise still pending does (the
 * page's server making the order): `heard()` waits until one is held, `release()` lets it go on.
 */
export function holdPayRequest(element: PaymentwallPay) {
  let release: (() => void) | undefined;
  element.addEventListener('pay-request', (event) => event.detail.waitUntil(new Promise<void>((resolve) => (release = resolve))));
  return {
    heard: () => waitUntil(() => release !== undefined, 'pay-request heard'),
    release: () => release!(),
  };
}

/** As autofill or a paste does: the whole value at once, with an input event. */
export async function fill(element: PaymentwallPay, field: string, value: string): Promise<void> {
  const target = input(element, field);
  target.value = value;
  target.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  await element.updateComplete;
}

/** As a person does: focus, one key at a time, then leave the field. */
export async function typeInto(element: PaymentwallPay, field: string, text: string, leave = true): Promise<void> {
  const target = input(element, field);
  target.focus();
  target.select();
  await sendKeys({ type: text });
  // WebDriver may return before the browser has handled the last key.
  await waitUntil(() => target.value === text, `"${text}" typed into ${field}`);
  if (leave) target.blur();
  await element.updateComplete;
}

/**
 * A V1 widget (`attributes` as for `widget`) whose payment window is open: PortOne has its request
 * and has not answered. `answer` answers it as PortOne would, for that request's order id.
 */
export async function windowOpen(attributes: Record<string, string | null> = {}) {
  const imp = installImp('never');
  const element = await widget(attributes);
  const paying = element.pay();
  await waitUntil(() => imp.requests.length === 1, 'request_pay called');
  const answer = (response: Omit<RequestPayResponse, 'merchant_uid'>) => imp.respond({ ...response, merchant_uid: imp.requests[0]!.merchant_uid });
  return { imp, element, paying, answer };
}
