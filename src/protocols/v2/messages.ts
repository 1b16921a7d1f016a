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
  sdkOrigin: string;
  /** "`attribute` is for PortOne V1 only", then what to do in V2. */
  v1Only(attribute: string, hint: string): string;
  v1Hint: Record<V1OnlyAttribute, string>;
}

export const v2Messages: Record<Lang, V2Messages> = {
  en: {
    storeId: 'store-id must be the store ID from the PortOne console, starting with "store-".',
    paymentId: 'payment-id may contain only letters A–Z, a–z, digits and hyphens.',
    widgetCode: 'widget-code must be pw_1 or t3_1.',
    sdkOrigin: `sdk-src must be on https://cdn.portone.io; any other origin, including this site’s own, must be allowed from JavaScript with customElements.get('paymentwall-pay').allowSdkOrigin().`,
    v1Only: (attribute, hint) => `${attribute} is for PortOne V1 only: ${hint}`,
    v1Hint: {
      'tier-code': 'in V2, put the sub-merchant’s own store ID in store-id.',
      'customer-uid': 'Paymentwall cannot save cards in V2.',
      'test-mode': 'in V2, use the channel-key of a test channel from the PortOne console.',
      'pay-method': 'Paymentwall does not support it in V2; use ps to offer a single method.',
      'merchant-uid': 'in V2, use payment-id.',
    },
  },
  ko: {
    storeId: 'store-id는 PortOne 콘솔의 상점 아이디("store-"로 시작)여야 합니다.',
    paymentId: 'payment-id에는 영문자, 숫자, 하이픈만 쓸 수 있습니다.',
    widgetCode: 'widget-code는 pw_1 또는 t3_1이어야 합니다.',
    sdkOrigin: `sdk-src는 https://cdn.portone.io에 있어야 합니다. 이 사이트를 포함한 다른 출처는 JavaScript에서 customElements.get('paymentwall-pay').allowSdkOrigin()으로 허용해야 합니다.`,
    v1Only: (attribute, hint) => `${attribute} 속성은 PortOne V1 전용입니다. ${hint}`,
    v1Hint: {
      'tier-code': 'V2에서는 하위 가맹점의 상점 아이디를 store-id에 쓰세요.',
      'customer-uid': 'V2의 Paymentwall은 카드를 저장할 수 없습니다.',
      'test-mode': 'V2에서는 PortOne 콘솔의 테스트 채널 키를 channel-key에 쓰세요.',
      'pay-method': 'V2의 Paymentwall은 지원하지 않으니, 결제수단 하나만 보이려면 ps를 쓰세요.',
      'merchant-uid': 'V2에서는 payment-id를 쓰세요.',
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
    case 'sdk-origin':
      return m.sdkOrigin;
    case 'v1-only':
      return m.v1Only(problem.attribute, m.v1Hint[problem.attribute as V1OnlyAttribute]);
  }
  return translations[lang].configProblem(problem as ConfigProblem);
}
