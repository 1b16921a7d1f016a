/**
 * A test double of PortOne's V2 `window.PortOne`, behaving as the reference (portone-v2.md §2)
 * describes the real one: `requestPayment` records each request and settles later, after the
 * payment window would have closed:
 * - a paid payment resolves `{ transactionType, txId, paymentId }`;
 * - a PG failure or a closed window resolves with `code` (failure is a resolved value);
 * - an error before the window rejects with a `PaymentError` (told apart by `__portOneErrorType`);
 * - in a redirect flow the page would navigate: the double records the URL PortOne would open
 *   and resolves `undefined`.
 * Codes marked "double's choice" are not confirmed PortOne values.
 */
import type { PortOneV2, V2PaymentError, V2PaymentRequest, V2PaymentResponse } from '../../src/protocols/v2/types.js';

export type V2Answer =
  | 'approve'
  | 'decline'
  | 'close'
  | 'reject' // PaymentError before the window
  | 'reject-other' // a rejection that is no PaymentError (a broken SDK)
  | 'throw' // synchronous throw
  | 'redirect-approve'
  | 'redirect-decline'
  | 'never';

export interface PortOneDouble extends PortOneV2 {
  answer: V2Answer;
  requests: V2PaymentRequest[];
  /** The URLs a redirect flow would have opened. */
  redirects: string[];
  /** Settles the last request by hand (with answer 'never'). */
  resolve(value: V2PaymentResponse | undefined): void;
  reject(error: unknown): void;
}

export const TX_ID = '0190f1f6-aaaa-bbbb-cccc-123456789012';

export function paidResponse(request: V2PaymentRequest): V2PaymentResponse {
  return { transactionType: 'PAYMENT', txId: TX_ID, paymentId: request.paymentId };
}

export function declinedResponse(request: V2PaymentRequest): V2PaymentResponse {
  return {
    transactionType: 'PAYMENT',
    txId: TX_ID,
    paymentId: request.paymentId,
    code: 'FAILURE_TYPE_PG', // double's choice
    message: '[PAYMENTWALL] 카드 승인 거절',
    pgCode: 'DECLINED', // double's choice
    pgMessage: 'Card declined',
  };
}

export function closedResponse(request: V2PaymentRequest): V2PaymentResponse {
  // double's choice: PortOne documents no code for a window the buyer closed
  return { transactionType: 'PAYMENT', txId: TX_ID, paymentId: request.paymentId, code: 'FAILURE_TYPE_PG', message: '사용자가 결제를 취소하였습니다' };
}

/** Shaped as `@portone/browser-sdk`'s `PaymentError` (dist/v2.js): an Error with PortOne's marker. */
export function paymentError(code: string, message: string, extra: Partial<V2PaymentError> = {}): V2PaymentError {
  return Object.assign(new Error(message), { __portOneErrorType: 'PaymentError' as const, transactionType: 'PAYMENT', code, ...extra });
}

/** The URL PortOne would open: `redirectUrl` + `paymentId`, and on failure `code`, `message`, `pgCode`, `pgMessage`. */
export function redirectTarget(request: V2PaymentRequest, response?: V2PaymentResponse): string {
  const url = new URL(request.redirectUrl!);
  url.searchParams.set('paymentId', request.paymentId);
  for (const key of ['code', 'message', 'pgCode', 'pgMessage'] as const) {
    if (response?.[key] !== undefined) url.searchParams.set(key, response[key]);
  }
  return url.href;
}

export function installPortOne(answer: V2Answer = 'approve'): PortOneDouble {
  let settle: { resolve(value: V2PaymentResponse | undefined): void; reject(error: unknown): void } | undefined;
  const later = (fn: () => void) => setTimeout(fn, 5);
  const sdk: PortOneDouble = {
    answer,
    requests: [],
    redirects: [],
    requestPayment(request) {
      sdk.requests.push(structuredClone(request));
      if (sdk.answer === 'throw') throw new TypeError("Cannot read properties of undefined (reading 'storeId')");
      return new Promise<V2PaymentResponse | undefined>((resolve, reject) => {
        settle = { resolve, reject };
        switch (sdk.answer) {
          case 'approve':
            return later(() => resolve(paidResponse(request)));
          case 'decline':
            return later(() => resolve(declinedResponse(request)));
          case 'close':
            return later(() => resolve(closedResponse(request)));
          case 'reject':
            return later(() => reject(paymentError('ChannelNotFound', '채널을 찾을 수 없습니다.', { paymentId: request.paymentId })));
          case 'reject-other':
            return later(() => reject(new Error('[PortOne] Failed to load window.PortOne')));
          case 'redirect-approve':
          case 'redirect-decline':
            sdk.redirects.push(redirectTarget(request, sdk.answer === 'redirect-decline' ? declinedResponse(request) : undefined));
            return later(() => resolve(undefined));
          case 'never':
            return;
        }
      });
    },
    resolve(value) {
      settle?.resolve(value);
    },
    reject(error) {
      settle?.reject(error);
    },
  };
  window.PortOne = sdk;
  return sdk;
}
