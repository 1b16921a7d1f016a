import type { Translation } from './translation.js';

export const ko: Translation = {
  lang: 'ko',
  label: { name: '이름', email: '이메일', tel: '전화번호', addr: '주소', postcode: '우편번호' },
  optional: '(선택)',
  nameHint: '성과 이름을 띄어 써 주세요 (예: 홍 길동)',
  buyerError: {
    'name-required': '이름을 입력해 주세요.',
    'name-two-words': '성과 이름을 띄어 써서 입력해 주세요.',
    'email-required': '이메일 주소를 입력해 주세요.',
    'email-invalid': 'name@example.com 형식의 이메일 주소를 입력해 주세요.',
    'email-too-long': '이메일 주소는 64자까지 입력할 수 있습니다.',
    'tel-invalid': '전화번호를 숫자 7~15자리로 입력해 주세요.',
    'postcode-invalid': '우편번호는 영문, 숫자, 공백, 하이픈으로 10자까지 입력할 수 있습니다.',
    'addr-too-long': '주소는 128자까지 입력할 수 있습니다.',
  },
  pay: (amount) => `${amount} 결제하기`,
  payAndSaveCard: (amount) => `${amount} 결제하고 카드 저장`,
  busy: '결제 진행 중…',
  savedCardNote: '지금 결제되며, 카드가 다음 결제를 위해 저장됩니다.',
  configTitle: '결제 양식 설정이 올바르지 않습니다.',
  configProblem({ attribute, rule, min, max, names }) {
    switch (rule) {
      case 'required':
        return `${attribute} 값이 필요합니다.`;
      case 'imp-code':
        return `${attribute}는 PortOne 고객사 식별코드("imp"와 숫자)여야 합니다.`;
      case 'channel-or-project-key':
        return 'channel-key 또는 project-key가 필요합니다.';
      case 'amount':
        return `${attribute}는 1004처럼 숫자로만 쓴 0보다 큰 정수여야 합니다.`;
      case 'currency':
        return `${attribute}는 KRW, USD 같은 세 글자 ISO 4217 통화 코드여야 합니다.`;
      case 'currency-unknown':
        return `${attribute}는 이 브라우저가 모르는 통화입니다. KRW, USD 같은 ISO 4217 코드를 쓰세요.`;
      case 'too-long':
        return `${attribute}는 ${max ?? 0}자까지 쓸 수 있습니다.`;
      case 'too-large':
        return `${attribute}는 ${max ?? 0} 이하여야 합니다.`;
      case 'boolean':
        return `${attribute}는 true 또는 false여야 합니다.`;
      case 'integrity':
        return `${attribute}는 sha256-, sha384-, sha512- 해시여야 합니다.`;
      case 'country-code':
        return `${attribute}는 KR, DE 같은 두 글자 ISO 3166-1 국가 코드여야 합니다.`;
      case 'fields':
        return `${attribute}에는 tel, addr, postcode만 공백으로 구분해 쓸 수 있습니다.`;
      case 'url':
        return `${attribute}는 http 또는 https URL이어야 합니다.`;
      case 'sdk-origin':
        return `${attribute}는 https://cdn.iamport.kr에 있어야 합니다. 이 사이트를 포함한 다른 출처는 JavaScript에서 PaymentwallPay.allowSdkOrigin()으로 허용해야 합니다.`;
      case 'timeout-range':
        return `${attribute}는 ${min ?? 0}에서 ${max ?? 0} 사이의 밀리초 정수여야 합니다.`;
      case 'object':
        return `${attribute}는 일반 JSON 객체여야 합니다.`;
      case 'text':
        return `${attribute}는 문자열이어야 합니다.`;
      case 'redirect-query':
        return `${attribute}에는 PortOne 결과 파라미터(${names?.join(', ')})를 쓸 수 없습니다.`;
    }
  },
  failure: {
    'invalid-config': '결제 양식 설정이 올바르지 않아 결제할 수 없습니다.',
    'sdk-load-failed': '결제 서비스에 연결하지 못했습니다. 연결을 확인하고 다시 시도해 주세요.',
    'sdk-error': '결제창을 열지 못했습니다. 다시 시도해 주세요.',
    'pg-error': '결제가 완료되지 않았습니다.',
    aborted: '결제가 시작되기 전에 중단되었습니다.',
  },
  pgDetail: (message) => `사유: ${message}`,
  success: '결제가 완료되었습니다. 감사합니다!',
  paidBeforeChange: '변경 전 주문은 결제되었습니다. 그 뒤로 주문이 바뀌었습니다.',
  paid: '결제 완료',
  buyerClosed: '결제창을 닫으셔서 결제가 진행되지 않았습니다. 다시 시도할 수 있습니다.',
};
