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

  it('drops attempts older than a day', () => {
    const store = new AttemptStore(sessionStorage);
    store.save(attempt);
    expect(store.get('order-1', attempt.startedAt + 25 * 60 * 60 * 1000)).to.equal(undefined);
    expect(sessionStorage.length).to.equal(0);
  });

  it('remembers reported results', () => {
    const store = new AttemptStore(sessionStorage);
    expect(store.wasReported('order-1')).to.equal(false);
    store.markReported('order-1');
    expect(new AttemptStore(sessionStorage).wasReported('order-1')).to.equal(true);
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
    expect(store.wasReported('order-1')).to.equal(false);
  });
});
