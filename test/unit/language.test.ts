import { expect } from '@open-wc/testing';
import { formatAmount } from '../../src/format.js';
import { newMerchantUid } from '../../src/merchant-uid.js';
import { en } from '../../src/translations/en.js';
import { ko } from '../../src/translations/ko.js';
import { resolveLang, supportedLang } from '../../src/translations/index.js';
import type { ConfigRule } from '../../src/config.js';
import { RESULT_PARAMS } from '../../src/redirect-return.js';

describe('language', () => {
  afterEach(() => {
    document.querySelectorAll('[data-lang-test]').forEach((node) => node.remove());
  });

  it('knows ko and en, with or without a region', () => {
    expect(supportedLang('ko-KR')).to.equal('ko');
    expect(supportedLang('EN-gb')).to.equal('en');
    expect(supportedLang('ja')).to.equal(undefined);
  });

  it('reads a region written with an underscore, as some CMSs write the page’s lang', () => {
    expect(supportedLang('ko_KR')).to.equal('ko');
    expect(supportedLang('en_US')).to.equal('en');
    expect(supportedLang('kok')).to.equal(undefined);
  });

  it('takes the element’s own lang, then the nearest ancestor’s, then the browser’s, then en', () => {
    const outer = document.createElement('div');
    outer.dataset.langTest = '';
    outer.lang = 'ko';
    const inner = document.createElement('span');
    outer.append(inner);
    document.body.append(outer);
    expect(resolveLang(inner, ['en-US'])).to.equal('ko');
    inner.lang = 'en';
    expect(resolveLang(inner, ['ko'])).to.equal('en');
    const loose = document.createElement('span');
    const html = document.documentElement;
    const pageLang = html.getAttribute('lang');
    html.removeAttribute('lang');
    try {
      expect(resolveLang(loose, ['ja', 'ko-KR'])).to.equal('ko');
      expect(resolveLang(loose, ['ja'])).to.equal('en');
    } finally {
      if (pageLang !== null) html.setAttribute('lang', pageLang);
    }
  });

  it('crosses shadow roots to find an ancestor’s lang', () => {
    const host = document.createElement('div');
    host.dataset.langTest = '';
    host.lang = 'ko';
    const child = document.createElement('span');
    host.attachShadow({ mode: 'open' }).append(child);
    document.body.append(host);
    expect(resolveLang(child, ['en'])).to.equal('ko');
  });

  it('shows English for a declared language it lacks', () => {
    const node = document.createElement('span');
    node.lang = 'de';
    expect(resolveLang(node, ['ko'])).to.equal('en');
  });

  it('shows English for an ancestor’s language it lacks: no look further up or at the browser', () => {
    const outer = document.createElement('div');
    outer.dataset.langTest = '';
    outer.lang = 'ko';
    const inner = document.createElement('div');
    inner.lang = 'ja';
    const child = document.createElement('span');
    inner.append(child);
    outer.append(inner);
    document.body.append(outer);
    expect(resolveLang(child, ['ko'])).to.equal('en');
  });

  it('has a message for every configuration rule in both languages', () => {
    const rules: ConfigRule[] = ['required', 'imp-code', 'channel-or-project-key', 'amount', 'currency', 'too-long', 'country-code', 'fields', 'url', 'sdk-origin', 'currency-unknown', 'timeout-range', 'object', 'text', 'redirect-query', 'property-only', 'placeholder'];
    for (const rule of rules) {
      for (const t of [en, ko]) {
        const message = t.configProblem({ attribute: 'amount', rule, max: 40 });
        expect(message, `${t.lang} ${rule}`).to.be.a('string').and.not.be.empty;
      }
    }
    expect(en.configProblem({ attribute: 'order-name', rule: 'too-long', max: 40 })).to.contain('40');
    expect(ko.configProblem({ attribute: 'order-name', rule: 'too-long', max: 40 })).to.contain('40');
    for (const t of [en, ko]) expect(t.configProblem({ attribute: 'redirect-url', rule: 'redirect-query', names: RESULT_PARAMS })).to.contain('imp_uid, merchant_uid, imp_success');
  });

  it('formats money for the language and currency', () => {
    expect(formatAmount(1004, 'KRW', 'en')).to.equal('₩1,004');
    expect(formatAmount(20, 'USD', 'en')).to.equal('$20.00');
    expect(formatAmount(1004, 'KRW', 'ko')).to.equal('₩1,004');
    expect(formatAmount(20, 'USD', 'ko')).to.equal('US$20.00');
  });
});

describe('merchant_uid', () => {
  it('is fresh for each attempt and at most 40 characters', () => {
    const ids = new Set(Array.from({ length: 200 }, () => newMerchantUid()));
    expect(ids.size).to.equal(200);
    for (const id of ids) {
      expect(id.length).to.be.at.most(40);
      expect(id).to.match(/^pw-[0-9a-z]+-[0-9a-f]{16}$/);
    }
  });
});
