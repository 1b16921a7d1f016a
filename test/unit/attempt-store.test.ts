import { expect } from '@open-wc/testing';
import { AttemptStore, type Attempt } from '../../src/attempt-store.js';

const attempt: Attempt = {
  merchantUid: 'order-1',
  amount: 1004,
  currency: 'KRW',
  buyer: { name: 'Jack Son', email: 'jack@example.com' },
  startedAt: 1_000,
};

describe('the attempt store', () => {
  beforeEach(() => sessionStorage.clear());

  it('keeps an attempt across page loads in sessionStorage until forgotten', () => {
    new AttemptStore(sessionStorage).save(attempt);
    const reloaded = new AttemptStore(sessionStorage);
    expect(reloaded.get('order-1', 2_000)).to.deep.equal(attempt);
    reloaded.forget('order-1');
    expect(reloaded.get('order-1', 2_000)).to.equal(undefined);
  });

  it('finds the newest attempt a test takes, among V1 and V2 ones, skipping damaged and old records and other keys', () => {
    const store = new AttemptStore(sessionStorage);
    const now = Date.now();
    store.save({ ...attempt, merchantUid: 'order-old', startedAt: now - 2_000, elementKey: 'paymentwall-pay:0' });
    store.save({ ...attempt, merchantUid: 'order-new', startedAt: now - 1_000, elementKey: 'paymentwall-pay:0' });
    store.save({ ...attempt, merchantUid: 'order-other', startedAt: now, elementKey: 'paymentwall-pay#other' });
    store.save({ ...attempt, merchantUid: 'order-stale', startedAt: now - 25 * 60 * 60 * 1000, elementKey: 'paymentwall-pay:0' });
    sessionStorage.setItem('paymentwall-pay:attempt:order-damaged', '{"merchantUid":"order-damaged"');
    store.markReported('order-new', { imp_uid: 'i' });
    const at = (key: string) => (found: { elementKey?: string }) => found.elementKey === key;
    expect(store.newest(at('paymentwall-pay:0'))).to.include({ merchantUid: 'order-new' });
    expect(store.newest(at('paymentwall-pay#other'))).to.include({ merchantUid: 'order-other' });
    expect(store.newest(at('paymentwall-pay#none'))).to.equal(undefined);
    expect(sessionStorage.getItem('paymentwall-pay:attempt:order-stale'), 'a day old: dropped as seen').to.equal(null);
  });

  it('treats a damaged record as absent: no attempt with a missing start time, amount or buyer', () => {
    const store = new AttemptStore(sessionStorage);
    for (const damaged of [{ ...attempt, startedAt: null }, { ...attempt, amount: '1004' }, { ...attempt, buyer: null }, { ...attempt, buyer: { name: 'Jack Son' } }]) {
      sessionStorage.setItem('paymentwall-pay:attempt:order-1', JSON.stringify(damaged));
      expect(store.get('order-1', 2_000)).to.equal(undefined);
    }
    sessionStorage.setItem('paymentwall-pay:attempt:order-1', JSON.stringify(attempt));
    expect(store.get('order-1', 2_000)).to.deep.equal(attempt);
  });

  it('reads an attempt only under its own order id: another order\'s record under this key is absent', () => {
    // A return for order-1 must never be reported with another order's amount and buyer.
    const store = new AttemptStore(sessionStorage);
    const other = { ...attempt, merchantUid: 'order-2', amount: 1 };
    sessionStorage.setItem('paymentwall-pay:attempt:order-1', JSON.stringify(other));
    expect(store.get('order-1', 2_000)).to.equal(undefined);
    const v2 = { paymentId: 'pay-2', amount: 150, currency: 'USD', customerId: 'c', buyer: attempt.buyer, startedAt: 1_000 };
    sessionStorage.setItem('paymentwall-pay:attempt:pay-1', JSON.stringify(v2));
    expect(new AttemptStore(sessionStorage).get('pay-1', 2_000)).to.equal(undefined);
  });

  it('drops attempts older than a day', () => {
    const store = new AttemptStore(sessionStorage);
    store.save(attempt);
    expect(store.get('order-1', attempt.startedAt + 25 * 60 * 60 * 1000)).to.equal(undefined);
    expect(sessionStorage.length).to.equal(0);
  });

  it('remembers reported results, result by result', () => {
    const store = new AttemptStore(sessionStorage);
    const failed = { merchant_uid: 'order-1', imp_uid: 'imp_1', error_code: 'F0' };
    const paid = { merchant_uid: 'order-1', imp_uid: 'imp_2' };
    expect(store.wasReported('order-1', failed)).to.equal(false);
    store.markReported('order-1', failed, 'fail');
    expect(new AttemptStore(sessionStorage).wasReported('order-1', { error_code: 'F0', imp_uid: 'imp_1', merchant_uid: 'order-1' })).to.equal(true);
    expect(store.wasReported('order-1', paid)).to.equal(false);
    expect(store.reported('order-1'), 'how it ended, for the page the buyer comes Back to').to.equal('fail');
    expect(store.reported('order-2')).to.equal(undefined);
  });

  it('forgets reported results of a merchant_uid when a new attempt with it starts', () => {
    const store = new AttemptStore(sessionStorage);
    const result = { merchant_uid: 'order-1', imp_uid: 'imp_1' };
    store.markReported('order-1', result, 'success');
    store.markReported('order-10', result, 'success');
    store.save(attempt);
    expect(store.wasReported('order-1', result)).to.equal(false);
    expect(store.wasReported('order-10', result)).to.equal(true);
  });

  it('remembers which widget showed an order id paid, reads a damaged record as none, and forgets it with the order id’s results', () => {
    const store = new AttemptStore(sessionStorage);
    store.markPaid('order-1', 'paymentwall-pay#plan', '["1004","KRW"]');
    expect(new AttemptStore(sessionStorage).paidAt('order-1')).to.deep.equal(['paymentwall-pay#plan', '["1004","KRW"]']);
    expect(store.paidAt('order-10')).to.equal(undefined);
    for (const damaged of ['{', '"paymentwall-pay#plan"', '[1, 2]', 'null']) {
      sessionStorage.setItem('paymentwall-pay:reported:order-1:paid', damaged);
      expect(store.paidAt('order-1'), damaged).to.equal(undefined);
    }
    store.markPaid('order-1', 'paymentwall-pay#plan', '[]');
    store.save(attempt);
    expect(store.paidAt('order-1'), 'a new attempt for the order id').to.equal(undefined);
  });

  it('works, forgetfully, where storage throws', () => {
    const broken = {
      getItem() {
        throw new DOMException('denied', 'SecurityError');
      },
      setItem() {
        throw new DOMException('full', 'QuotaExceededError');
      },
      removeItem() {
        throw new DOMException('denied', 'SecurityError');
      },
    } as unknown as Storage;
    const store = new AttemptStore(broken);
    expect(() => store.save(attempt)).not.to.throw();
    expect(store.get('order-1')).to.equal(undefined);
    expect(store.wasReported('order-1', {})).to.equal(false);
    expect(store.usable()).to.equal(false);
    expect(new AttemptStore(sessionStorage).usable()).to.equal(true);
  });

  it('counts storage with room for a short key but not an attempt as unusable', () => {
    const items = new Map<string, string>();
    const nearlyFull = {
      getItem: (key: string) => items.get(key) ?? null,
      setItem(key: string, value: string) {
        if (key.length + value.length > 200) throw new DOMException('full', 'QuotaExceededError');
        items.set(key, value);
      },
      removeItem: (key: string) => items.delete(key),
      key: () => null,
      length: 0,
    } as unknown as Storage;
    const store = new AttemptStore(nearlyFull);
    store.save(attempt);
    expect(store.get('order-1'), 'the attempt did not fit').to.equal(undefined);
    expect(store.usable(), 'so a return for a fixed id may still be read from the widget').to.equal(false);
  });
});
