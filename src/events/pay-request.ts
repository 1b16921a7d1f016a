import type { RequestPayParams } from '../imp.js';

export interface PayRequestDetail {
  /** The exact object about to go to `IMP.request_pay`; listeners may change its fields. */
  request: RequestPayParams;
  /** Holds the payment until `promise` settles; a rejection ends it in `pay-fail` `aborted`. */
  waitUntil(promise: PromiseLike<unknown>): void;
}

/** Cancelable: `preventDefault()` stops the payment quietly. */
export type PayRequestEvent = CustomEvent<PayRequestDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'pay-request': PayRequestEvent;
  }
}
