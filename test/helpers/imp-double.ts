/**
 * A test double of PortOne's `window.IMP`, behaving as the reference describes the real one:
 * it records `init` / `agency` / `request_pay`, and answers the callback later (after the
 * payment window would have closed) in the way a test asks for.
 */
import type { Iamport, RequestPayParams, RequestPayResponse } from '../../src/imp.js';

export type Answer =
  | 'success'
  | 'error-code'
  | 'success-false'
  | 'imp-success-false'
  | 'twice'
  | 'never'
  | 'throws'
  | 'sync-success';

export interface ImpDouble extends Iamport {
  answer: Answer;
  inits: string[];
  agencies: Array<[string, string]>;
  requests: RequestPayParams[];
  /** Answers the last request by hand (with answer 'never'). */
  respond(response: RequestPayResponse): void;
}

export function paidResponse(params: RequestPayParams): RequestPayResponse {
  return {
    success: true,
    imp_uid: 'imp_123456789012',
    merchant_uid: params.merchant_uid,
    pay_method: 'card',
    paid_amount: params.amount,
    currency: params.currency,
    status: 'paid',
    pg_provider: 'paymentwall',
    buyer_name: params.buyer_name,
    buyer_email: params.buyer_email,
    paid_at: 1_764_000_000,
  };
}

export function declinedResponse(params: RequestPayParams): RequestPayResponse {
  return {
    success: false,
    imp_uid: 'imp_999999999999',
    merchant_uid: params.merchant_uid,
    error_code: 'F400',
    error_msg: '카드 승인 거절',
    status: 'failed',
  };
}

export function installImp(answer: Answer = 'success'): ImpDouble {
  let lastCallback: ((response: RequestPayResponse) => void) | undefined;
  const later = (fn: () => void) => setTimeout(fn, 5);
  const imp: ImpDouble = {
    answer,
    inits: [],
    agencies: [],
    requests: [],
    init(code) {
      imp.inits.push(code);
    },
    agency(code, tier) {
      imp.agencies.push([code, tier]);
    },
    request_pay(params, callback) {
      imp.requests.push(structuredClone(params));
      lastCallback = callback;
      const answerWith = (response: RequestPayResponse) => later(() => callback?.(response));
      switch (imp.answer) {
        case 'success':
          return answerWith(paidResponse(params));
        case 'sync-success':
          return callback?.(paidResponse(params));
        case 'error-code':
          return answerWith({ imp_uid: null, merchant_uid: params.merchant_uid, error_code: 'F1002', error_msg: '이미 결제가 이루어진 거래건입니다' });
        case 'success-false':
          return answerWith(declinedResponse(params));
        case 'imp-success-false':
          return answerWith({ imp_success: false, imp_uid: 'imp_1', merchant_uid: params.merchant_uid });
        case 'twice':
          answerWith(paidResponse(params));
          return later(() => later(() => callback?.(declinedResponse(params))));
        case 'never':
          return;
        case 'throws':
          throw new TypeError("Cannot read properties of undefined (reading 'request_id')");
      }
    },
    respond(response) {
      lastCallback?.(response);
    },
  };
  window.IMP = imp;
  return imp;
}
