import type { Translation } from './translation.js';

export const ko: Translation = {
  lang: 'ko',
  label: { name: '이름', email: '이메일', tel: '전화번호', addr: '주소', postcode: '우편번호' },
  optional: '(선택)',
  nameHint: '성과 이름을 띄어 써 주세요(예: 홍 길동)',
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
  payAndSaveCard: (amount) => `${amount} 결제하고 카드 등록`,
  busy: '결제 진행 중…',
  savedCardNote: '결제 버튼을 누르면 결제되고, 카드는 다음 결제를 위해 등록됩니다.',
  configTitle: '결제 양식 설정이 올바르지 않습니다.',
  configProblem({ attribute, rule, min, max, names }) {
    switch (rule) {
      case 'required':
        return `${attribute} 값이 필요합니다.`;
      case 'imp-code':
        return `${attribute} 값은 PortOne 고객사 식별코드("imp" 뒤에 숫자)여야 합니다.`;
      case 'channel-or-project-key':
        return 'channel-key 또는 project-key가 필요합니다.';
      case 'amount':
        return `${attribute} 값은 1004처럼 숫자로만 쓴 0보다 큰 정수여야 합니다.`;
      case 'currency':
        return `${attribute} 값은 KRW, USD 같은 세 글자 ISO 4217 통화 코드여야 합니다.`;
      case 'currency-unknown':
        return `${attribute} 값은 이 브라우저가 인식하지 못하는 통화입니다. KRW, USD 같은 ISO 4217 코드를 쓰세요.`;
      case 'too-long':
        return `${attribute} 값은 ${max ?? 0}자까지 쓸 수 있습니다.`;
      case 'too-large':
        return `${attribute} 값은 ${max ?? 0} 이하여야 합니다.`;
      case 'boolean':
        return `${attribute} 값은 true 또는 false여야 합니다.`;
      case 'integrity':
        return `${attribute} 값은 sha256-, sha384-, sha512- 해시여야 합니다.`;
      case 'country-code':
        return `${attribute} 값은 KR, DE 같은 두 글자 ISO 3166-1 국가 코드여야 합니다.`;
      case 'fields':
        return `${attribute} 값에는 tel, addr, postcode만 공백으로 구분해 쓸 수 있습니다.`;
      case 'url':
        return `${attribute} 값은 http 또는 https URL이어야 합니다.`;
      case 'sdk-origin':
        return `${attribute} 값은 https://cdn.iamport.kr의 주소여야 합니다. 이 사이트를 포함한 다른 출처는 JavaScript에서 customElements.get('paymentwall-pay').allowSdkOrigin()으로 허용해야 합니다.`;
      case 'timeout-range':
        return `${attribute} 값은 ${min ?? 0}에서 ${max ?? 0} 사이의 밀리초 정수여야 합니다.`;
      case 'object':
        return `${attribute} 값은 일반 JSON 객체여야 합니다.`;
      case 'property-only':
        return `${attribute} 속성은 읽지 않습니다. 자바스크립트에서 customData 프로퍼티로 지정하세요(Vue에서는 :customData).`;
      case 'lowercased':
        return `${attribute} 값이 위젯 정의 전에 소문자 속성으로 지정되어 읽히지 않습니다. 위젯을 먼저 불러오세요.`;
      case 'text':
        return `${attribute} 값은 문자열이어야 합니다.`;
      case 'placeholder':
        return `${attribute} 값에 페이지가 채우지 않은 자리표시자(undefined, null, NaN, [object Object], {{ }}, \${ })가 있습니다.`;
      case 'redirect-query':
        return `${attribute} 값에는 PortOne 결과 파라미터(${names?.join(', ')})를 쓸 수 없습니다.`;
    }
  },
  failure: {
    'invalid-config': '결제 양식 설정이 올바르지 않아 결제할 수 없습니다. 판매자에게 문의해 주세요.',
    'sdk-load-failed': '결제 서비스에 연결하지 못했습니다. 연결을 확인하고 다시 시도해 주세요.',
    'sdk-error': '결제 서비스 오류로 결제 여부를 확인하지 못했습니다. 결제되었다면 다시 시도하기 전에 판매자에게 문의해 주세요.',
    'pg-error': '결제가 완료되지 않았습니다.',
    aborted: '결제가 시작되기 전에 중단되었습니다.',
  },
  pgDetail: (message) => `사유: ${message}`,
  success: '결제가 완료되었습니다. 감사합니다!',
  paidBeforeChange: '변경 전 주문의 결제는 완료되었습니다. 이후 주문이 바뀌었으며, 바뀐 주문은 아직 결제되지 않았습니다.',
  paid: '결제 완료',
  buyerClosed: '결제창을 닫아 결제가 진행되지 않았습니다. 다시 시도할 수 있습니다.',
};
