import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { installImp } from '../helpers/imp-double.js';
import { installPortOne } from '../helpers/portone-double.js';
import { button, focused, input, quietly, resetPage, shadow, text } from '../helpers/page.js';
import { v2Widget } from '../helpers/v2-widget.js';
import { fill, typeInto, widget } from '../helpers/widget.js';
import { ko } from '../../src/translations/ko.js';

const errorOf = (element: HTMLElement, field: string) => {
  const describedBy = input(element, field).getAttribute('aria-describedby')!.split(' ');
  return describedBy.map((id) => shadow(element).getElementById(id)).find((node) => node?.getAttribute('part') === 'error');
};

/**
 * Runs `body` and lists every property of this page's forms that script read or wrote meanwhile.
 * In Chromium, the first property a script reads from a form, even a method to call, slows every
 * later template clone on the page: a page of many widgets took time growing with the square of
 * their number. So every method and accessor a form inherits is wrapped, and a Proxy below the
 * form's prototype hears any other name looked up or set (an expando, hasOwnProperty, then).
 */
async function formTouches(body: () => Promise<void>): Promise<string[]> {
  const touched = new Set<string>();
  const restore: Array<() => void> = [];
  const ownerDocument = Object.getOwnPropertyDescriptor(Node.prototype, 'ownerDocument')!.get!;
  const parentNode = Object.getOwnPropertyDescriptor(Node.prototype, 'parentNode')!.get!;
  // A form of this page (not of Lit's templates); for remove(), the node's parent.
  const isOurs = (node: unknown): boolean => node instanceof HTMLFormElement && ownerDocument.call(node) === document;
  const watch = (proto: object, name: string) => {
    const descriptor = Object.getOwnPropertyDescriptor(proto, name)!;
    const wrap = <F extends (...args: never[]) => unknown>(original: F, label: string) =>
      function (this: unknown, ...args: never[]) {
        if (isOurs(this) || (name === 'remove' && this instanceof Node && isOurs(parentNode.call(this)))) touched.add(label);
        return original.apply(this, args);
      };
    const watched = { ...descriptor };
    if (typeof descriptor.value === 'function') watched.value = wrap(descriptor.value, `${name}()`);
    if (descriptor.get) watched.get = wrap(descriptor.get, name);
    if (descriptor.set) watched.set = wrap(descriptor.set, `${name} =`);
    Object.defineProperty(proto, name, watched);
    restore.push(() => Object.defineProperty(proto, name, descriptor));
  };
  for (const proto of [EventTarget.prototype, Node.prototype, Element.prototype, CharacterData.prototype, HTMLElement.prototype, HTMLFormElement.prototype]) {
    for (const name of Object.getOwnPropertyNames(proto)) if (name !== 'constructor') watch(proto, name);
  }
  const formProto = HTMLFormElement.prototype;
  const below = Object.getPrototypeOf(formProto) as object;
  Object.setPrototypeOf(
    formProto,
    new Proxy(below, {
      get: (target, key, receiver) => (isOurs(receiver) && touched.add(String(key)), Reflect.get(target, key, receiver)),
      set: (target, key, value, receiver) => (isOurs(receiver) && touched.add(`${String(key)} =`), Reflect.set(target, key, value, receiver)),
    }),
  );
  restore.push(() => Object.setPrototypeOf(formProto, below));
  try {
    await body();
  } finally {
    restore.forEach((each) => each());
  }
  return [...touched];
}

describe('the buyer form', () => {
  beforeEach(resetPage);
  afterEach(resetPage);

  it('is a real form with labelled fields, autocomplete tokens and a submit button', async () => {
    const element = await widget({ fields: 'tel addr postcode' });
    const form = shadow(element).querySelector('form');
    expect(form).to.exist;
    const fields = Array.from(shadow(element).querySelectorAll('input'), (each) => ({
      name: each.name,
      autocomplete: each.autocomplete,
      label: text(shadow(element).querySelector(`label[for="${each.id}"]`)),
      type: each.type,
    }));
    expect(fields).to.deep.equal([
      { name: 'name', autocomplete: 'name', label: 'Name', type: 'text' },
      { name: 'email', autocomplete: 'email', label: 'Email', type: 'email' },
      { name: 'tel', autocomplete: 'tel', label: 'Phone (optional)', type: 'tel' },
      { name: 'addr', autocomplete: 'street-address', label: 'Address (optional)', type: 'text' },
      { name: 'postcode', autocomplete: 'postal-code', label: 'Postcode (optional)', type: 'text' },
    ]);
    expect(button(element).type).to.equal('submit');
    expect(button(element).form).to.equal(form);
  });

  it('shows tel by default and no optional field with an empty fields', async () => {
    const names = (element: HTMLElement) => Array.from(shadow(element).querySelectorAll('input'), (each) => each.name);
    expect(names(await widget({}))).to.deep.equal(['name', 'email', 'tel']);
    expect(names(await widget({ fields: '' }))).to.deep.equal(['name', 'email']);
    expect(names(await widget({ fields: 'postcode' }))).to.deep.equal(['name', 'email', 'postcode']);
  });

  it('prefills from buyer-* attributes', async () => {
    const element = await widget({ fields: 'tel addr postcode', 'buyer-tel': '010-1234-5678', 'buyer-addr': 'Seoul', 'buyer-postcode': '04524' });
    const values = Array.from(shadow(element).querySelectorAll('input'), (each) => each.value);
    expect(values).to.deep.equal(['Jack Son', 'jack@example.com', '010-1234-5678', 'Seoul', '04524']);
  });

  it('shows no error before the buyer leaves a field', async () => {
    const element = await widget({}, false);
    await typeInto(element, 'name', 'Jack', false);
    expect(text(errorOf(element, 'name'))).to.equal('');
    expect(input(element, 'name').getAttribute('aria-invalid')).to.equal('false');
  });

  it('shows the error next to the field after leaving it, linked and marked invalid', async () => {
    const element = await widget({}, false);
    await typeInto(element, 'name', 'Jack');
    expect(text(errorOf(element, 'name'))).to.equal('Enter your first and last name, separated by a space.');
    expect(input(element, 'name').getAttribute('aria-invalid')).to.equal('true');
    expect(input(element, 'name').validity.valid).to.equal(false);
    await typeInto(element, 'name', 'Jack Son');
    expect(text(errorOf(element, 'name'))).to.equal('');
    expect(input(element, 'name').getAttribute('aria-invalid')).to.equal('false');
    expect(input(element, 'name').validity.valid).to.equal(true);
  });

  const RULES: Array<[string, string, string]> = [
    ['name', '', 'Enter your name.'],
    ['email', '', 'Enter your email address.'],
    ['email', 'jack@', 'Enter an email address like name@example.com.'],
    ['email', `${'a'.repeat(53)}@example.com`, 'The email address can have at most 64 characters.'],
    ['tel', '12-34', 'Enter a phone number of 7 to 15 digits.'],
    ['postcode', '123#456', 'Enter a postcode of up to 10 letters, digits, spaces or hyphens.'],
    ['addr', 'x'.repeat(129), 'The address can have at most 128 characters.'],
  ];
  for (const [field, value, message] of RULES) {
    it(`says "${message}" for ${field} "${value.slice(0, 20)}"`, async () => {
      const element = await widget({ fields: 'tel addr postcode' });
      await fill(element, field, value);
      input(element, field).dispatchEvent(new FocusEvent('blur'));
      await element.updateComplete;
      expect(text(errorOf(element, field))).to.equal(message);
    });
  }

  it('on submit with errors shows them all and focuses the first bad field', async () => {
    installImp();
    const element = await widget({ 'buyer-name': 'Jack Son' }, false);
    await fill(element, 'tel', '12');
    button(element).click();
    await element.updateComplete;
    await element.updateComplete;
    expect(focused(element)).to.equal('input[name="email"]');
    expect(text(errorOf(element, 'email'))).to.equal('Enter your email address.');
    expect(text(errorOf(element, 'tel'))).to.equal('Enter a phone number of 7 to 15 digits.');
    expect(text(errorOf(element, 'name'))).to.equal('');
    expect(window.IMP && (window.IMP as unknown as { requests: unknown[] }).requests).to.have.length(0);
  });

  it('checkValidity() answers without showing; reportValidity() shows', async () => {
    const element = await widget({}, false);
    expect(element.checkValidity()).to.equal(false);
    await element.updateComplete;
    expect(text(errorOf(element, 'name'))).to.equal('');
    expect(element.reportValidity()).to.equal(false);
    await element.updateComplete;
    expect(text(errorOf(element, 'name'))).to.equal('Enter your name.');
    await fill(element, 'name', '홍 길동');
    await fill(element, 'email', 'hong@example.com');
    expect(element.checkValidity()).to.equal(true);
    expect(element.reportValidity()).to.equal(true);
  });

  it('checkValidity() is false with a broken configuration', async () => {
    const original = console.error;
    console.error = () => {};
    try {
      const element = await widget({ amount: '0' });
      expect(element.checkValidity()).to.equal(false);
    } finally {
      console.error = original;
    }
  });

  it('keeps what the buyer typed through attribute changes and re-renders', async () => {
    const element = await widget({ fields: 'tel addr' }, false);
    // No doubled letters: WebKit's WebDriver drops a key pressed twice in a row.
    await typeInto(element, 'name', 'Mary Jane');
    await typeInto(element, 'email', 'mary@example.com');
    await typeInto(element, 'addr', 'Busan');
    element.setAttribute('amount', '2000');
    element.setAttribute('lang', 'ko');
    element.setAttribute('buyer-name', 'Prefill Changed');
    element.setAttribute('fields', 'tel');
    await element.updateComplete;
    element.setAttribute('fields', 'tel addr');
    await element.updateComplete;
    const values = Array.from(shadow(element).querySelectorAll('input'), (each) => each.value);
    expect(values).to.deep.equal(['Mary Jane', 'mary@example.com', '', 'Busan']);
  });

  it('updates a prefilled field the buyer has not touched', async () => {
    const element = await widget({});
    element.setAttribute('buyer-email', 'new@example.com');
    await element.updateComplete;
    expect(input(element, 'email').value).to.equal('new@example.com');
  });

  it('shows the amount on the button through Intl.NumberFormat', async () => {
    expect(text(button(await widget({ currency: 'USD', amount: '20' })))).to.equal('Pay $20.00');
    expect(text(button(await widget({ lang: 'ko' })))).to.equal('₩1,004 결제하기');
  });

  it('renders the product summary from the default slot above the form', async () => {
    const element = await widget({});
    const summary = document.createElement('p');
    summary.textContent = 'Premium plan';
    element.append(summary);
    const slot = shadow(element).querySelector('slot:not([name])') as HTMLSlotElement;
    expect(slot.assignedElements()).to.deep.equal([summary]);
    expect(slot.compareDocumentPosition(shadow(element).querySelector('form')!) & Node.DOCUMENT_POSITION_FOLLOWING).to.be.greaterThan(0);
  });

  it('types like a person: Tab moves through fields and shows the left one’s error', async () => {
    const element = await widget({}, false);
    input(element, 'name').focus();
    await sendKeys({ type: 'Solo' });
    await sendKeys({ press: 'Tab' });
    await element.updateComplete;
    expect(focused(element)).to.equal('input[name="email"]');
    expect(text(errorOf(element, 'name'))).to.contain('first and last name');
  });

  it('gives an input a new validity message only when its message changes, not on every keystroke', async () => {
    const element = await widget({}, false);
    const calls: string[] = [];
    const original = HTMLInputElement.prototype.setCustomValidity;
    HTMLInputElement.prototype.setCustomValidity = function (this: HTMLInputElement, message: string) {
      calls.push(`${this.name}:${message}`);
      original.call(this, message);
    };
    try {
      // Empty breaks "required"; each of these breaks "two words": one new message, then none.
      for (const typed of ['J', 'Ja', 'Jac', 'Jack']) await fill(element, 'name', typed);
      expect(calls).to.deep.equal(['name:Enter your first and last name, separated by a space.']);
      await fill(element, 'name', 'Jack Son');
      await fill(element, 'name', 'Jack Sons');
      expect(calls.slice(1)).to.deep.equal(['name:']);
    } finally {
      HTMLInputElement.prototype.setCustomValidity = original;
    }
    expect(input(element, 'name').validity.valid).to.equal(true);
    expect(input(element, 'email').validationMessage).to.equal('Enter your email address.');
  });

  it('lays out as a column: every field and the button span the form, in the order written', async () => {
    const element = await widget({ fields: 'tel addr postcode' });
    const form = shadow(element).querySelector('form')!;
    const width = form.getBoundingClientRect().width;
    const boxes = [...shadow(element).querySelectorAll<HTMLElement>('[part="field"], [part="input"], [part="button"]')].map((each) => each.getBoundingClientRect());
    expect(boxes).to.have.length(11);
    for (const box of boxes) expect(Math.abs(box.width - width)).to.be.below(1);
    const fields = [...shadow(element).querySelectorAll<HTMLElement>('[part="field"], [part="button"]')].map((each) => each.getBoundingClientRect());
    fields.reduce((above, box) => {
      expect(box.top).to.be.above(above.bottom);
      return box;
    });
  });

  describe('never touches its <form> from script (no property read or written, no method called, no child put in)', () => {
    it('as it renders, takes typing, changes its fields, language, saved card and configuration, and fails a payment', async () => {
      const touched = await formTouches(async () => {
        installImp('error-code');
        const element = await widget({ fields: 'tel' }, false);
        await typeInto(element, 'name', 'Hong Gildong');
        element.setAttribute('fields', 'tel addr postcode');
        element.setAttribute('lang', 'ko');
        element.setAttribute('customer-uid', 'card-1');
        await element.updateComplete;
        element.setAttribute('fields', '');
        await quietly(async () => {
          element.setAttribute('amount', 'x');
          await element.updateComplete;
        });
        element.setAttribute('amount', '1004');
        element.reportValidity();
        await fill(element, 'email', 'buyer@example.com');
        expect((await element.pay()).status).to.equal('fail');
        await element.updateComplete;
      });
      expect(touched).to.deep.equal([]);
    });

    it('as it is paid from the button, reset, kept busy, brought back from the back/forward cache, disabled and moved', async () => {
      const touched = await formTouches(async () => {
        const imp = installImp('success');
        const element = await widget();
        button(element).focus();
        expect((await element.pay()).status).to.equal('success');
        await element.updateComplete;
        expect(focused(element)).to.equal('div[part="status"]');
        element.reset();
        await element.updateComplete;
        imp.answer = 'never';
        void element.pay();
        await element.updateComplete;
        expect(button(element).disabled).to.equal(true);
        window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
        await element.updateComplete;
        element.disabled = true;
        await element.updateComplete;
        const section = document.createElement('section');
        document.body.append(section);
        section.append(element);
        await element.updateComplete;
        document.body.append(element);
        element.disabled = false;
        await element.updateComplete;
        section.remove();
      });
      expect(touched).to.deep.equal([]);
    });

    it('in V2, declined and then approved', async () => {
      const touched = await formTouches(async () => {
        const portOne = installPortOne('decline');
        const element = await v2Widget();
        expect((await element.pay()).status).to.equal('fail');
        portOne.answer = 'approve';
        expect((await element.pay()).status).to.equal('success');
        await element.updateComplete;
      });
      expect(touched).to.deep.equal([]);
    });
  });

  it('shows what it will send: a value a script set without an input event is put back on the next render', async () => {
    const element = await widget({}, false);
    await fill(element, 'name', 'Jack Son');
    input(element, 'name').value = 'Other Person';
    element.setAttribute('buyer-email', 'jack@example.com');
    await element.updateComplete;
    expect(input(element, 'name').value).to.equal('Jack Son');
    expect(input(element, 'email').value).to.equal('jack@example.com');
  });

  it('gives each input its validity message in the widget’s language', async () => {
    const element = await widget({ lang: 'ko' });
    await fill(element, 'email', 'not-an-address');
    expect(input(element, 'email').validationMessage).to.equal(ko.buyerError['email-invalid']);
  });

  it('reportValidity() shows the buyer’s errors and focuses the first bad field when the configuration is broken too', async () => {
    const element = await widget({ amount: null }, false);
    expect(element.reportValidity()).to.equal(false);
    await element.updateComplete;
    await element.updateComplete;
    expect(text(shadow(element).getElementById('pw-name-error'))).to.equal('Enter your name.');
    expect(focused(element)).to.contain('name');
  });
});
