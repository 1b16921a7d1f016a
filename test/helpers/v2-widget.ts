import { fixture } from '@open-wc/testing';
import type { PaymentwallPay } from '../../src/index.js';
import { resetPage } from './page.js';
import { BUYER } from './widget.js';

/** A valid V2 configuration (`store-id` set), with the SDK served locally. */
export const VALID_V2: Record<string, string> = {
  'store-id': 'store-4a1b2c3d-0000-4000-8000-000000000001',
  'channel-key': 'channel-key-v2-test',
  'customer-id': 'cust-42',
  amount: '150',
  currency: 'USD',
  'order-name': 'Demo e-book',
  'sdk-src': '/test/fixtures/sdk/portone-double.js',
  lang: 'en',
};

/** A V2 `<paymentwall-pay>` with `attributes` on top of the valid ones (null removes one), not on the page yet. */
export function v2WidgetElement(attributes: Record<string, string | null> = {}, withBuyer = true): PaymentwallPay {
  const element = document.createElement('paymentwall-pay') as PaymentwallPay;
  const all = { ...VALID_V2, ...(withBuyer ? BUYER : {}), ...attributes };
  for (const [name, value] of Object.entries(all)) if (value !== null) element.setAttribute(name, value);
  return element;
}

/** As `v2WidgetElement`, on the page and rendered. */
export async function v2Widget(attributes: Record<string, string | null> = {}, withBuyer = true): Promise<PaymentwallPay> {
  return fixture<PaymentwallPay>(v2WidgetElement(attributes, withBuyer));
}

/** As resetPage, and no window.PortOne either. */
export async function resetV2Page(): Promise<void> {
  await resetPage();
  delete window.PortOne;
}
