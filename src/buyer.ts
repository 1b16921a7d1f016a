/**
 * The buyer's form fields and their rules (SPEC §3). Pure: no DOM, so the rules are tested
 * without a page and the server-side checks can mirror them.
 */

export const OPTIONAL_FIELDS = ['tel', 'addr', 'postcode'] as const;
export type OptionalField = (typeof OPTIONAL_FIELDS)[number];
export type BuyerField = 'name' | 'email' | OptionalField;

/** What the buyer typed, field by field, as typed. */
export type BuyerInput = Partial<Record<BuyerField, string>>;

/** The buyer as sent to PortOne: trimmed, optional fields omitted when empty. */
export interface Buyer {
  name: string;
  email: string;
  tel?: string;
  addr?: string;
  postcode?: string;
}

export type BuyerError =
  | 'name-required'
  | 'name-two-words'
  | 'email-required'
  | 'email-invalid'
  | 'email-too-long'
  | 'tel-invalid'
  | 'postcode-invalid'
  | 'addr-too-long';

export const EMAIL_MAX_LENGTH = 64;
export const ADDR_MAX_LENGTH = 128;

// The HTML standard's "valid e-mail address", plus a dot in the domain: Paymentwall sends
// receipts there, so a bare host such as "a@localhost" is a typo, not an address.
const EMAIL =
  /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)+$/;
const TEL_CHARACTERS = /^[0-9+\-() ]+$/;
const POSTCODE = /^[A-Za-z0-9 -]{1,10}$/;

/** The fields a form shows, in order: name and e-mail always, then those `fields` names. */
export function visibleFields(optional: readonly OptionalField[]): BuyerField[] {
  return ['name', 'email', ...OPTIONAL_FIELDS.filter((field) => optional.includes(field))];
}

/**
 * Folds runs of white space: Paymentwall wants "First Last" with one space. E-mail, phone and
 * postcode are ASCII, so what a Japanese or Chinese keyboard types full-width there (０９０, ＠,
 * －) is read and sent as its ASCII form (NFKC); names and addresses go as typed.
 */
function tidy(value: string | undefined, field: BuyerField): string {
  const text = field === 'name' || field === 'addr' ? value : value?.normalize('NFKC');
  return (text ?? '').trim().replace(/\s+/g, ' ');
}

/** The first rule `value` breaks, or undefined when it is fine. */
export function checkField(field: BuyerField, raw: string | undefined): BuyerError | undefined {
  const value = tidy(raw, field);
  switch (field) {
    case 'name':
      if (!value) return 'name-required';
      return value.split(' ').length >= 2 ? undefined : 'name-two-words';
    case 'email':
      if (!value) return 'email-required';
      if ([...value].length > EMAIL_MAX_LENGTH) return 'email-too-long';
      return EMAIL.test(value) ? undefined : 'email-invalid';
    case 'tel': {
      if (!value) return undefined;
      const digits = value.replace(/\D/g, '').length;
      return TEL_CHARACTERS.test(value) && digits >= 7 && digits <= 15 ? undefined : 'tel-invalid';
    }
    case 'postcode':
      return !value || POSTCODE.test(value) ? undefined : 'postcode-invalid';
    case 'addr':
      return [...value].length <= ADDR_MAX_LENGTH ? undefined : 'addr-too-long';
  }
}

/** Every broken rule among the shown fields. Empty when the form may be sent. */
export function checkBuyer(
  input: BuyerInput,
  fields: readonly BuyerField[],
): Partial<Record<BuyerField, BuyerError>> {
  const errors: Partial<Record<BuyerField, BuyerError>> = {};
  for (const field of fields) {
    const error = checkField(field, input[field]);
    if (error) errors[field] = error;
  }
  return errors;
}

/** The buyer to send: only shown fields, trimmed, empty optional fields left out. */
export function toBuyer(input: BuyerInput, fields: readonly BuyerField[]): Buyer {
  const buyer: Buyer = { name: tidy(input.name, 'name'), email: tidy(input.email, 'email') };
  for (const field of OPTIONAL_FIELDS) {
    const value = tidy(input[field], field);
    if (fields.includes(field) && value) buyer[field] = value;
  }
  return buyer;
}
