// Generated inputs for the buyer rules: each rule is written a second way here, without the
// module's regular expressions, and the two must agree on every generated value.
import { expect } from '@open-wc/testing';
import { checkBuyer, checkField, toBuyer, type BuyerField } from '../../src/buyer.js';
import { check, fc } from '../helpers/property.js';

const RUNS = 1000;

// ——— the oracle: the documented rules, by hand ———

/** Words of a value: white space separates them; runs and ends do not count. */
function words(value: string): string[] {
  const out: string[] = [];
  let word = '';
  for (const ch of value) {
    if (ch.trim() === '') {
      if (word) out.push(word);
      word = '';
    } else word += ch;
  }
  if (word) out.push(word);
  return out;
}
const tidied = (value: string) => words(value).join(' ');
/** What is checked and sent: e-mail, phone and postcode in their compatibility form (full-width ０ is 0). */
const read = (field: BuyerField, value: string) => tidied(field === 'name' || field === 'addr' ? value : value.normalize('NFKC'));
const isAsciiAlnum = (ch: string) => (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9');
const LOCAL_EXTRA = ".!#$%&'*+/=?^_`{|}~-";

function emailOk(value: string): boolean {
  const at = value.indexOf('@');
  if (at <= 0 || at !== value.lastIndexOf('@')) return false;
  const local = value.slice(0, at);
  const labels = value.slice(at + 1).split('.');
  if (![...local].every((ch) => isAsciiAlnum(ch) || LOCAL_EXTRA.includes(ch))) return false;
  if (labels.length < 2) return false;
  return labels.every(
    (label) =>
      label.length >= 1 &&
      label.length <= 63 &&
      isAsciiAlnum(label[0]!) &&
      isAsciiAlnum(label[label.length - 1]!) &&
      [...label].every((ch) => isAsciiAlnum(ch) || ch === '-'),
  );
}

function oracle(field: BuyerField, raw: string): string | undefined {
  const value = read(field, raw);
  const length = [...value].length;
  switch (field) {
    case 'name':
      if (!value) return 'name-required';
      return words(value).length >= 2 ? undefined : 'name-two-words';
    case 'email':
      if (!value) return 'email-required';
      if (length > 64) return 'email-too-long';
      return emailOk(value) ? undefined : 'email-invalid';
    case 'tel': {
      if (!value) return undefined;
      const digits = [...value].filter((ch) => ch >= '0' && ch <= '9').length;
      const allowed = [...value].every((ch) => '0123456789+-() '.includes(ch));
      return allowed && digits >= 7 && digits <= 15 ? undefined : 'tel-invalid';
    }
    case 'postcode':
      if (!value) return undefined;
      return length <= 10 && [...value].every((ch) => isAsciiAlnum(ch) || ch === ' ' || ch === '-') ? undefined : 'postcode-invalid';
    case 'addr':
      return length <= 128 ? undefined : 'addr-too-long';
  }
}

// ——— generators: anything at all, and values near each rule's edges ———

const space = fc.constantFrom(' ', '  ', '\t', '\n', '\u00a0', '\u3000', '');
const anyText = fc.oneof(fc.string({ maxLength: 80 }), fc.string({ unit: 'grapheme', maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 140 }));
const fromChars = (chars: string, maxLength: number) => fc.string({ unit: fc.constantFrom(...chars), maxLength });
const label = fc.oneof(fromChars('abcxyz019-', 8), fc.string({ maxLength: 5 }), fc.constant('a'.repeat(64)));
const emails = fc
  .tuple(space, fc.oneof(fromChars("abz09.!#$%&'*+/=?^_`{|}~-", 12), fc.string({ maxLength: 6 })), fc.constantFrom('@', '', '@@', ' @'), fc.array(label, { maxLength: 4 }), space)
  .map(([lead, local, at, labels, trail]) => `${lead}${local}${at}${labels.join('.')}${trail}`);
const names = fc.array(fc.oneof(fc.constantFrom('Jack', '홍', '길동', 'Ann-Marie', "O'Neil"), fc.string({ maxLength: 6 })), { maxLength: 4 }).chain((parts) =>
  fc.array(space, { minLength: parts.length + 1, maxLength: parts.length + 1 }).map((gaps) => gaps.map((gap, i) => gap + (parts[i] ?? '')).join('')),
);
// Around the 7 and 15 digit edges, with separators between the digits and sometimes one stray
// character that the rule refuses.
const tels = fc.oneof(
  fc
    .record({
      count: fc.integer({ min: 5, max: 17 }),
      digits: fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 17, maxLength: 17 }),
      separators: fc.array(fc.constantFrom('', '', '', '-', ' ', '(', ')', '+'), { minLength: 17, maxLength: 17 }),
      stray: fc.option(fc.constantFrom('.', 'x', '/', '\uff11', '#'), { freq: 4 }),
    })
    .map(({ count, digits, separators, stray }) => digits.slice(0, count).map((digit, i) => `${digit}${separators[i]}`).join('') + (stray ?? '')),
  fromChars('0123456789+-() ', 24),
  fc.string({ maxLength: 20 }),
);
const postcodes = fc.oneof(fc.integer({ min: 0, max: 13 }).chain((length) => fromChars('ab09 -', length).filter(() => true).map((text) => text.padEnd(length, '7'))), fc.string({ maxLength: 12 }));
/** The same text typed on a full-width (Japanese, Chinese) keyboard: ! to ~ as U+FF01 to U+FF5E, the space as U+3000. */
const fullWidth = (text: string) => text.replace(/[!-~]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0)).replace(/ /g, '\u3000');
const addrs = fc.oneof(fc.string({ maxLength: 140 }), fc.string({ unit: 'grapheme', minLength: 120, maxLength: 135 }));

const GENERATORS: Record<BuyerField, fc.Arbitrary<string>> = {
  name: fc.oneof(names, anyText),
  email: fc.oneof(emails, emails.map(fullWidth), anyText),
  tel: fc.oneof(tels, tels.map(fullWidth), anyText),
  postcode: fc.oneof(postcodes, postcodes.map(fullWidth), anyText),
  addr: fc.oneof(addrs, anyText),
};

describe('buyer rules, generated inputs', () => {
  for (const field of Object.keys(GENERATORS) as BuyerField[]) {
    it(`${field}: never throws and accepts exactly what the documented rule accepts (${RUNS} cases)`, () => {
      check(
        RUNS,
        fc.property(GENERATORS[field], (value) => {
          expect(checkField(field, value), JSON.stringify(value)).to.equal(oracle(field, value));
        }),
      );
    });
  }

  it(`the whole form: the buyer sent is what was typed, tidied, and only shown fields (${RUNS} cases)`, () => {
    const input = fc.record({ name: GENERATORS.name, email: GENERATORS.email, tel: GENERATORS.tel, addr: GENERATORS.addr, postcode: GENERATORS.postcode }, { requiredKeys: [] });
    const shown = fc.subarray(['tel', 'addr', 'postcode'] as const).map((optional) => ['name', 'email', ...optional] as BuyerField[]);
    check(
      RUNS,
      fc.property(input, shown, (typed, fields) => {
        const errors = checkBuyer(typed, fields);
        for (const field of Object.keys(errors) as BuyerField[]) expect(fields).to.include(field);
        const buyer = toBuyer(typed, fields);
        expect(buyer.name).to.equal(tidied(typed.name ?? ''));
        expect(buyer.email).to.equal(read('email', typed.email ?? ''));
        for (const field of ['tel', 'addr', 'postcode'] as const) {
          const value = read(field, typed[field] ?? '');
          if (fields.includes(field) && value) expect(buyer[field]).to.equal(value);
          else expect(buyer).not.to.have.property(field);
        }
      }),
    );
  });
});
