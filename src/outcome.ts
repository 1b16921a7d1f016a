import type { Attempt } from './attempt-store.js';
import type { PayFailDetailV1 as PayFailDetail, PayFailCode } from './events/pay-fail.js';
import type { PaySuccessDetailV1 as PaySuccessDetail } from './events/pay-success.js';
import type { RequestPayResponse } from './imp.js';

/** Either the callback's response or the redirect query; both use PortOne's field names. */
type PortOneResult = RequestPayResponse | Record<string, string>;

const isFalse = (value: unknown) => value === false || value === 'false';
const isTrue = (value: unknown) => value === true || value === 'true';
const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);
/**
 * A code PortOne sent, as text: a non-empty string, or a number (V1's own test is
 * `error_code != null`, so a number counts too; V2's codes likewise). V1's and V2's readers share it.
 */
export const codeText = (value: unknown) => (typeof value === 'number' ? String(value) : text(value));

/**
 * PortOne reports a failure by a non-empty `error_code`; the 1.3.0 SDK by a `code` (with
 * `message`), which counts unless `success` or `imp_success` says true, as PortOne's Android SDK
 * reads it (`imp_success == true || success == true || (error_code == null && code == null)`);
 * older SDKs by `success` or `imp_success` being false (as booleans in the callback, as strings in
 * a redirect query).
 */
export function isPgFailure(result: PortOneResult): boolean {
  const { success, imp_success } = result;
  return (
    codeText(result.error_code) !== undefined ||
    (codeText(result.code) !== undefined && !isTrue(success) && !isTrue(imp_success)) ||
    isFalse(success) ||
    isFalse(imp_success)
  );
}

const pgCode = (result: PortOneResult) => codeText(result.error_code) ?? codeText(result.code);
const pgMessage = (result: PortOneResult) => text(result.error_msg) ?? text(result.message);

/**
 * The buyer closed PortOne's window or pressed its cancel button. PortOne V1 has no code for it:
 * its callback and return carry a failure whose `error_msg` says so ("사용자가 결제를 취소하셨습니다",
 * "[결제포기] …"; reference §3 lists "window closed, cancel clicked" under status `failed`).
 */
export function isBuyerCancel(result: PortOneResult | undefined): boolean {
  return result !== undefined && isPgFailure(result) && saysBuyerClosed(pgMessage(result));
}

/** PortOne's (or the PG's) words say the buyer closed the window or cancelled: V1's and V2's alike. */
export function saysBuyerClosed(message: unknown): boolean {
  const said = text(message);
  return (
    said !== undefined &&
    /사용자가?\s*(?:결제를?\s*)?취소|결제\s*포기|\b(?:user|customer|buyer)\s+(?:has\s+)?(?:cancel|close)|\b(?:cancell?ed|closed)\s+by\s+(?:the\s+)?(?:user|customer|buyer)/i.test(said)
  );
}

export function successDetail(
  via: PaySuccessDetail['via'],
  attempt: Attempt,
  result: PortOneResult,
): PaySuccessDetail {
  const detail: PaySuccessDetail = {
    via,
    impUid: text(result.imp_uid) ?? '',
    merchantUid: attempt.merchantUid,
    amount: attempt.amount,
    currency: attempt.currency,
    buyer: { ...attempt.buyer },
    response: result,
  };
  if (attempt.customerUid !== undefined) detail.customerUid = attempt.customerUid;
  return detail;
}

export function failDetail(
  via: PayFailDetail['via'],
  code: PayFailCode,
  message: string,
  merchantUid?: string,
  result?: PortOneResult,
): PayFailDetail {
  const detail: PayFailDetail = { via, code, message };
  if (merchantUid !== undefined) detail.merchantUid = merchantUid;
  if (result !== undefined) {
    const impUid = text(result.imp_uid);
    const code = pgCode(result);
    const message = pgMessage(result);
    if (impUid !== undefined) detail.impUid = impUid;
    if (code !== undefined) detail.pgCode = code;
    if (message !== undefined) detail.pgMessage = message;
    detail.response = result;
  }
  return detail;
}
