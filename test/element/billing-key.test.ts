import { expect } from '@open-wc/testing';
import { installImp } from '../helpers/imp-double.js';
import { resetPage, shadow, text } from '../helpers/page.js';
import { widget } from '../helpers/widget.js';

describe('billing-key mode (customer-uid)', () => {
  beforeEach(resetPage);
  afterEach(resetPage);

  it('sends customer_uid with pay_method card, whatever pay-method says', async () => {
    const imp = installImp();
    const element = await widget({ 'customer-uid': 'cust-2026-0001', 'pay-method': 'trans' });
    await element.pay();
    expect(imp.requests[0]).to.include({ customer_uid: 'cust-2026-0001', pay_method: 'card', amount: 1004 });
  });

  it('says the card is charged and saved', async () => {
    const element = await widget({ 'customer-uid': 'c1' });
    expect(text(shadow(element).querySelector('.note'))).to.equal('Your card will be charged now and saved for later payments.');
    expect(text(shadow(element).querySelector('[part="button"]'))).to.contain('save card');
  });

  it('reports customerUid and the buyer’s e-mail, which later charges must repeat', async () => {
    installImp();
    const element = await widget({ 'customer-uid': 'cust-1' });
    const result = await element.pay();
    if (result.status !== 'success') throw new Error(result.status);
    expect(result.detail.customerUid).to.equal('cust-1');
    expect(result.detail.buyer.email).to.equal('jack@example.com');
  });
});
