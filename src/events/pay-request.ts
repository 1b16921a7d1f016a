import type { RequestPayParams } from '../imp.js';
import type { V2PaymentRequest } from '../protocols/v2/types.js';

/** `pay-request` of a V1 widget: the type of the event map, so V1 listeners keep their types. */
export interface PayRequestDetail {
  /** The exact object about to go to `IMP.request_pay`; listeners may change its fields. */
  request: RequestPayParams;
  /** Holds the payment until `promise` settles; a rejection ends it in `pay-fail` `aborted`. */
  waitUntil(promise: PromiseLike<unknown>): void;
}

/** `pay-request` of a V2 widget (`store-id`): tell it apart with `isV2PayRequest(event.detail)`. */
export interface PayRequestDetailV2 {
  protocol: 'v2';
  /** The exact object about to go to `PortOne.requestPayment`; listeners may change its fields. */
  request: V2PaymentRequest;
  waitUntil(promise: PromiseLike<unknown>): void;
}

/**
 * True for a V2 widget's `pay-request` detail. The event map keeps V1's type (the two requests share
 * no field names, so a union would break every V1 listener's types); this narrows it to V2's.
 */
export function isV2PayRequest(detail: PayRequestDetail | PayRequestDetailV2): detail is PayRequestDetailV2 {
  return (detail as { protocol?: unknown }).protocol === 'v2';
}

/** Cancelable: `preventDefault()` stops the payment quietly. */
export type PayRequestEvent = CustomEvent<PayRequestDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'pay-request': PayRequestEvent;
  }
}
