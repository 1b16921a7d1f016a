import { expect } from '@open-wc/testing';
import type { Attempt } from '../../src/attempt-store.js';
import { failDetail, isPgFailure, successDetail } from '../../src/outcome.js';
import { readRedirect, returnUrl, withoutResultParams } from '../../src/redirect-return.js';

const attempt: Attempt = {
  merchantUid: 'order-1',
  amount: 1004,
  currency: 'KRW',
  buyer: { name: 'Jack Son', email: 'jack@example.com' },
  startedAt: 0,
};

describe('reading PortOne’s answer', () => {
  it('is a failure with a non-empty error_code, or success / imp_success false', () => {
    expect(isPgFailure({ imp_uid: 'imp_1', merchant_uid: 'o' })).to.equal(false);
    expect(isPgFailure({ success: true, error_code: null })).to.equal(false);
    expect(isPgFailure({ error_code: '' })).to.equal(false);
    expect(isPgFailure({ error_code: 'F1002' })).to.equal(true);
    // PortOne's own test is error_code != null: a number is a code too.
    expect(isPgFailure({ imp_uid: null, error_code: 1002 as unknown as string })).to.equal(true);
    expect(isPgFailure({ error_code: 0 as unknown as string })).to.equal(true);
    expect(isPgFailure({ success: false })).to.equal(true);
    expect(isPgFailure({ imp_success: false })).to.equal(true);
    expect(isPgFailure({ imp_success: 'false' })).to.equal(true);
    expect(isPgFailure({ success: 'false' })).to.equal(true);
    expect(isPgFailure({ imp_success: 'true' })).to.equal(false);
    // The 1.3.0 SDK's code, unless success or imp_success says true (PortOne's Android SDK's reading).
    expect(isPgFailure({ imp_uid: 'imp_1', code: 'FAILURE_TYPE_PG', message: 'declined' })).to.equal(true);
    expect(isPgFailure({ code: 0 as unknown as string })).to.equal(true);
    expect(isPgFailure({ code: null, message: 'ok' })).to.equal(false);
    expect(isPgFailure({ code: '' })).to.equal(false);
    expect(isPgFailure({ code: 'X', imp_success: true })).to.equal(false);
    expect(isPgFailure({ code: 'X', success: 'true' })).to.equal(false);
    expect(isPgFailure({ code: 'X', success: false })).to.equal(true);
  });

  it('makes the pay-success detail from the attempt and the response', () => {
    const response = { imp_uid: 'imp_1', merchant_uid: 'order-1', status: 'paid' };
    expect(successDetail('callback', { ...attempt, customerUid: 'c-1' }, response)).to.deep.equal({
      via: 'callback',
      impUid: 'imp_1',
      merchantUid: 'order-1',
      amount: 1004,
      currency: 'KRW',
      customerUid: 'c-1',
      buyer: { name: 'Jack Son', email: 'jack@example.com' },
      response,
    });
    expect(successDetail('redirect', attempt, {})).not.to.have.property('customerUid');
  });

  it('makes the pay-fail detail with PortOne’s code and message', () => {
    const response = { imp_uid: 'imp_2', error_code: 'F400', error_msg: 'declined' };
    expect(failDetail('callback', 'pg-error', 'Not completed.', 'order-1', response)).to.deep.equal({
      via: 'callback',
      code: 'pg-error',
      message: 'Not completed.',
      merchantUid: 'order-1',
      impUid: 'imp_2',
      pgCode: 'F400',
      pgMessage: 'declined',
      response,
    });
    expect(failDetail('local', 'sdk-load-failed', 'x')).to.deep.equal({ via: 'local', code: 'sdk-load-failed', message: 'x' });
  });
});

describe('the mobile redirect query', () => {
  const page = (query: string) => `https://shop.example/p${query}`;

  it('is read only when it has a merchant_uid and PortOne’s result, keeping only PortOne’s parameters', () => {
    expect(readRedirect(page('?imp_uid=imp_1'))).to.equal(undefined);
    // The page's own parameter, in a link anyone can send: not a return.
    expect(readRedirect(page('?merchant_uid=INV-42'))).to.equal(undefined);
    expect(readRedirect(page('?merchant_uid=INV-42&imp_success=true'))).to.equal(undefined);
    expect(readRedirect(page('?merchant_uid=o&imp_success=false'))?.merchantUid).to.equal('o');
    expect(readRedirect(page('?merchant_uid=o&success=false'))?.merchantUid).to.equal('o');
    expect(readRedirect(page('?page=2&imp_uid=imp_1&merchant_uid=order-1&imp_success=true'))).to.deep.equal({
      merchantUid: 'order-1',
      impUid: 'imp_1',
      query: { imp_uid: 'imp_1', merchant_uid: 'order-1', imp_success: 'true' },
    });
    expect(readRedirect(page('?merchant_uid=o&error_code=F1&error_msg=%EC%B7%A8%EC%86%8C'))).to.deep.equal({
      merchantUid: 'o',
      query: { merchant_uid: 'o', error_code: 'F1', error_msg: '취소' },
    });
  });

  it('is read from the last value of each name, which is PortOne’s: it appends its query to the page’s', () => {
    expect(readRedirect(page('?success=true&error_code=&imp_uid=imp_1&merchant_uid=o&error_code=F400&success=false'))).to.deep.equal({
      merchantUid: 'o',
      impUid: 'imp_1',
      query: { imp_uid: 'imp_1', merchant_uid: 'o', success: 'false', error_code: 'F400' },
    });
    expect(readRedirect(page('?merchant_uid=INV-42&imp_uid=imp_1&merchant_uid=order-1'))?.merchantUid).to.equal('order-1');
  });

  it('leaves the default m_redirect_url without any parameter named like PortOne’s result', () => {
    // A crafted landing link: without merchant_uid it is no return, but PortOne would append its
    // query after these, and it does not always send success or imp_success.
    expect(returnUrl('https://shop.example/p?error_code=&imp_success=true&success=true&page=2#pricing')).to.equal('https://shop.example/p?page=2');
    expect(returnUrl('https://shop.example/p?imp_success=false&error_msg=Call%20us')).to.equal('https://shop.example/p');
    // Nothing to remove: the query stays exactly as written.
    expect(returnUrl('https://shop.example/p?q=a%20b&successful=1')).to.equal('https://shop.example/p?q=a%20b&successful=1');
  });

  it('leaves the default m_redirect_url without a V2 return left unread, whole, so it keeps its failure', () => {
    // A V2 widget's declined return that no widget read (its tab was closed). Cutting only V1's
    // names (code, message) would leave paymentId with pgCode: a decline read as a success later.
    expect(
      returnUrl('https://shop.example/pricing?tab=basic&paymentId=pw-abc&code=PG_PROVIDER_ERROR&message=declined&pgCode=05&pgMessage=Do%20not%20honor&txId=t&transactionType=PAYMENT'),
    ).to.equal('https://shop.example/pricing?tab=basic');
    // The page's own paymentId, with none of PortOne's other names, is no V2 return: it stays.
    expect(returnUrl('https://shop.example/invoice?paymentId=123&tab=2')).to.equal('https://shop.example/invoice?paymentId=123&tab=2');
    expect(returnUrl('https://shop.example/invoice?paymentId=123')).to.equal('https://shop.example/invoice?paymentId=123');
  });

  it('is removed from the URL, leaving the page’s own parameters and hash', () => {
    expect(
      withoutResultParams('https://shop.example/p?lang=ko&imp_uid=1&merchant_uid=2&imp_success=true&success=true&error_code=x&error_msg=y#top'),
    ).to.equal('https://shop.example/p?lang=ko#top');
    expect(withoutResultParams('https://shop.example/invoice?merchant_uid=INV-42')).to.equal('https://shop.example/invoice?merchant_uid=INV-42');
  });

  it('is read after a #route too, and removed from there (hash-routed apps)', () => {
    const href = 'https://shop.example/#/payment/done?imp_uid=imp_7&merchant_uid=order-7&tab=2';
    expect(readRedirect(href)).to.deep.equal({ merchantUid: 'order-7', impUid: 'imp_7', query: { imp_uid: 'imp_7', merchant_uid: 'order-7' } });
    expect(withoutResultParams(href)).to.equal('https://shop.example/#/payment/done?tab=2');
    expect(withoutResultParams('https://shop.example/?v=1#/done&imp_uid=i&merchant_uid=m')).to.equal('https://shop.example/?v=1#/done');
  });

  it('leaves the page’s own parameters exactly as written: a %20 stays %20, a bare name stays bare', () => {
    // A page that reads its query with decodeURIComponent would see a + for a space otherwise.
    expect(withoutResultParams('https://shop.example/p?q=a%20b&flag&bad=%E0%A4%A&merchant_uid=m&imp_uid=i&x=%2B#top')).to.equal('https://shop.example/p?q=a%20b&flag&bad=%E0%A4%A&x=%2B#top');
    expect(withoutResultParams('https://shop.example/#/search?q=caf%C3%A9%20bar&imp_uid=i&merchant_uid=m&&z')).to.equal('https://shop.example/#/search?q=caf%C3%A9%20bar&&z');
    expect(returnUrl('https://shop.example/p?q=a%20b&imp_success=true&flag')).to.equal('https://shop.example/p?q=a%20b&flag');
    // A name of the page's that only starts with a ?: not PortOne's.
    expect(withoutResultParams('https://shop.example/p?a=1&?imp_uid=x&imp_uid=i&merchant_uid=m')).to.equal('https://shop.example/p?a=1&?imp_uid=x');
  });
});
