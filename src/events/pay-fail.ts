import type { ConfigProblem } from '../config.js';
import type { RequestPayResponse } from '../imp.js';

export type PayFailCode = 'invalid-config' | 'sdk-load-failed' | 'sdk-error' | 'pg-error' | 'aborted';

export interface PayFailDetail {
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
}

export type PayFailEvent = CustomEvent<PayFailDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'pay-fail': PayFailEvent;
  }
}
