import { expect, waitUntil } from '@open-wc/testing';
import { installImp } from '../helpers/imp-double.js';
import { button, resetPage } from '../helpers/page.js';
import { widget } from '../helpers/widget.js';

for (const lang of ['en', 'ko']) {
  describe(`accessibility (${lang})`, () => {
    beforeEach(resetPage);
    afterEach(resetPage);

    it('idle', async () => {
      const element = await widget({ lang, fields: 'tel addr postcode' }, false);
      await expect(element).to.be.accessible();
    });

    it('invalid, with errors shown', async () => {
      const element = await widget({ lang, fields: 'tel addr postcode' }, false);
      element.reportValidity();
      await element.updateComplete;
      await expect(element).to.be.accessible();
    });

    it('busy', async () => {
      const imp = installImp('never');
      const element = await widget({ lang });
      void element.pay();
      await waitUntil(() => imp.requests.length === 1);
      await element.updateComplete;
      expect(button(element).getAttribute('aria-busy')).to.equal('true');
      await expect(element).to.be.accessible();
    });

    it('failed, with the status message', async () => {
      installImp('success-false');
      const element = await widget({ lang });
      await element.pay();
      await element.updateComplete;
      await expect(element).to.be.accessible();
    });

    it('paid, in its success state', async () => {
      installImp('success');
      const element = await widget({ lang });
      await element.pay();
      await element.updateComplete;
      expect(button(element).disabled).to.equal(true);
      await expect(element).to.be.accessible();
    });

    it('misconfigured, with the config-error box', async () => {
      const original = console.error;
      console.error = () => {};
      try {
        const element = await widget({ lang, amount: '1,004' });
        await expect(element).to.be.accessible();
      } finally {
        console.error = original;
      }
    });
  });
}
