// Generated inputs for the V1 configuration reader: for every attribute, a valid configuration
// with that one attribute set to a generated value. The reader never throws; a value the
// documented rule refuses is reported under that attribute's name and nothing else; an accepted
// value arrives in the request_pay object exactly (round trip through buildRequest).
import { expect } from '@open-wc/testing';
import { readConfig, type RawConfig } from '../../src/config.js';
import { buildRequest } from '../../src/request.js';
import { check, fc } from '../helpers/property.js';

const RUNS = 300;
const env = { impReady: false, baseUrl: 'https://shop.example/checkout/page.html' };
const valid: RawConfig = { impCode: 'imp12345678', channelKey: 'channel-key-1', amount: 1004, currency: 'krw', orderName: 'T-shirt' };
const buyer = { name: 'Jack Son', email: 'jack@example.com' };
const context = { merchantUid: 'fresh-id', language: 'en', redirectUrl: 'https://shop.example/checkout/page.html' };

// ——— oracles, written without the module's helpers ———
const isAsciiDigit = (ch: string) => ch >= '0' && ch <= '9';
const isAsciiLetter = (ch: string) => (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
const allOf = (value: string, test: (ch: string) => boolean) => value.length > 0 && [...value].every(test);
const blank = (value: string) => value.trim() === '';
const codePoints = (value: string) => [...value].length;
const KNOWN_CURRENCIES = new Set(Intl.supportedValuesOf('currency'));

/** The attribute's text as a number, when it is plain ASCII digits (trimmed) naming a positive safe integer. */
function plainNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isSafeInteger(value) && value > 0 ? value : undefined;
  if (typeof value !== 'string' || !allOf(value.trim(), isAsciiDigit)) return undefined;
  const number = Number(value.trim());
  return Number.isSafeInteger(number) && number > 0 ? number : undefined;
}

/** Attribute → how to generate values for it, and what the request must then carry. */
interface Case {
  key: keyof RawConfig;
  attribute: string;
  values: fc.Arbitrary<unknown>;
  /** undefined: refused; otherwise a check of the request built from the accepted value. */
  accepted(value: unknown): ((request: Record<string, unknown>) => void) | undefined;
}

const text = (maxLength = 60) => fc.oneof(fc.string({ maxLength }), fc.string({ unit: 'grapheme', maxLength }), fc.constantFrom('', ' ', '  \t'));
const around = (chars: string, min: number, max: number) =>
  fc.integer({ min, max }).chain((length) => fc.string({ unit: fc.constantFrom(...chars), minLength: length, maxLength: length }));
const padded = (value: fc.Arbitrary<string>) => fc.tuple(fc.constantFrom('', ' ', '\t'), value, fc.constantFrom('', ' ', '\n')).map(([a, v, b]) => a + v + b);
const bypassOf = (request: Record<string, unknown>) => (request.bypass ?? {}) as Record<string, unknown>;

const CASES: Case[] = [
  {
    key: 'amount',
    attribute: 'amount',
    values: fc.oneof(text(12), around('0123456789', 1, 20), padded(around('0123456789', 1, 6)), fc.integer(), fc.double(), fc.constantFrom(null, Number.MAX_SAFE_INTEGER + 1, '1,004', '1e3', '10.5', '-1', '0')),
    accepted: (value) => {
      const number = plainNumber(value);
      if (number === undefined) return undefined;
      return (request) => expect(request.amount).to.equal(number);
    },
  },
  {
    key: 'currency',
    attribute: 'currency',
    values: fc.oneof(padded(around('abcdefghijklmnopqrstuvwxyzKRWUSD', 2, 4)), text(6), fc.constantFrom('usd', 'XYZ', 'krw ', '₩', '')),
    accepted: (value) => {
      const code = String(value).trim().toUpperCase();
      if (!allOf(code, isAsciiLetter) || code.length !== 3 || !KNOWN_CURRENCIES.has(code)) return undefined;
      return (request) => expect(request.currency).to.equal(code);
    },
  },
  {
    key: 'orderName',
    attribute: 'order-name',
    values: fc.oneof(text(50), padded(fc.string({ unit: 'grapheme', minLength: 38, maxLength: 42 }))),
    accepted: (value) => {
      const name = String(value).trim();
      if (name === '' || codePoints(name) > 40) return undefined;
      return (request) => expect(request.name).to.equal(name);
    },
  },
  {
    key: 'merchantUid',
    attribute: 'merchant-uid',
    values: fc.oneof(text(50), padded(around('abc-_019', 38, 42))),
    accepted: (value) => {
      const id = String(value).trim();
      if (codePoints(id) > 40) return undefined;
      // A blank merchant-uid means "a fresh id each attempt" (the element's job, here `context`).
      return (request) => expect(request.merchant_uid).to.equal(id === '' ? context.merchantUid : id);
    },
  },
  {
    key: 'customerUid',
    attribute: 'customer-uid',
    values: fc.oneof(text(90), padded(around('abc-_019', 78, 82))),
    accepted: (value) => {
      const id = String(value).trim();
      if (codePoints(id) > 80) return undefined;
      return (request) => {
        if (id === '') expect(request).not.to.have.property('customer_uid');
        else expect(request).to.deep.include({ customer_uid: id, pay_method: 'card' });
      };
    },
  },
  {
    key: 'countryCode',
    attribute: 'country-code',
    values: fc.oneof(padded(around('abcDEkr1', 1, 3)), text(4)),
    accepted: (value) => {
      const code = String(value).trim();
      if (code === '') return (request) => expect(bypassOf(request)).not.to.have.property('country_code');
      if (code.length !== 2 || !allOf(code, isAsciiLetter)) return undefined;
      return (request) => expect(bypassOf(request).country_code).to.equal(code.toUpperCase());
    },
  },
  {
    key: 'impCode',
    attribute: 'imp-code',
    values: fc.oneof(padded(fc.tuple(fc.constantFrom('imp', 'IMP', 'im', ''), around('0123456789x', 0, 9)).map(([a, b]) => a + b)), text(12)),
    accepted: (value) => {
      const code = String(value).trim();
      if (!code.startsWith('imp') || !allOf(code.slice(3), isAsciiDigit)) return undefined;
      return () => {};
    },
  },
  {
    key: 'sdkTimeout',
    attribute: 'sdk-timeout',
    values: fc.oneof(fc.integer({ min: -10, max: 400_000 }), fc.integer({ min: 90, max: 110 }), fc.integer({ min: 299_990, max: 300_010 }), fc.integer().map(String), padded(fc.integer({ min: 90, max: 300_010 }).map(String)), text(8), fc.constantFrom(3_000_000_000, 1.5, NaN, '1e3')),
    accepted: (value) => {
      const number = plainNumber(value);
      if (number === undefined || number < 100 || number > 300_000) return undefined;
      return () => {};
    },
  },
  {
    key: 'fields',
    attribute: 'fields',
    values: fc.oneof(fc.array(fc.constantFrom('tel', 'addr', 'postcode', 'phone', 'TEL', 'email', ''), { maxLength: 4 }).chain((words) => fc.array(fc.constantFrom(' ', '  ', '\t', '\n'), { minLength: words.length + 1, maxLength: words.length + 1 }).map((gaps) => gaps.map((gap, i) => gap + (words[i] ?? '')).join(''))), text(20)),
    accepted: (value) => {
      // Words separated by white space (any of it, as HTML's class lists are).
      const words: string[] = [];
      let word = '';
      for (const ch of `${String(value)} `) {
        if (ch.trim() === '') {
          if (word) words.push(word);
          word = '';
        } else word += ch;
      }
      return words.every((w) => ['tel', 'addr', 'postcode'].includes(w)) ? () => {} : undefined;
    },
  },
  {
    key: 'noticeUrl',
    attribute: 'notice-url',
    values: fc.oneof(fc.webUrl(), fc.constantFrom('/hooks/portone', 'javascript:alert(1)', 'data:text/plain,x', 'ftp://x.example/', 'https://', '//evil.example/x'), text(30)),
    accepted: (value) => {
      const raw = String(value).trim();
      if (raw === '') return (request) => expect(request).not.to.have.property('notice_url');
      let url: URL;
      try {
        url = new URL(raw, env.baseUrl);
      } catch {
        return undefined;
      }
      if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
      return (request) => expect(request.notice_url).to.equal(url.href);
    },
  },
  {
    key: 'customData',
    attribute: 'customData',
    values: fc.oneof(
      fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 5 }).map((data) => ({ kind: 'json', data })),
      fc.oneof(fc.jsonValue({ maxDepth: 1 }).filter((v) => typeof v !== 'object' || v === null || Array.isArray(v)), fc.constantFrom(new Map([['a', 1]]), new Date(0), new (class Order {})(), { n: NaN }, { f: () => 1 }, { u: undefined }, [1, 2], 'cart=c-1')).map((data) => ({ kind: 'other', data })),
    ),
    accepted: (value) => {
      const { kind, data } = value as { kind: string; data: unknown };
      if (kind !== 'json' && data !== null && data !== undefined) return undefined;
      return (request) => {
        if (data === null || data === undefined) expect(request).not.to.have.property('custom_data');
        else expect(request.custom_data).to.deep.equal(data);
      };
    },
  },
];

describe('configuration reader, generated inputs', () => {
  for (const item of CASES) {
    it(`${item.attribute}: never throws; refused values are named, accepted ones are sent exactly (${RUNS} cases)`, () => {
      check(
        RUNS,
        fc.property(item.values, (generated) => {
          const value = item.key === 'customData' ? (generated as { data: unknown }).data : generated;
          const raw = { ...valid, [item.key]: value } as RawConfig;
          const result = readConfig(raw, env);
          const verdict = item.accepted(generated);
          if (verdict === undefined) {
            expect(result.ok, `${JSON.stringify(value)} should be refused`).to.equal(false);
            if (!result.ok) expect(result.problems.map((problem) => problem.attribute)).to.deep.equal([item.attribute]);
          } else {
            expect(result.ok ? [] : result.problems, `${JSON.stringify(value)} should be accepted`).to.deep.equal([]);
            if (result.ok) {
              const merchantUid = result.config.merchantUid ?? context.merchantUid;
              verdict(buildRequest(result.config, buyer, { ...context, merchantUid }) as unknown as Record<string, unknown>);
            }
          }
        }),
      );
    });
  }

  it(`any mix of values in every attribute: never throws, and problems name only real attributes (${RUNS} cases)`, () => {
    const names = new Set(['imp-code', 'tier-code', 'channel-key', 'project-key', 'amount', 'currency', 'order-name', 'merchant-uid', 'pay-method', 'country-code', 'widget-code', 'ps', 'customer-uid', 'redirect-url', 'notice-url', 'logo-url', 'fields', 'sdk-src', 'sdk-integrity', 'sdk-timeout', 'customData', 'bypass']);
    const anyValue = fc.oneof(text(20), fc.integer(), fc.constantFrom(undefined, null, true, {}, [], new Date(0)));
    const rawConfig = fc.record(Object.fromEntries(['impCode', 'tierCode', 'channelKey', 'projectKey', 'amount', 'currency', 'orderName', 'merchantUid', 'payMethod', 'countryCode', 'widgetCode', 'ps', 'customerUid', 'redirectUrl', 'noticeUrl', 'logoUrl', 'fields', 'sdkSrc', 'sdkIntegrity', 'sdkTimeout', 'customData', 'bypass'].map((key) => [key, anyValue])), { requiredKeys: [] });
    check(
      RUNS,
      fc.property(rawConfig, fc.boolean(), (raw, impReady) => {
        const result = readConfig(raw as RawConfig, { ...env, impReady });
        if (!result.ok) for (const problem of result.problems) expect(names.has(problem.attribute), problem.attribute).to.equal(true);
        else expect(() => buildRequest(result.config, buyer, context)).not.to.throw();
      }),
    );
  });
});
