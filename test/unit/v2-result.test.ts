import { expect } from '@open-wc/testing';
import type { PayFailCode } from '../../src/events/pay-fail.js';
import {
  readV2Rejection,
  readV2Response,
  readV2Return,
  v2FailDetail,
  v2Outcome,
  v2Reason,
  type V2Reading,
} from '../../src/protocols/v2/result.js';
import { buildV2Request } from '../../src/protocols/v2/request.js';
import { V2_SDK, payV2 } from '../../src/protocols/v2/sdk.js';
import type { V2Attempt } from '../../src/protocols/v2/types.js';
import { TX_ID, installPortOne, paymentError, type V2Answer } from '../helpers/portone-double.js';

const attempt: V2Attempt = {
  paymentId: 'order-1',
  amount: 150,
  currency: 'USD',
  customerId: 'customer-1234',
  buyer: { name: 'Jack Son', email: 'jack@example.com' },
};
const message = (code: PayFailCode) => `translated ${code}`;
const savedOnly = (...ids: string[]) => (id: string) => ids.includes(id);
type Done = Exclude<V2Reading, { status: 'redirect' }>;

describe('reading requestPayment’s value', () => {
  it('is success without code, carrying paymentId and txId', () => {
    const response = { transactionType: 'PAYMENT' as const, txId: 'tx-1', paymentId: 'order-1' };
    expect(readV2Response(response, 'order-1')).to.deep.equal({ status: 'success', paymentId: 'order-1', txId: 'tx-1', response });
    // Either name is enough: the redirect's documented success query carries paymentId alone.
    expect(readV2Response({ paymentId: 'order-1' }, 'order-1')).to.deep.equal({ status: 'success', paymentId: 'order-1', response: { paymentId: 'order-1' } });
    expect(readV2Response({ txId: 'tx-1' }, 'order-1')).to.include({ status: 'success', txId: 'tx-1' });
  });

  it('is sdk-error for an answer without code that names no payment: nothing says one was made', () => {
    expect(readV2Response({}, 'order-1')).to.deep.equal({ status: 'fail', code: 'sdk-error', paymentId: 'order-1', response: {} });
    expect(readV2Response({ transactionType: 'PAYMENT' }, 'order-1')).to.include({ status: 'fail', code: 'sdk-error' });
  });

  it('is sdk-error for an answer about another kind of transaction, though it names this payment', () => {
    const response = { transactionType: 'IDENTITY_VERIFICATION', paymentId: 'order-1', txId: 'tx-1' };
    expect(readV2Response(response, 'order-1')).to.include({ status: 'fail', code: 'sdk-error' });
  });

  it('is pg-error for an answer with a PG code or message but no code: PortOne sends those only with a failure', () => {
    expect(readV2Response({ paymentId: 'order-1', pgCode: '05', pgMessage: 'Do not honor' }, 'order-1')).to.include({ status: 'fail', code: 'pg-error', pgCode: '05' });
    expect(readV2Response({ paymentId: 'order-1', txId: 'tx-1', pgMessage: 'Do not honor' }, 'order-1')).to.include({ status: 'fail', code: 'pg-error' });
    expect(readV2Return('?paymentId=order-1&pgCode=05', savedOnly('order-1'))?.reading).to.include({ status: 'fail', code: 'pg-error' });
    // Empty, they say nothing: a success as before.
    expect(readV2Return('?paymentId=order-1&pgCode=', savedOnly('order-1'))?.reading).to.include({ status: 'success' });
    expect(readV2Response({ paymentId: 'order-1', pgMessage: null, pgCode: '' }, 'order-1')).to.include({ status: 'success' });
  });

  it('keeps a numeric code as text', () => {
    expect(readV2Response({ paymentId: 'order-1', code: 42, pgCode: 51 }, 'order-1')).to.include({ status: 'fail', code: 'pg-error', portOneCode: '42', pgCode: '51' });
  });

  it('is pg-error whenever code is there, keeping PortOne’s and the PG’s code and message', () => {
    const response = { txId: 'tx-2', paymentId: 'order-1', code: 'FAILURE_TYPE_PG', message: 'declined', pgCode: '51', pgMessage: 'Insufficient funds' };
    expect(readV2Response(response, 'order-1')).to.deep.equal({
      status: 'fail',
      code: 'pg-error',
      paymentId: 'order-1',
      txId: 'tx-2',
      portOneCode: 'FAILURE_TYPE_PG',
      portOneMessage: 'declined',
      pgCode: '51',
      pgMessage: 'Insufficient funds',
      response,
    });
    // PortOne's own test is `code !== undefined`: an empty or null code still fails, and no success is made up.
    for (const code of ['', 0, null]) {
      expect(readV2Response({ paymentId: 'order-1', txId: 'tx-1', code }, 'order-1'), String(code)).to.include({ status: 'fail', code: 'pg-error' });
    }
    expect(readV2Response({ paymentId: 'order-1', txId: 'tx-1', code: undefined }, 'order-1')).to.include({ status: 'success' });
  });

  it('is a redirect on undefined: the page is leaving, the return reports it', () => {
    expect(readV2Response(undefined, 'order-1')).to.deep.equal({ status: 'redirect', paymentId: 'order-1' });
  });

  it('is sdk-error for something that is no response, or the answer for another payment', () => {
    for (const value of [null, 'ok', 1, true]) {
      expect(readV2Response(value, 'order-1'), String(value)).to.deep.equal({ status: 'fail', code: 'sdk-error', paymentId: 'order-1' });
    }
    expect(readV2Response({ paymentId: 'order-2', txId: 'tx' }, 'order-1')).to.include({ status: 'fail', code: 'sdk-error', paymentId: 'order-1' });
  });
});

describe('reading a rejection', () => {
  it('keeps a PaymentError’s code, message, txId and PG fields as sdk-error', () => {
    const error = paymentError('PaymentAlreadyPaid', '이미 결제된 건입니다', { txId: 'tx-3', pgCode: 'X', pgMessage: 'Y' });
    expect(readV2Rejection(error, 'order-1')).to.deep.equal({
      status: 'fail',
      code: 'sdk-error',
      paymentId: 'order-1',
      txId: 'tx-3',
      portOneCode: 'PaymentAlreadyPaid',
      portOneMessage: '이미 결제된 건입니다',
      pgCode: 'X',
      pgMessage: 'Y',
    });
  });

  it('keeps nothing of other errors: their text is no PortOne answer', () => {
    const plain = Object.assign(new Error('secret-ish text'), { code: 'ECONNRESET' });
    for (const error of [plain, 'x', undefined, { __portOneErrorType: 'ModuleError', code: 'c', message: 'm' }]) {
      expect(readV2Rejection(error, 'order-1')).to.deep.equal({ status: 'fail', code: 'sdk-error', paymentId: 'order-1' });
    }
  });
});

describe('V2 event details', () => {
  it('pay-success carries paymentId, txId, amount in minor units, customerId, buyer and the response', () => {
    const response = { transactionType: 'PAYMENT' as const, txId: 'tx-1', paymentId: 'order-1' };
    expect(v2Outcome('callback', readV2Response(response, 'order-1') as Done, attempt, message)).to.deep.equal({
      status: 'success',
      detail: {
        via: 'callback',
        paymentId: 'order-1',
        txId: 'tx-1',
        amount: 150,
        currency: 'USD',
        customerId: 'customer-1234',
        buyer: { name: 'Jack Son', email: 'jack@example.com' },
        response,
      },
    });
    const { detail } = v2Outcome('redirect', { status: 'success', paymentId: 'order-1', response: {} }, attempt, message);
    expect(detail).not.to.have.property('txId');
    expect(detail.via).to.equal('redirect');
  });

  it('pay-fail carries the translated message and PortOne’s fields', () => {
    const response = { paymentId: 'order-1', code: 'FAILURE_TYPE_PG', message: 'declined' };
    expect(v2Outcome('callback', readV2Response(response, 'order-1') as Done, attempt, message)).to.deep.equal({
      status: 'fail',
      detail: {
        via: 'callback',
        code: 'pg-error',
        message: 'translated pg-error',
        paymentId: 'order-1',
        portOneCode: 'FAILURE_TYPE_PG',
        portOneMessage: 'declined',
        response,
      },
    });
  });

  it('makes the element’s own failures and picks the text to show under the message', () => {
    expect(v2FailDetail('local', 'aborted', 'stopped', 'order-1')).to.deep.equal({ via: 'local', code: 'aborted', message: 'stopped', paymentId: 'order-1' });
    expect(v2FailDetail('local', 'invalid-config', 'bad')).to.deep.equal({ via: 'local', code: 'invalid-config', message: 'bad' });
    expect(v2Reason({ via: 'callback', code: 'pg-error', message: 'm', portOneMessage: 'p1', pgMessage: 'pg' })).to.equal('pg');
    expect(v2Reason({ via: 'callback', code: 'pg-error', message: 'm', portOneMessage: 'p1' })).to.equal('p1');
    expect(v2Reason({ via: 'local', code: 'aborted', message: 'm' })).to.equal(undefined);
  });
});

describe('the V2 redirect return', () => {
  it('reads a success return of a saved attempt: paymentId alone is PortOne’s success query', () => {
    expect(readV2Return('?paymentId=order-1', savedOnly('order-1'))).to.deep.equal({
      paymentId: 'order-1',
      query: { paymentId: 'order-1' },
      reading: { status: 'success', paymentId: 'order-1', response: { paymentId: 'order-1' } },
      saved: true,
    });
    expect(readV2Return('?paymentId=order-1&txId=tx-9&transactionType=PAYMENT', savedOnly('order-1'))?.reading).to.include({ status: 'success', txId: 'tx-9' });
  });

  it('reads a failure return with code, message, pgCode and pgMessage', () => {
    const search = '?shop=1&paymentId=order-1&code=FAILURE_TYPE_PG&message=%EA%B1%B0%EC%A0%88&pgCode=51&pgMessage=No+funds';
    expect(readV2Return(search, savedOnly('order-1'))).to.deep.equal({
      paymentId: 'order-1',
      query: { paymentId: 'order-1', code: 'FAILURE_TYPE_PG', message: '거절', pgCode: '51', pgMessage: 'No funds' },
      reading: {
        status: 'fail',
        code: 'pg-error',
        paymentId: 'order-1',
        portOneCode: 'FAILURE_TYPE_PG',
        portOneMessage: '거절',
        pgCode: '51',
        pgMessage: 'No funds',
        response: { paymentId: 'order-1', code: 'FAILURE_TYPE_PG', message: '거절', pgCode: '51', pgMessage: 'No funds' },
      },
      saved: true,
    });
  });

  it('leaves a plain link alone: a configured payment-id needs PortOne’s txId or code too', () => {
    const none = savedOnly();
    expect(readV2Return('?paymentId=INV-42', none, 'INV-42')).to.equal(undefined);
    expect(readV2Return('?paymentId=INV-42&utm_source=mail', none, 'INV-42')).to.equal(undefined);
    expect(readV2Return('?paymentId=INV-42&txId=tx-1', none, 'INV-42')).to.include({ paymentId: 'INV-42', saved: false });
    expect(readV2Return('?paymentId=INV-42&code=X', none, 'INV-42')?.reading).to.include({ status: 'fail', code: 'pg-error' });
  });

  it('ignores a paymentId this widget neither saved nor is configured with, and queries without one', () => {
    expect(readV2Return('?paymentId=order-2&txId=t&code=X', savedOnly('order-1'), 'order-3')).to.equal(undefined);
    expect(readV2Return('?code=SUMMER10&message=hi', savedOnly('order-1'), 'order-1')).to.equal(undefined);
    expect(readV2Return('?paymentId=&txId=t', savedOnly(''), '')).to.equal(undefined);
    expect(readV2Return('', savedOnly('order-1'))).to.equal(undefined);
  });

  it('reports a crafted link for a configured id as not saved, so none of its text is shown', () => {
    const crafted = '?paymentId=INV-42&txId=x&code=X&pgMessage=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E%20Call%20%2B1-555';
    const result = readV2Return(crafted, savedOnly(), 'INV-42');
    expect(result?.saved).to.equal(false);
    expect(result?.reading).to.include({ status: 'fail', code: 'pg-error' });
  });

  it('takes PortOne’s appended value where a name repeats, and nothing but PortOne’s names', () => {
    const result = readV2Return('?code=PAGE&paymentId=order-1&code=FAILURE&admin=1&__proto__=x', savedOnly('order-1'));
    expect(result?.query).to.deep.equal({ paymentId: 'order-1', code: 'FAILURE' });
    expect(result?.reading).to.include({ portOneCode: 'FAILURE' });
  });
});

describe('the window.PortOne double through the readers', () => {
  const request = buildV2Request(
    { storeId: 'store-1', channelKey: 'ck', paymentId: 'order-1', customerId: 'c', amount: 150, currency: 'USD', orderName: 'o', fields: [], sdkSrc: '', sdkTimeout: 1 },
    { name: 'Jack Son', email: 'jack@example.com' },
    { lang: 'en', pageUrl: 'https://shop.example/pay?item=7' },
  );

  async function settle(answer: V2Answer): Promise<V2Reading> {
    const sdk = installPortOne(answer);
    try {
      return readV2Response(await sdk.requestPayment(request), request.paymentId);
    } catch (error) {
      return readV2Rejection(error, request.paymentId);
    } finally {
      expect(sdk.requests).to.deep.equal([request]);
      delete window.PortOne;
    }
  }

  it('approve, decline, close, reject, broken SDK', async () => {
    expect(await settle('approve')).to.include({ status: 'success', txId: TX_ID });
    expect(await settle('decline')).to.include({ status: 'fail', code: 'pg-error', pgMessage: 'Card declined' });
    expect(await settle('close')).to.include({ status: 'fail', code: 'pg-error', portOneCode: 'FAILURE_TYPE_PG' });
    expect(await settle('reject')).to.include({ status: 'fail', code: 'sdk-error', portOneCode: 'ChannelNotFound' });
    expect(await settle('reject-other')).to.deep.equal({ status: 'fail', code: 'sdk-error', paymentId: 'order-1' });
    expect(await settle('throw')).to.deep.equal({ status: 'fail', code: 'sdk-error', paymentId: 'order-1' });
  });

  it('mobile redirect: undefined now, and the URL PortOne opens reads back as the result', async () => {
    for (const [answer, status] of [['redirect-approve', 'success'], ['redirect-decline', 'fail']] as const) {
      const sdk = installPortOne(answer);
      expect(await sdk.requestPayment(request)).to.equal(undefined);
      const target = new URL(sdk.redirects[0]!);
      expect(target.origin + target.pathname).to.equal('https://shop.example/pay');
      expect(target.searchParams.get('item')).to.equal('7');
      expect(readV2Return(target.search, savedOnly('order-1'))?.reading.status, answer).to.equal(status);
      delete window.PortOne;
    }
  });

  it('settles by hand with answer never', async () => {
    const sdk = installPortOne('never');
    const pending = sdk.requestPayment(request);
    sdk.resolve({ paymentId: 'order-1', txId: 't' });
    expect(readV2Response(await pending, 'order-1')).to.include({ status: 'success', txId: 't' });
    delete window.PortOne;
  });
});

describe('payV2: one call, every answer read', () => {
  const request = buildV2Request(
    { storeId: 'store-1', channelKey: 'ck', paymentId: 'order-7', customerId: 'c', amount: 1004, currency: 'KRW', orderName: 'o', fields: [], sdkSrc: '', sdkTimeout: 1 },
    { name: 'Jack Son', email: 'jack@example.com' },
    { lang: 'ko', pageUrl: 'https://shop.example/' },
  );
  afterEach(() => delete window.PortOne);

  it('calls requestPayment exactly once with the request, and reads value, rejection and redirect as PortOne’s answer', async () => {
    const sdk = installPortOne('approve');
    expect(await payV2(sdk, request)).to.deep.equal({
      via: 'callback',
      reading: { status: 'success', paymentId: 'order-7', txId: TX_ID, response: { transactionType: 'PAYMENT', txId: TX_ID, paymentId: 'order-7' } },
    });
    expect(sdk.requests).to.deep.equal([request]);
    sdk.answer = 'reject';
    expect(await payV2(sdk, request)).to.deep.include({ via: 'callback' });
    expect((await payV2(sdk, request)).reading).to.include({ code: 'sdk-error', portOneCode: 'ChannelNotFound' });
    sdk.answer = 'redirect-approve';
    expect(await payV2(sdk, request)).to.deep.equal({ via: 'callback', reading: { status: 'redirect', paymentId: 'order-7' } });
  });

  it('is local sdk-error when the SDK throws or returns no promise, so the widget never waits for ever', async () => {
    expect(await payV2(installPortOne('throw'), request)).to.deep.equal({ via: 'local', reading: { status: 'fail', code: 'sdk-error', paymentId: 'order-7' } });
    const broken = { requestPayment: () => undefined } as unknown as NonNullable<Window['PortOne']>;
    expect(await payV2(broken, request)).to.deep.equal({ via: 'local', reading: { status: 'fail', code: 'sdk-error', paymentId: 'order-7' } });
  });

  it('names the V2 SDK for the shared loader: PortOne’s CDN URL, window.PortOne, usable only with requestPayment', () => {
    expect(V2_SDK.src).to.equal('https://cdn.portone.io/v2/browser-sdk.js');
    expect(V2_SDK.global).to.equal('PortOne');
    expect(V2_SDK.ready()).to.equal(undefined);
    window.PortOne = {} as NonNullable<Window['PortOne']>;
    expect(V2_SDK.ready()).to.equal(undefined);
    const sdk = installPortOne();
    expect(V2_SDK.ready()).to.equal(sdk);
  });
});
