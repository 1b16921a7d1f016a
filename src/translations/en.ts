import type { Translation } from './translation.js';

export const en: Translation = {
  lang: 'en',
  label: { name: 'Name', email: 'Email', tel: 'Phone', addr: 'Address', postcode: 'Postcode' },
  optional: '(optional)',
  nameHint: 'First and last name, separated by a space',
  buyerError: {
    'name-required': 'Enter your name.',
    'name-two-words': 'Enter your first and last name, separated by a space.',
    'email-required': 'Enter your email address.',
    'email-invalid': 'Enter an email address like name@example.com.',
    'email-too-long': 'The email address can have at most 64 characters.',
    'tel-invalid': 'Enter a phone number of 7 to 15 digits.',
    'postcode-invalid': 'Enter a postcode of up to 10 letters, digits, spaces or hyphens.',
    'addr-too-long': 'The address can have at most 128 characters.',
  },
  pay: (amount) => `Pay ${amount}`,
  payAndSaveCard: (amount) => `Pay ${amount} and save card`,
  busy: 'Processing payment…',
  savedCardNote: 'Your card will be charged now and saved for later payments.',
  configTitle: 'This payment form is not set up correctly.',
  configProblem({ attribute, rule, min, max, names }) {
    switch (rule) {
      case 'required':
        return `${attribute} is required.`;
      case 'imp-code':
        return `${attribute} must be your PortOne merchant code: "imp" followed by digits.`;
      case 'channel-or-project-key':
        return 'channel-key or project-key is required.';
      case 'amount':
        return `${attribute} must be a whole number above 0 written with digits only, like 1004.`;
      case 'currency':
        return `${attribute} must be a three-letter ISO 4217 currency code, like KRW or USD.`;
      case 'currency-unknown':
        return `${attribute} is not a currency this browser knows; use an ISO 4217 code such as KRW or USD.`;
      case 'too-long':
        return `${attribute} can have at most ${max ?? 0} characters.`;
      case 'too-large':
        return `${attribute} can be at most ${max ?? 0}.`;
      case 'boolean':
        return `${attribute} must be true or false.`;
      case 'integrity':
        return `${attribute} must be sha256-, sha384- or sha512- hashes.`;
      case 'country-code':
        return `${attribute} must be a two-letter ISO 3166-1 country code, like KR or DE.`;
      case 'fields':
        return `${attribute} may list only tel, addr and postcode, separated by spaces.`;
      case 'url':
        return `${attribute} must be an http or https URL.`;
      case 'sdk-origin':
        return `${attribute} must be on https://cdn.iamport.kr; any other origin, including this site’s own, must be allowed from JavaScript with customElements.get('paymentwall-pay').allowSdkOrigin().`;
      case 'timeout-range':
        return `${attribute} must be a whole number of milliseconds from ${min ?? 0} to ${max ?? 0}.`;
      case 'object':
        return `${attribute} must be a plain JSON object.`;
      case 'property-only':
        return `The ${attribute} attribute is not read: set the customData property from JavaScript (in Vue, :customData).`;
      case 'lowercased':
        return `${attribute} was set before the widget was defined, as an attribute in lower case, which is not read: load the widget first.`;
      case 'text':
        return `${attribute} must be text.`;
      case 'placeholder':
        return `${attribute} holds a placeholder the page left unfilled (undefined, null, NaN, [object Object], {{ }} or \${ }).`;
      case 'redirect-query':
        return `${attribute} must not use PortOne’s result names (${names?.join(', ')}).`;
    }
  },
  failure: {
    'invalid-config': 'Payment is unavailable because this form is not set up correctly. Please contact the seller.',
    'sdk-load-failed': 'The payment service could not be reached. Check your connection and try again.',
    'sdk-error': 'The payment service had an error, so this payment is not confirmed. If you were charged, contact the seller before trying again.',
    'pg-error': 'The payment was not completed.',
    aborted: 'The payment was stopped before it started.',
  },
  pgDetail: (message) => `Reason: ${message}`,
  success: 'Payment complete. Thank you!',
  paidBeforeChange: 'Your payment for the previous order went through. The order has changed since, and the changed order is not paid yet.',
  paid: 'Paid',
  buyerClosed: 'You closed the payment window before paying. You can try again.',
};
