// Generated inputs for the PortOne V2 configuration reader, as for V1: for each V2 attribute a
// valid configuration with that attribute set to a generated value. The reader never throws; a
// refused value is named by its attribute alone; an accepted one reaches requestPayment exactly.
import { expect } from '@open-wc/testing';
import { readV2Config, type RawV2Config } from '../../src/protocols/v2/config.js';
import { buildV2Request } from '../../src/protocols/v2/request.js';
import { check, fc } from '../helpers/property.js';

const RUNS = 300;
const env = { baseUrl: 'https://shop.example/checkout/page.html' };
const valid: RawV2Config = { storeId: 'store-4b2e9f10', channelKey: 'channel-key-1', customerId: 'customer-1234', amount: 150, currency: 'usd', orderName: 'E-book' };
const buyer = { name: 'Jack Son', email: 'jack@example.com' };

// ——— oracles, without the module's patterns ———
const isAsciiAlnum = (ch: string) => (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9');
const padded = (value: fc.Arbitrary<string>) => fc.tuple(fc.constantFrom('', ' ', '\t'), value, fc.constantFrom('', ' ', '\n')).map(([a, v, b]) => a + v + b);
const around = (chars: string, min: number, max: number) =>
  fc.integer({ min, max }).chain((length) => fc.string({ unit: fc.constantFrom(...chars), minLength: length, maxLength: length }));
const text = (maxLength: number) => fc.oneof(fc.string({ maxLength }), fc.string({ unit: 'grapheme', maxLength }), fc.constantFrom('', ' '));

interface Case {
  key: keyof RawV2Config;
  attribute: string;
  values: fc.Arbitrary<unknown>;
  accepted(value: unknown): ((request: Record<string, unknown>) => void) | undefined;
}

const CASES: Case[] = [
  {
    key: 'storeId',
    attribute: 'store-id',
    values: fc.oneof(padded(fc.tuple(fc.constantFrom('store-', 'Store-', 'store', ''), around('ab09-_ .', 0, 12)).map(([a, b]) => a + b)), text(20)),
    accepted: (value) => {
      const id = String(value).trim();
      const rest = id.slice('store-'.length);
      if (!id.startsWith('store-') || rest === '' || ![...rest].every((ch) => isAsciiAlnum(ch) || ch === '-' || ch === '_')) return undefined;
      return (request) => expect(request.storeId).to.equal(id);
    },
  },
  {
    key: 'paymentId',
    attribute: 'payment-id',
    values: fc.oneof(padded(around('aZ09-_.', 0, 44)), text(20)),
    accepted: (value) => {
      const id = String(value).trim();
      if (id === '') return (request) => expect(String(request.paymentId)).to.match(/^pw-[a-z0-9-]+$/);
      if (id.length > 40 || ![...id].every((ch) => isAsciiAlnum(ch) || ch === '-')) return undefined;
      return (request) => expect(request.paymentId).to.equal(id);
    },
  },
  {
    key: 'customerId',
    attribute: 'customer-id',
    values: fc.oneof(padded(around('ab09-', 0, 12)), text(20)),
    accepted: (value) => {
      const id = String(value).trim();
      if (id === '') return undefined;
      return (request) => expect((request.customer as Record<string, unknown>).customerId).to.equal(id);
    },
  },
  {
    key: 'widgetCode',
    attribute: 'widget-code',
    values: fc.oneof(padded(fc.constantFrom('pw_1', 't3_1', 'PW_1', 't3', 'pw_2', '')), text(6)),
    accepted: (value) => {
      const code = String(value).trim();
      if (code === '') return (request) => expect(request).not.to.have.nested.property('bypass.paymentwall.widget');
      if (code !== 'pw_1' && code !== 't3_1') return undefined;
      return (request) => expect((request.bypass as { paymentwall: Record<string, unknown> }).paymentwall.widget).to.equal(code);
    },
  },
  {
    key: 'amount',
    attribute: 'amount',
    values: fc.oneof(around('0123456789', 1, 18), fc.integer(), text(6), fc.constantFrom('1.50', '150 ', '1e2', null)),
    accepted: (value) => {
      // Trimmed, as every attribute is.
      const digits = typeof value === 'string' ? value.trim() : '';
      const number = typeof value === 'number' ? value : digits !== '' && [...digits].every((ch) => ch >= '0' && ch <= '9') ? Number(digits) : NaN;
      if (!Number.isSafeInteger(number) || number <= 0) return undefined;
      return (request) => expect(request.totalAmount).to.equal(number);
    },
  },
  {
    key: 'noticeUrl',
    attribute: 'notice-url',
    values: fc.oneof(
      fc.array(fc.oneof(fc.webUrl(), fc.constantFrom('/hooks/portone', 'javascript:alert(1)', 'ftp://x.example/')), { minLength: 1, maxLength: 3 }).map((urls) => urls.join(' ')),
      text(20),
    ),
    accepted: (value) => {
      const words = String(value).split(/\s+/).filter((word) => word !== '');
      if (words.length === 0) return (request) => expect(request).not.to.have.property('noticeUrls');
      const hrefs: string[] = [];
      for (const word of words) {
        let url: URL;
        try {
          url = new URL(word, env.baseUrl);
        } catch {
          return undefined;
        }
        if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
        hrefs.push(url.href);
      }
      return (request) => expect(request.noticeUrls).to.deep.equal(hrefs);
    },
  },
];

describe('V2 configuration reader, generated inputs', () => {
  for (const item of CASES) {
    it(`${item.attribute}: never throws; refused values are named, accepted ones are sent exactly (${RUNS} cases)`, () => {
      check(
        RUNS,
        fc.property(item.values, (value) => {
          const result = readV2Config({ ...valid, [item.key]: value } as RawV2Config, env);
          const verdict = item.accepted(value);
          if (verdict === undefined) {
            expect(result.ok, `${JSON.stringify(value)} should be refused`).to.equal(false);
            if (!result.ok) expect(result.problems.map((problem) => problem.attribute)).to.deep.equal([item.attribute]);
          } else {
            expect(result.ok ? [] : result.problems, `${JSON.stringify(value)} should be accepted`).to.deep.equal([]);
            if (result.ok) verdict(buildV2Request(result.config, buyer, { lang: 'en', pageUrl: env.baseUrl }) as unknown as Record<string, unknown>);
          }
        }),
      );
    });
  }

  it(`any value in any attribute, V1's too: never throws, and builds a request whenever it accepts (${RUNS} cases)`, () => {
    const anyValue = fc.oneof(text(16), fc.integer(), fc.constantFrom(undefined, null, true, false, {}, [], new Date(0)));
    const keys = ['storeId', 'channelKey', 'customerId', 'paymentId', 'amount', 'currency', 'orderName', 'countryCode', 'widgetCode', 'ps', 'redirectUrl', 'noticeUrl', 'fields', 'sdkSrc', 'sdkTimeout', 'customData', 'bypass', 'impCode', 'tierCode', 'customerUid', 'testMode', 'payMethod', 'merchantUid', 'logoUrl'];
    check(
      RUNS,
      fc.property(fc.record(Object.fromEntries(keys.map((key) => [key, anyValue])), { requiredKeys: [] }), (raw) => {
        const result = readV2Config(raw as RawV2Config, env);
        if (result.ok) expect(() => buildV2Request(result.config, buyer, { lang: 'ko', pageUrl: env.baseUrl })).not.to.throw();
        else for (const problem of result.problems) expect(problem.attribute).to.be.a('string').and.not.equal('');
      }),
    );
  });
});
