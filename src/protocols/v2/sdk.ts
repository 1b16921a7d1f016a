/**
 * How the element reaches PortOne's V2 SDK: where it comes from, which global it defines, and
 * one call that turns everything `requestPayment` can do into a reading (reference §1–2).
 */
import { sdkGlobal } from '../../sdk-loader.js';
import { V2_SDK_SRC } from './config.js';
import { readV2Rejection, readV2Response, type V2Reading } from './result.js';
import type { PortOneV2, V2PaymentRequest } from './types.js';

/** For the shared loader: the default URL and `window.PortOne` with `requestPayment`. No init call. */
export const V2_SDK = { src: V2_SDK_SRC, ...sdkGlobal<PortOneV2>('PortOne', 'requestPayment') };

/**
 * Calls `requestPayment` once and reads its answer. `via` is `local` only when the SDK threw
 * synchronously (no PortOne answer at all); a value or a rejection is PortOne's (`callback`).
 * A `redirect` reading means the page is leaving for `redirectUrl`: keep the saved attempt and
 * report nothing; the return reports it.
 */
export async function payV2(sdk: PortOneV2, request: V2PaymentRequest): Promise<{ via: 'callback' | 'local'; reading: V2Reading }> {
  let answer: unknown;
  try {
    answer = sdk.requestPayment(request);
  } catch (error) {
    return { via: 'local', reading: readV2Rejection(error, request.paymentId) };
  }
  // Not a promise: no SDK of PortOne's; waiting for it would leave the widget busy for ever.
  if (typeof (answer as PromiseLike<unknown> | undefined)?.then !== 'function') {
    return { via: 'local', reading: { status: 'fail', code: 'sdk-error', paymentId: request.paymentId } };
  }
  try {
    return { via: 'callback', reading: readV2Response(await answer, request.paymentId) };
  } catch (error) {
    return { via: 'callback', reading: readV2Rejection(error, request.paymentId) };
  }
}
