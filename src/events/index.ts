export { isV2PayRequest, type PayRequestDetail, type PayRequestDetailV2, type PayRequestEvent } from './pay-request.js';
export type { PaySuccessDetail, PaySuccessDetailV1, PaySuccessDetailV2, PaySuccessEvent } from './pay-success.js';
export type { PayFailCode, PayFailDetail, PayFailDetailV1, PayFailDetailV2, PayFailEvent } from './pay-fail.js';

/** Every event of this element bubbles and crosses shadow roots, so frameworks hear it anywhere. */
export function paymentEvent<K extends 'pay-request' | 'pay-success' | 'pay-fail'>(
  type: K,
  detail: GlobalEventHandlersEventMap[K] extends CustomEvent<infer D> ? D : never,
  cancelable = false,
): CustomEvent {
  return new CustomEvent(type, { bubbles: true, composed: true, cancelable, detail });
}
