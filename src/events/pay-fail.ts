import type { ConfigProblem } from '../config.js';
import type { RequestPayResponse } from '../imp.js';
import type { V2ConfigProblem } from '../protocols/v2/config.js';
import type { V2PayFailDetail } from '../protocols/v2/types.js';

export type PayFailCode = 'invalid-config' | 'sdk-load-failed' | 'sdk-error' | 'pg-error' | 'aborted';

/** `pay-fail` of a V1 widget. */
export interface PayFailDetailV1 {
  /** Only V2 details carry it (`'v2'`). */
  protocol?: never;
  via: 'callback' | 'redirect' | 'local';
  code: PayFailCode;
  /** Translated, fit to show a buyer. */
  message: string;
  merchantUid?: string;
  impUid?: string;
  /** PortOne's `error_code`. */
  pgCode?: string;
  /** PortOne's `error_msg`. */
  pgMessage?: string;
  response?: RequestPayResponse | Record<string, string>;
  /** With `invalid-config`: what is wrong, attribute by attribute. */
  problems?: ConfigProblem[];
  /** The buyer closed PortOne's window or pressed its cancel button: a `pg-error` that is no one's fault (no alarm, no retry prompt). */
  closed?: true;
  /** A redirect return this widget saved no attempt for (storage was blocked), or one for an attempt the buyer came back from without a result: nothing confirms it came from PortOne; its text from the link is left out. */
  unconfirmed?: true;
}

/**
 * `pay-fail` of a V2 widget (`store-id`). `pgCode` / `pgMessage` are the PG's; `portOneCode` /
 * `portOneMessage` PortOne's (of the resolved response, or of the `PaymentError` it rejected with).
 * `merchantUid` and `impUid` repeat `paymentId` and `txId` under V1's names.
 */
export interface PayFailDetailV2 extends V2PayFailDetail {
  protocol: 'v2';
  merchantUid?: string;
  impUid?: string;
  problems?: V2ConfigProblem[];
}

/** `pay-fail`: V1's detail, or V2's (`protocol: 'v2'`). */
export type PayFailDetail = PayFailDetailV1 | PayFailDetailV2;

export type PayFailEvent = CustomEvent<PayFailDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'pay-fail': PayFailEvent;
  }
}
