/**
 * Reading PortOne V2's answer (reference portone-v2.md §2): the promise's value, its rejection,
 * and the query of a redirect return; and the `pay-success` / `pay-fail` details made from them.
 */
import type { PayFailCode } from '../../events/pay-fail.js';
import { codeText } from '../../outcome.js';
import { V2_RESULT_PARAMS, lastValues } from '../../redirect-return.js';
import type { V2Attempt, V2PayFailDetail, V2PaySuccessDetail, V2PaymentResponse } from './types.js';

type Result = V2PaymentResponse | Record<string, string>;

/** What an answer means, before it is told to the page. */
export type V2Reading =
  | { status: 'success'; paymentId: string; txId?: string; response: Result }
  | {
      status: 'fail';
      code: Extract<PayFailCode, 'pg-error' | 'sdk-error'>;
      paymentId: string;
      txId?: string;
      portOneCode?: string;
      portOneMessage?: string;
      pgCode?: string;
      pgMessage?: string;
      response?: Result;
    }
  /** `undefined`: the SDK is taking the page to `redirectUrl`; the return will report it. */
  | { status: 'redirect'; paymentId: string };

/** The fields of PortOne's answer the details carry, only those that are non-empty strings or numbers. */
function fields(source: Record<string, unknown>, code: string, message: string) {
  const found: Partial<Record<'txId' | 'portOneCode' | 'portOneMessage' | 'pgCode' | 'pgMessage', string>> = {};
  const pairs = [['txId', 'txId'], ['portOneCode', code], ['portOneMessage', message], ['pgCode', 'pgCode'], ['pgMessage', 'pgMessage']] as const;
  for (const [to, from] of pairs) {
    const value = codeText(source[from]);
    if (value !== undefined) found[to] = value;
  }
  return found;
}

/**
 * The promise's value for the request sent with `paymentId`. A `code` of any value but undefined
 * (`null` and `''` too: PortOne's own test is `code !== undefined`) is `pg-error`; an answer for another
 * payment, for none (no `paymentId` and no `txId`), for another kind of transaction, or one that
 * is not an object, is `sdk-error`; else success.
 */
export function readV2Response(response: unknown, paymentId: string): V2Reading {
  if (response === undefined) return { status: 'redirect', paymentId };
  if (typeof response !== 'object' || response === null) return { status: 'fail', code: 'sdk-error', paymentId };
  const result = response as V2PaymentResponse;
  const found = fields(result, 'code', 'message');
  // PortOne sends a PG's code or message only with a failure: one that says something is one, its
  // code lost on the way or not.
  if (result.code !== undefined || found.pgCode !== undefined || found.pgMessage !== undefined) {
    return { status: 'fail', code: 'pg-error', paymentId, ...found, response: result };
  }
  // For another payment, naming none at all (neither paymentId nor txId), or for something else
  // than a payment (an identity verification): no success of this one.
  if (
    (result.paymentId === undefined ? found.txId === undefined : result.paymentId !== paymentId) ||
    (result.transactionType !== undefined && result.transactionType !== 'PAYMENT')
  ) {
    return { status: 'fail', code: 'sdk-error', paymentId, ...found, response: result };
  }
  return found.txId === undefined
    ? { status: 'success', paymentId, response: result }
    : { status: 'success', paymentId, txId: found.txId, response: result };
}

/** A rejection: `sdk-error`, keeping a `PaymentError`'s code, message, txId and PG fields. */
export function readV2Rejection(error: unknown, paymentId: string): V2Reading {
  const isPaymentError =
    typeof error === 'object' && error !== null && (error as { __portOneErrorType?: unknown }).__portOneErrorType === 'PaymentError';
  return { status: 'fail', code: 'sdk-error', paymentId, ...(isPaymentError ? fields(error as Record<string, unknown>, 'code', 'message') : {}) };
}

export interface V2Return {
  paymentId: string;
  /** PortOne's parameters as they came, and only those (the last value of each). */
  query: Record<string, string>;
  reading: Exclude<V2Reading, { status: 'redirect' }>;
  /**
   * A saved attempt of this widget matched. When false (matched by `payment-id` only) the query
   * may come from a crafted link: report it, but show none of its text.
   */
  saved: boolean;
}

/**
 * The redirect return in `search`, or undefined when the query is not one. A query is a return
 * only when it carries PortOne's result and a `paymentId` this widget saved (`saved(id)`) or is
 * configured with (`configuredPaymentId`):
 * - for a saved attempt, `paymentId` alone is PortOne's documented success query;
 * - for the configured id alone, it also needs `txId` or `code`: a page's own `?paymentId=…`
 *   link stays untouched.
 */
export function readV2Return(
  search: string,
  saved: (paymentId: string) => boolean,
  configuredPaymentId?: string,
): V2Return | undefined {
  const query = lastValues(new URLSearchParams(search), V2_RESULT_PARAMS);
  const { paymentId } = query;
  if (!paymentId) return undefined;
  const isSaved = saved(paymentId);
  if (!isSaved && (paymentId !== configuredPaymentId || (query.txId === undefined && query.code === undefined))) return undefined;
  const reading = readV2Response(query, paymentId) as V2Return['reading'];
  return { paymentId, query, reading, saved: isSaved };
}

export type V2Outcome = { status: 'success'; detail: V2PaySuccessDetail } | { status: 'fail'; detail: V2PayFailDetail };

/**
 * The event detail for a reading (not `redirect`), from the attempt that was sent. `message`
 * translates a fail code (`t.failure[code]`).
 */
export function v2Outcome(
  via: 'callback' | 'redirect',
  reading: Exclude<V2Reading, { status: 'redirect' }>,
  attempt: V2Attempt,
  message: (code: PayFailCode) => string,
): V2Outcome {
  if (reading.status === 'success') {
    const { paymentId, txId, response } = reading;
    const { amount, currency, customerId, buyer } = attempt;
    const detail: V2PaySuccessDetail = { via, paymentId, amount, currency, customerId, buyer: { ...buyer }, response };
    if (txId !== undefined) detail.txId = txId;
    return { status: 'success', detail };
  }
  const { status: _, code, ...rest } = reading;
  return { status: 'fail', detail: { via, code, message: message(code), ...rest } };
}

/** A failure of the element's own (`invalid-config`, `sdk-load-failed`, `aborted`, a throwing SDK). */
export function v2FailDetail(via: V2PayFailDetail['via'], code: PayFailCode, message: string, paymentId?: string): V2PayFailDetail {
  return paymentId === undefined ? { via, code, message } : { via, code, message, paymentId };
}

/**
 * PortOne's own words for a failure, to show under the translated message (`t.pgDetail`): the
 * PG's message, else PortOne's. Never for a return that matched no saved attempt.
 */
export function v2Reason(detail: V2PayFailDetail): string | undefined {
  return detail.pgMessage ?? detail.portOneMessage;
}
