// Generated inputs for the mobile return: arbitrary query strings and fragments for the redirect
// parser, arbitrary stored text for the attempt store. Neither ever throws, and neither reports
// a result it should not.
import { expect } from '@open-wc/testing';
import { AttemptStore, type Attempt } from '../../src/attempt-store.js';
import { RESULT_PARAMS, readRedirect, returnUrl, withoutResultParams } from '../../src/redirect-return.js';
import { check, fc } from '../helpers/property.js';

const RUNS = 1000;
const BASE = 'https://shop.example/checkout/page.html';

/** Names PortOne uses, names pages use, and anything at all. */
const name = fc.oneof(fc.constantFrom(...RESULT_PARAMS, 'order', 'utm_source', 'merchant_uid', 'imp_uid', 'IMP_UID', 'merchant_uid[]'), fc.string({ maxLength: 8 }));
const value = fc.oneof(fc.constantFrom('', 'false', 'true', 'F1002', 'imp_123', 'order-1', '0'), fc.string({ maxLength: 12 }), fc.string({ unit: 'grapheme', maxLength: 6 }));
const pairs = fc.array(fc.tuple(name, value), { maxLength: 7 });
const query = (entries: [string, string][]) => new URLSearchParams(entries).toString();
/** A page URL with PortOne-ish and other parameters, in the query and/or after a #route. */
const href = fc
  .record({ search: pairs, route: fc.constantFrom('', '#', '#/payment/done', '#top'), fragment: fc.option(pairs), separator: fc.constantFrom('?', '&'), raw: fc.option(fc.string({ maxLength: 20 })) })
  .map(({ search, route, fragment, separator, raw }) => {
    const hash = fragment ? `${route || '#/r'}${separator}${query(fragment)}` : route;
    return `${BASE}?${query(search)}${raw ?? ''}${hash}`;
  });

/**
 * The rule, written out: PortOne's result beside a merchant_uid, in the query or the fragment.
 * Where a name repeats, the last value counts: PortOne appends its query to the page's.
 */
function carriesResult(params: URLSearchParams): boolean {
  const get = (key: string) => params.getAll(key).at(-1) ?? null;
  const merchantUid = get('merchant_uid');
  if (merchantUid === null || merchantUid === '') return false;
  const impUid = get('imp_uid');
  const errorCode = get('error_code');
  const code = get('code');
  return (
    (impUid !== null && impUid !== '') ||
    (errorCode !== null && errorCode !== '') ||
    (code !== null && code !== '') ||
    get('imp_success') === 'false' ||
    get('success') === 'false'
  );
}
function fragmentParams(hash: string): URLSearchParams | undefined {
  for (const mark of ['?', '&']) {
    const at = hash.indexOf(mark);
    if (at !== -1) return new URLSearchParams(hash.slice(at + 1));
  }
  return undefined;
}

describe('redirect return, generated addresses', () => {
  it(`reads a return only when PortOne's result is there, and only PortOne's parameters (${RUNS} cases)`, () => {
    check(
      RUNS,
      fc.property(href, (address) => {
        const url = new URL(address);
        const fragment = fragmentParams(url.hash);
        const expected = carriesResult(url.searchParams) || (fragment !== undefined && carriesResult(fragment));
        const result = readRedirect(address);
        expect(result !== undefined, address).to.equal(expected);
        if (result) {
          expect(result.merchantUid).not.to.equal('');
          for (const key of Object.keys(result.query)) expect(RESULT_PARAMS as readonly string[]).to.include(key);
          expect(result.query.merchant_uid).to.equal(result.merchantUid);
        }
      }),
    );
  });

  it(`cleans only a return: PortOne's parameters leave, everything else stays (${RUNS} cases)`, () => {
    check(
      RUNS,
      fc.property(href, (address) => {
        const cleaned = withoutResultParams(address);
        const before = new URL(address);
        const after = new URL(cleaned);
        expect(after.origin + after.pathname).to.equal(before.origin + before.pathname);
        if (!carriesResult(before.searchParams)) expect(after.search).to.equal(before.search);
        else for (const key of RESULT_PARAMS) expect(after.searchParams.has(key)).to.equal(false);
        // Once cleaned, nothing is left to report.
        expect(readRedirect(cleaned)).to.equal(undefined);
      }),
    );
  });

  it(`sends as m_redirect_url the page without a fragment or any of PortOne's names, the rest in order (${RUNS} cases)`, () => {
    check(
      RUNS,
      fc.property(href, (address) => {
        const before = new URL(address);
        const after = new URL(returnUrl(address));
        expect(after.hash).to.equal('');
        expect(after.origin + after.pathname).to.equal(before.origin + before.pathname);
        const kept = [...before.searchParams].filter(([key]) => !(RESULT_PARAMS as readonly string[]).includes(key));
        expect([...after.searchParams]).to.deep.equal(kept);
        // Whatever PortOne then appends is what a return reads.
        const back = `${after.href}${after.href.includes('?') ? '&' : '?'}imp_uid=imp_9&merchant_uid=order-9`;
        expect(readRedirect(back)?.query).to.deep.equal({ imp_uid: 'imp_9', merchant_uid: 'order-9' });
      }),
    );
  });
});

describe('attempt store, generated stored text', () => {
  beforeEach(() => sessionStorage.clear());
  afterEach(() => sessionStorage.clear());

  const good: Attempt = { merchantUid: 'order-1', amount: 1004, currency: 'KRW', buyer: { name: 'Jack Son', email: 'jack@example.com' }, startedAt: 1_000 };
  const json = JSON.stringify(good);
  const stored = fc.oneof(
    fc.string({ maxLength: 40 }),
    fc.integer({ min: 0, max: json.length }).map((cut) => json.slice(0, cut)),
    fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value)),
    fc.record({ merchantUid: fc.oneof(fc.constant('order-1'), fc.string({ maxLength: 6 }), fc.integer()), amount: fc.oneof(fc.integer(), fc.string({ maxLength: 4 })), currency: fc.oneof(fc.constant('KRW'), fc.integer()), buyer: fc.oneof(fc.constant(good.buyer), fc.constant(null), fc.string({ maxLength: 4 })), startedAt: fc.oneof(fc.constant(1_000), fc.string({ maxLength: 4 }), fc.constant(null)) }, { requiredKeys: [] }).map((value) => JSON.stringify(value)),
    fc.constant('x'.repeat(100_000)),
  );

  it(`never throws, and returns an attempt only when it is whole, this order's and recent (${RUNS} cases)`, () => {
    check(
      RUNS,
      fc.property(stored, (text) => {
        sessionStorage.clear();
        sessionStorage.setItem('paymentwall-pay:attempt:order-1', text);
        const attempt = new AttemptStore(sessionStorage).get('order-1', 2_000);
        if (attempt === undefined) return;
        expect(attempt.merchantUid).to.equal('order-1');
        expect(attempt.startedAt).to.be.a('number');
        expect(attempt.amount).to.be.a('number');
        expect(attempt.currency).to.be.a('string');
        expect(attempt.buyer).to.be.an('object');
        expect(attempt.buyer.email).to.be.a('string');
      }),
    );
  });
});
