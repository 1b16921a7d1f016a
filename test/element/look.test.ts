import { expect, fixture, html } from '@open-wc/testing';
import type { PaymentwallPay } from '../../src/index.js';
import { installImp } from '../helpers/imp-double.js';
import { button, quietly, resetPage, shadow, text } from '../helpers/page.js';
import { fill, widget, windowOpen } from '../helpers/widget.js';

describe('the look', () => {
  beforeEach(resetPage);
  afterEach(resetPage);

  it('exposes the documented parts', async () => {
    installImp('success-false');
    await quietly(async () => {
      const element = await widget({}, false);
      element.reportValidity();
      await element.pay();
      await element.updateComplete;
      const parts = new Set(Array.from(shadow(element).querySelectorAll('[part]'), (node) => node.getAttribute('part')));
      for (const part of ['form', 'field', 'label', 'input', 'error', 'button', 'status']) expect(parts, part).to.include(part);
      const broken = await widget({ amount: 'x' });
      expect(shadow(broken).querySelector('[part="config-error"]')).to.exist;
    });
  });

  it('wraps a long reason from PortOne or the PG inside a narrow widget', async () => {
    const { element, paying, answer } = await windowOpen();
    element.style.width = '320px';
    answer({ imp_uid: null, error_code: 'F400', error_msg: `PG_ERROR_${'X'.repeat(300)}` });
    await paying;
    await element.updateComplete;
    const status = shadow(element).querySelector<HTMLElement>('[part="status"]')!;
    expect(text(status)).to.contain('PG_ERROR_');
    expect(status.scrollWidth).to.be.at.most(status.clientWidth + 1);
    expect(element.scrollWidth).to.be.at.most(321);
  });

  it('wraps a configuration line’s long words inside a narrow widget', async () => {
    await quietly(async () => {
      // The sdk-src line names customElements.get('paymentwall-pay').allowSdkOrigin(), one long word.
      const element = await widget({ 'sdk-src': 'https://cdn.example.com/iamport.js' });
      element.style.width = '320px';
      element.style.fontSize = '200%';
      await element.updateComplete;
      const box = shadow(element).querySelector<HTMLElement>('[part="config-error"]')!;
      expect(text(box)).to.contain('allowSdkOrigin()');
      expect(box.scrollWidth).to.be.at.most(box.clientWidth + 1);
      expect(element.scrollWidth).to.be.at.most(321);
    });
  });

  it('breaks Korean lines between words, not inside one', async () => {
    const element = await widget({ lang: 'ko' }, false);
    element.style.width = '200px';
    await fill(element, 'email', 'not-an-address');
    element.reportValidity();
    await element.updateComplete;
    const error = shadow(element).getElementById('pw-email-error')!;
    const walker = document.createTreeWalker(error, NodeFilter.SHOW_TEXT);
    const node = walker.nextNode() as Text;
    const words = node.data;
    expect(words).to.contain('입력해');
    // The character after each line break, found by where its box starts a new line.
    const range = document.createRange();
    const tops = [...words].map((_, i) => {
      range.setStart(node, i);
      range.setEnd(node, i + 1);
      return range.getBoundingClientRect().top;
    });
    const breaks = tops.flatMap((top, i) => (i > 0 && top > tops[i - 1]! + 1 ? [i] : []));
    expect(breaks.length, 'the message takes more than one line').to.be.above(0);
    for (const i of breaks) expect(words[i - 1], `before "${words.slice(i, i + 4)}"`).to.equal(' ');
  });

  it('takes its accent, radius and font from custom properties', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div class="themed">
      <paymentwall-pay imp-code="imp1" channel-key="k" amount="1" currency="KRW" order-name="x"></paymentwall-pay>
    </div>`);
    const element = wrapper.querySelector('paymentwall-pay') as PaymentwallPay;
    element.style.setProperty('--paymentwall-pay-accent', 'rgb(10, 120, 30)');
    element.style.setProperty('--paymentwall-pay-radius', '3px');
    element.style.setProperty('--paymentwall-pay-font', 'monospace');
    await element.updateComplete;
    const style = getComputedStyle(button(element));
    expect(style.backgroundColor).to.equal('rgb(10, 120, 30)');
    expect(style.borderTopLeftRadius).to.equal('3px');
    expect(getComputedStyle(element).fontFamily).to.equal('monospace');
  });

  it('sizes its text and controls from the page’s text, not the root (themes that set html to 62.5 %)', async () => {
    const base = 'imp-code="imp1" channel-key="k" amount="1" currency="KRW" order-name="x"';
    const buyer = 'buyer-name="Jack Son" buyer-email="jack@example.com"';
    /** Every box and text size in four widgets: a failure with PortOne's reason and all fields, a success, a broken configuration, errors shown. */
    const measure = async (rootSize: string) => {
      document.documentElement.style.fontSize = rootSize;
      try {
        // The theme's body text: 1.6rem of a 10 px root, or the browser's 16 px.
        const wrapper = document.createElement('div');
        wrapper.style.fontSize = '16px';
        wrapper.innerHTML = `<paymentwall-pay ${base} ${buyer} fields="tel addr postcode" customer-uid="c1"></paymentwall-pay>
          <paymentwall-pay ${base} ${buyer}></paymentwall-pay><paymentwall-pay ${base.replace('amount="1"', 'amount="x"')}></paymentwall-pay>
          <paymentwall-pay ${base} fields="tel"></paymentwall-pay>`;
        const [failed, paid, broken, invalid] = Array.from(wrapper.querySelectorAll('paymentwall-pay')) as PaymentwallPay[];
        await quietly(async () => {
          document.body.append(wrapper);
          await Promise.all([failed!.updateComplete, paid!.updateComplete, broken!.updateComplete, invalid!.updateComplete]);
          invalid!.reportValidity();
          installImp('error-code');
          await failed!.pay();
          installImp('success');
          await paid!.pay();
        });
        const boxes: Record<string, string> = {};
        for (const [index, element] of [failed!, paid!, broken!, invalid!].entries()) {
          await element.updateComplete;
          boxes[`${index} host`] = getComputedStyle(element).maxWidth;
          // Relative to the widget: where the page has scrolled does not count.
          const host = element.getBoundingClientRect();
          for (const [at, node] of Array.from(shadow(element).querySelectorAll('*')).entries()) {
            const { width, height } = node.getBoundingClientRect();
            const [x, y] = [node.getBoundingClientRect().x - host.x, node.getBoundingClientRect().y - host.y];
            // Boxes that draw nothing (display: contents or none) sit nowhere in particular.
            const box = width || height ? ` ${x},${y} ${width}×${height}` : '';
            const style = getComputedStyle(node);
            const spacing = [style.paddingTop, style.paddingLeft, style.marginTop, style.marginBottom, style.rowGap, style.columnGap].join(' ');
            boxes[`${index} ${at} ${node.localName}.${node.getAttribute('class') ?? ''}`] = `${style.fontSize} ${spacing}${box}`;
          }
        }
        expect(shadow(failed!).querySelector('.pg-detail'), 'PortOne’s reason shown').to.exist;
        wrapper.remove();
        return boxes;
      } finally {
        document.documentElement.style.fontSize = '';
      }
    };
    const themed = await measure('62.5%');
    expect(themed, 'as at the browser’s 16 px root').to.deep.equal(await measure(''));
    const size = (pattern: RegExp) => Object.entries(themed).find(([key]) => pattern.test(key))![1].split(' ')[0];
    expect([size(/^0 \d+ label/), size(/hint/), size(/optional/), size(/^3 \d+ div\.error/), size(/pg-detail/)]).to.deep.equal(['15px', '13px', '13px', '14px', '14px']);
    expect(Object.keys(themed).filter((key) => /config-error/.test(key)), 'the configuration box measured').to.have.length.above(0);
    expect(themed['0 host']).to.equal('448px');
    const heightOf = (pattern: RegExp) => Number(Object.entries(themed).find(([key]) => pattern.test(key))![1].split('×')[1]);
    expect(heightOf(/^1 \d+ button/), 'the button 44 px tall').to.equal(44);
    expect(heightOf(/^1 \d+ input/), 'fields 44 px tall').to.equal(44);
  });

  it('keeps its form and configuration box the host’s own items, so ::part() can size them in a flex or grid host', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div>
      <style>
        .tall { display: flex; flex-direction: column; height: 600px; }
        .tall::part(form) { flex: 1; }
        .grid { display: grid; grid-template-columns: 1fr 1fr; }
      </style>
      <paymentwall-pay class="tall" imp-code="imp1" channel-key="k" amount="1" currency="KRW" order-name="x"></paymentwall-pay>
    </div>`);
    const element = wrapper.querySelector('paymentwall-pay') as PaymentwallPay;
    await element.updateComplete;
    expect(shadow(element).querySelector('form')!.getBoundingClientRect().height).to.be.closeTo(600, 1);
    // Side by side in a two-column host: the configuration box in one column, the form in the other.
    await quietly(async () => {
      element.className = 'grid';
      element.setAttribute('amount', 'x');
      await element.updateComplete;
    });
    const box = shadow(element).querySelector('[part="config-error"]')!.getBoundingClientRect();
    const form = shadow(element).querySelector('form')!.getBoundingClientRect();
    expect(form.left).to.be.at.least(box.right);
    expect(form.top).to.be.closeTo(box.top, 1);
  });

  it('follows the page’s text color, so it reads on dark pages', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div>
      <paymentwall-pay imp-code="imp1" channel-key="k" amount="1" currency="KRW" order-name="x"></paymentwall-pay>
    </div>`);
    wrapper.style.color = 'rgb(240, 240, 240)';
    wrapper.style.background = 'rgb(20, 20, 20)';
    const element = wrapper.querySelector('paymentwall-pay') as PaymentwallPay;
    await element.updateComplete;
    const field = shadow(element).querySelector('input')!;
    expect(getComputedStyle(field).color).to.equal('rgb(240, 240, 240)');
    expect(getComputedStyle(shadow(element).querySelector('label')!).color).to.equal('rgb(240, 240, 240)');
  });

  it('uses a lighter error red on pages that declare a dark color-scheme', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div>
      <paymentwall-pay imp-code="imp1" channel-key="k" amount="1" currency="KRW" order-name="x"></paymentwall-pay>
    </div>`);
    const element = wrapper.querySelector('paymentwall-pay') as PaymentwallPay;
    element.reportValidity();
    await element.updateComplete;
    const error = shadow(element).querySelector('[part="error"]')!;
    expect(getComputedStyle(error).color).to.equal('rgb(179, 38, 30)');
    wrapper.style.colorScheme = 'dark';
    expect(getComputedStyle(error).color).to.equal('rgb(255, 180, 171)');
  });

  it('shows a success with its own color and a check icon, readable on light and dark pages', async () => {
    installImp('success');
    const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
    const element = await widget({});
    wrapper.append(element);
    await element.pay();
    await element.updateComplete;
    const status = shadow(element).querySelector<HTMLElement>('[part="status"]')!;
    const icon = status.querySelector('svg')!;
    expect(icon.getAttribute('aria-hidden')).to.equal('true');
    expect(icon.getBoundingClientRect().width).to.be.greaterThan(8);
    expect(text(status)).to.equal('Payment complete. Thank you!');
    const color = () => getComputedStyle(status).color;
    expect(color()).to.not.equal(getComputedStyle(element).color);
    wrapper.style.background = 'rgb(255, 255, 255)';
    expect(contrast(color(), 'rgb(255, 255, 255)'), `light: ${color()}`).to.be.at.least(4.5);
    wrapper.style.colorScheme = 'dark';
    wrapper.style.color = 'rgb(240, 240, 240)';
    wrapper.style.background = 'rgb(20, 20, 20)';
    expect(contrast(color(), 'rgb(20, 20, 20)'), `dark: ${color()}`).to.be.at.least(4.5);
  });

  for (const answer of ['imp-success-false', 'success'] as const) {
    it(`does not jump when the status line appears (${answer})`, async () => {
      installImp(answer);
      const element = await widget({});
      const before = element.getBoundingClientRect().height;
      await element.pay();
      await element.updateComplete;
      expect(text(shadow(element).querySelector('[part="status"]'))).to.not.equal('');
      expect(element.getBoundingClientRect().height).to.equal(before);
    });
  }

  it('writes no style attribute and nothing into <head>', async () => {
    const headBefore = document.head.innerHTML;
    installImp('success-false');
    const element = await widget({});
    await element.pay();
    await element.updateComplete;
    expect(shadow(element).querySelectorAll('[style]')).to.have.length(0);
    expect(element.hasAttribute('style')).to.equal(false);
    expect(document.head.innerHTML).to.equal(headBefore);
    expect(shadow(element).adoptedStyleSheets.length).to.be.greaterThan(0);
  });

});

/** WCAG contrast ratio of two opaque rgb() colors. */
function contrast(a: string, b: string): number {
  const luminance = (color: string) => {
    const [r, g, bl] = (color.match(/[\d.]+/g) ?? []).slice(0, 3).map((part) => {
      const c = Number(part) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
}

/** WCAG relative luminance contrast of an sRGB colour (computed style text), laid over `under`, against `under`. */
function contrastOver(colour: string, under: [number, number, number]): number {
  // rgb()/rgba() give 0–255; color(srgb 0.1 0.2 0.3 / 0.6) gives fractions.
  const scale = colour.startsWith('color(') ? 255 : 1;
  const [r = 0, g = 0, b = 0, alpha = 1] = (colour.match(/[\d.]+/g) ?? []).map(Number).map((value, index) => (index < 3 ? value * scale : value));
  const laid = [r, g, b].map((value, index) => value * alpha + under[index]! * (1 - alpha));
  const luminance = (rgb: number[]) => {
    const [lr, lg, lb] = rgb.map((value) => {
      const c = value / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * lr! + 0.7152 * lg! + 0.0722 * lb!;
  };
  const [light, dark] = [luminance(laid), luminance(under)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
}

describe('the look, as WCAG 2.2 measures it', () => {
  beforeEach(resetPage);
  afterEach(resetPage);

  /** A widget inside a page area with this style. */
  async function onPage(style: string): Promise<PaymentwallPay> {
    const wrapper = await fixture<HTMLDivElement>(html`<div style=${style}>
      <paymentwall-pay imp-code="imp1" channel-key="k" amount="1" currency="KRW" order-name="x"></paymentwall-pay>
    </div>`);
    const element = wrapper.querySelector('paymentwall-pay') as PaymentwallPay;
    await element.updateComplete;
    return element;
  }

  it('draws field borders at 3:1 or more against the page (1.4.11), with the page’s grey text', async () => {
    const element = await onPage('color: #333; background: #fff');
    const border = getComputedStyle(shadow(element).querySelector('input')!).borderTopColor;
    expect(contrastOver(border, [255, 255, 255]), border).to.be.at.least(3);
  });

  it('draws the focus ring at 3:1 or more on a page that declares a dark color-scheme', async () => {
    const element = await onPage('color-scheme: dark; color: #eee; background: #1b2029');
    const field = shadow(element).querySelector('input')!;
    field.focus();
    const ring = getComputedStyle(field).outlineColor;
    expect(contrastOver(ring, [0x1b, 0x20, 0x29]), ring).to.be.at.least(3);
    // A page's own accent still wins.
    element.style.setProperty('--paymentwall-pay-accent', 'rgb(10, 120, 30)');
    expect(getComputedStyle(field).outlineColor).to.equal(getComputedStyle(button(element)).backgroundColor);
  });
});
