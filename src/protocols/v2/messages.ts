/**
 * The texts V2 adds to the translation tables (src/translations/*.ts are left alone while the
 * element changes): the configuration problems only V2 has, and V2's wording of `sdk-origin` and
 * `sdk-timeout`. Everything else (required, amount, currency, failures, "Pay …") is shared.
 */
import type { ConfigProblem } from '../../config.js';
import { translations, type Lang } from '../../translations/index.js';
import type { V2ConfigProblem } from './config.js';

export type V1OnlyAttribute = 'tier-code' | 'customer-uid' | 'test-mode' | 'pay-method' | 'merchant-uid';

/** Every V2 text, per language. A language missing one is a compile error. */
export interface V2Messages {
  storeId: string;
  paymentId: string;
  widgetCode: string;
  redirectQuery: string;
  sdkOrigin: string;
  sdkTimeout(max: number): string;
  v1Only: Record<V1OnlyAttribute, string>;
}

const RESULT_NAMES = 'paymentId, txId, transactionType, code, message, pgCode, pgMessage';

export const v2Messages: Record<Lang, V2Messages> = {
  en: {
    storeId: 'store-id must be the store ID from the PortOne console, which starts with "store-".',
    paymentId: 'payment-id may contain only letters A–Z and a–z, digits and hyphens (-).',
    widgetCode: 'widget-code must be pw_1 (Paymentwall’s default) or t3_1 (Terminal 3).',
    redirectQuery: `redirect-url must not have parameters named ${RESULT_NAMES}: PortOne adds its result under those names.`,
    sdkOrigin:
      'sdk-src must be on this site or https://cdn.portone.io; other hosts must be allowed from JavaScript with PaymentwallPay.allowSdkOrigin().',
    sdkTimeout: (max) => `sdk-timeout must be a whole number of milliseconds from 1 to ${max}.`,
    v1Only: {
      'tier-code': 'tier-code is for PortOne V1 only. In V2 a sub-merchant has its own store ID: put it in store-id and remove tier-code.',
      'customer-uid': 'customer-uid (saving the card) is not available for Paymentwall in PortOne V2. Remove customer-uid, or remove store-id to stay on V1.',
      'test-mode': 'test-mode does not exist in PortOne V2: test payments go through the test channel set up in the PortOne console. Put that channel’s key in channel-key and remove test-mode.',
      'pay-method': 'pay-method is not supported by Paymentwall in PortOne V2. Remove it; to offer one payment method only, set ps to its Paymentwall code.',
      'merchant-uid': 'merchant-uid is for PortOne V1 only. In V2 the order ID is payment-id (letters, digits and hyphens, at most 40 characters).',
    },
  },
  ko: {
    storeId: 'store-id는 PortOne 콘솔의 상점 아이디("store-"로 시작)여야 합니다.',
    paymentId: 'payment-id에는 영문자, 숫자, 하이픈(-)만 쓸 수 있습니다.',
    widgetCode: 'widget-code는 pw_1(Paymentwall 기본값) 또는 t3_1(Terminal 3)이어야 합니다.',
    redirectQuery: `redirect-url에는 ${RESULT_NAMES} 파라미터를 넣을 수 없습니다. PortOne이 이 이름으로 결과를 붙입니다.`,
    sdkOrigin:
      'sdk-src는 이 사이트나 https://cdn.portone.io에 있어야 합니다. 다른 호스트는 JavaScript에서 PaymentwallPay.allowSdkOrigin()으로 허용해야 합니다.',
    sdkTimeout: (max) => `sdk-timeout은 1부터 ${max}까지의 밀리초 정수여야 합니다.`,
    v1Only: {
      'tier-code': 'tier-code는 PortOne V1 전용입니다. V2에서는 하위 가맹점에 상점 아이디가 따로 있으니 store-id에 넣고 tier-code를 지워 주세요.',
      'customer-uid': 'customer-uid(카드 저장)는 PortOne V2의 Paymentwall에서 지원되지 않습니다. customer-uid를 지우거나, V1을 계속 쓰려면 store-id를 지워 주세요.',
      'test-mode': 'test-mode는 PortOne V2에 없습니다. 테스트 결제는 PortOne 콘솔에서 설정한 테스트 채널로 합니다. 그 채널 키를 channel-key에 넣고 test-mode를 지워 주세요.',
      'pay-method': 'pay-method는 PortOne V2의 Paymentwall에서 지원되지 않습니다. 지워 주세요. 결제수단을 하나만 보여 주려면 ps에 그 Paymentwall 코드를 넣으세요.',
      'merchant-uid': 'merchant-uid는 PortOne V1 전용입니다. V2의 주문번호는 payment-id입니다(영문자, 숫자, 하이픈, 40자 이내).',
    },
  },
};

/** The translated text of one V2 configuration problem: V2's own, else the shared table's. */
export function v2ConfigProblemText(lang: Lang, problem: V2ConfigProblem): string {
  const m = v2Messages[lang];
  switch (problem.rule) {
    case 'store-id':
      return m.storeId;
    case 'payment-id':
      return m.paymentId;
    case 'widget-code':
      return m.widgetCode;
    case 'redirect-query':
      return m.redirectQuery;
    case 'sdk-origin':
      return m.sdkOrigin;
    case 'v1-only':
      return m.v1Only[problem.attribute as V1OnlyAttribute];
    case 'positive-integer':
      if (problem.max !== undefined) return m.sdkTimeout(problem.max);
  }
  return translations[lang].configProblem(problem as ConfigProblem);
}
