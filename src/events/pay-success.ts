import type { Buyer } from '../buyer.js';
import type { RequestPayResponse } from '../imp.js';

/**
 * PortOne reported no error. Not proof of payment: send `impUid` to your server and verify it
 * there (`paymentwall-pay/server`'s `verifyPayment`).
 */
export interface PaySuccessDetail {
  via: 'callback' | 'redirect';
  impUid: string;
  merchantUid: string;
  amount: number;
  currency: string;
  /** Billing-key mode: the key's id. Later charges must repeat `buyer.email`. */
  customerUid?: string;
  buyer: Buyer;
  /** PortOne's callback response, or the parsed redirect query. */
  response: RequestPayResponse | Record<string, string>;
}

export type PaySuccessEvent = CustomEvent<PaySuccessDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'pay-success': PaySuccessEvent;
  }
}
