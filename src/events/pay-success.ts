import type { Buyer } from '../buyer.js';
import type { RequestPayResponse } from '../imp.js';
import type { V2PaySuccessDetail } from '../protocols/v2/types.js';

/**
 * PortOne V1 reported no error. Not proof of payment: send `impUid` to your server and verify it
 * there (`paymentwall-pay/server`'s `verifyPayment`).
 */
export interface PaySuccessDetailV1 {
  /** Only V2 details carry it (`'v2'`). */
  protocol?: never;
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
  /** A redirect return this widget saved no attempt for (storage was blocked), or one for an attempt the buyer came back from without a result: nothing confirms it came from PortOne; its text from the link is left out. */
  unconfirmed?: true;
}

/**
 * PortOne V2 reported no error (a widget with `store-id`). Not proof of payment: send `paymentId`
 * to your server and verify it there (`PortOneV2Client`'s `verifyPayment`). `amount` is in the
 * currency's minor units, as sent. `merchantUid` and `impUid` repeat `paymentId` and `txId` under
 * V1's names (PortOne's own V1 → V2 map), so a listener written for V1 keeps working.
 */
export interface PaySuccessDetailV2 extends V2PaySuccessDetail {
  protocol: 'v2';
  /** The same as `paymentId`. */
  merchantUid: string;
  /** The same as `txId`; '' when the return did not carry it. */
  impUid: string;
  customerUid?: never;
}

/** `pay-success`: V1's detail, or V2's (`protocol: 'v2'`). */
export type PaySuccessDetail = PaySuccessDetailV1 | PaySuccessDetailV2;

export type PaySuccessEvent = CustomEvent<PaySuccessDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'pay-success': PaySuccessEvent;
  }
}
