import { expect } from '@open-wc/testing';
import { openPage, type PageWindow } from './helpers/cdn-page.js';
import { sha384, waitUntil } from './helpers/page.js';

function clickPay(doc: Document, id: string): void {
  const button = doc.getElementById(id)!.shadowRoot!.querySelector<HTMLButtonElement>('button[part="button"]')!;
  button.click();
}

describe('dist/paymentwall-pay.min.js on a plain page', () => {
  afterEach(() => document.querySelectorAll('iframe').forEach((frame) => frame.remove()));

  for (const [kind, query] of [['classic', ''], ['module', '?module']]) {
    it(`takes a payment with the tag and attributes alone (${kind} script)`, async () => {
      const { win, doc } = await openPage(`/test/fixtures/cdn/plain-page.html${query}`);
      const tag = doc.querySelector('script[src="/dist/paymentwall-pay.min.js"]') as HTMLScriptElement;
      expect(tag.type).to.equal(kind === 'module' ? 'module' : '');
      clickPay(doc, 'widget');
      await waitUntil(() => win.__events.some((event) => event.type === 'pay-success'), 'pay-success');
      expect(win.__events.map((event) => event.type)).to.deep.equal(['pay-request', 'pay-success']);
      expect(win.__events[1]!.detail).to.deep.include({ via: 'callback', amount: 1004, currency: 'KRW', impUid: 'imp_000000000001' });
      expect(win.IMP!.inits).to.deep.equal(['imp12345678']);
      expect(win.IMP!.requests[0]).to.deep.include({ channelKey: 'channel-key-cdn', amount: 1004, name: 'CDN T-shirt' });
      expect(doc.querySelectorAll('script[src$="imp-double.js"]')).to.have.length(1);
    });
  }

  it('takes a payment in a frame sandboxed without allow-forms, from the button and from Enter', async () => {
    // An embed host's frame: scripts run, but no form may be submitted.
    const { win, doc } = await openPage('/test/fixtures/cdn/plain-page.html', 1, 'allow-scripts allow-same-origin allow-popups');
    clickPay(doc, 'widget');
    await waitUntil(() => win.__events.some((event) => event.type === 'pay-success'), 'pay-success from the button');
    win.__events.length = 0;
    const widget = doc.getElementById('widget') as HTMLElement & { reset(): void; updateComplete: Promise<boolean> };
    widget.reset();
    await widget.updateComplete;
    widget.shadowRoot!.querySelector<HTMLInputElement>('input[name="email"]')!.focus();
    const { sendKeys } = await import('@web/test-runner-commands');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => win.__events.some((event) => event.type === 'pay-success'), 'pay-success from Enter');
    expect(win.IMP!.requests).to.have.length(2);
  });

  it('refuses a self-hosted SDK until the page allows it, and the configuration box’s advice works as written on a CDN page', async () => {
    const { win, doc } = await openPage('/test/fixtures/cdn/plain-page.html?unallowed');
    const box = () => doc.getElementById('widget')!.shadowRoot!.querySelector('[part="config-error"]');
    const advice = "customElements.get('paymentwall-pay').allowSdkOrigin()";
    expect(box()!.textContent).to.contain(advice);
    // The CDN file puts nothing on window: a class name would not be there to call.
    expect('PaymentwallPay' in win).to.equal(false);
    (win as unknown as { eval(code: string): unknown }).eval(advice.replace('()', "('/test/fixtures/sdk/imp-double.js')"));
    await waitUntil(() => box() === null, 'the configuration box gone once allowed');
    clickPay(doc, 'widget');
    await waitUntil(() => win.__events.some((event) => event.type === 'pay-success'), 'pay-success');
  });

  it('warns in the console where a phone could not come back to the page (a srcdoc frame), unless redirect-url is set', async () => {
    // A page builder's preview: the CDN snippet in a srcdoc frame, whose address is about:srcdoc.
    // The frame is hidden, so no widget is seen and nothing loads PortOne's SDK.
    const page = (attributes: string) => `<!doctype html><html lang="en"><body>
      <script>window.__warnings = []; console.warn = (...args) => window.__warnings.push(args.join(' '));</script>
      <script src="/dist/paymentwall-pay.min.js"></script>
      <paymentwall-pay id="widget" imp-code="imp12345678" channel-key="channel-key-cdn" amount="1004" currency="KRW"
        order-name="CDN T-shirt" ${attributes}></paymentwall-pay></body></html>`;
    const warningsIn = async (attributes: string) => {
      const { win: frameWindow, doc } = await openPage({ srcdoc: page(attributes), hidden: true });
      const win = frameWindow as unknown as { __warnings: string[]; location: Location };
      const widget = doc.getElementById('widget') as HTMLElement & { updateComplete: Promise<boolean> };
      await widget.updateComplete;
      expect(win.location.href).to.equal('about:srcdoc');
      expect(widget.shadowRoot!.querySelector('[part="config-error"]') === null, 'a sound configuration').to.equal(true);
      return win.__warnings;
    };
    const unset = await warningsIn('');
    expect(unset).to.have.length(1);
    expect(unset[0]).to.match(/^paymentwall-pay: PortOne cannot send a phone back to this about: page; set redirect-url\. \(/);
    expect(await warningsIn('redirect-url="https://shop.example/paid"')).to.deep.equal([]);
  });

  it('lets a page in a srcdoc frame allow its own SDK copy, by path or by its http origin', async () => {
    // A page builder's preview again: the frame's address is about:srcdoc, with no origin of its
    // own, but its scripts run with the origin of the page around it (http here, as when developing).
    const { win: frameWindow, doc } = await openPage({
      srcdoc: `<!doctype html><html lang="en"><body>
      <script src="/test/fixtures/cdn/record-events.js"></script>
      <script src="/dist/paymentwall-pay.min.js"></script>
      <script>
        window.__thrown = [];
        const allow = (origin) => { try { customElements.get('paymentwall-pay').allowSdkOrigin(origin); } catch (error) { window.__thrown.push(String(error)); } };
        allow('/test/fixtures/sdk/imp-double.js');
        allow(self.origin);
      </script>
      <paymentwall-pay id="widget" imp-code="imp12345678" channel-key="channel-key-cdn" amount="1004" currency="KRW"
        order-name="CDN T-shirt" buyer-name="Jack Son" buyer-email="jack@example.com"
        sdk-src="/test/fixtures/sdk/imp-double.js"></paymentwall-pay></body></html>`,
    });
    const win = frameWindow as PageWindow & { __thrown: string[] };
    expect(win.location.href).to.equal('about:srcdoc');
    expect(win.__thrown).to.deep.equal([]);
    const widget = doc.getElementById('widget') as HTMLElement & { updateComplete: Promise<boolean> };
    await widget.updateComplete;
    expect(widget.shadowRoot!.querySelector('[part="config-error"]') === null, 'no configuration box').to.equal(true);
    clickPay(doc, 'widget');
    await waitUntil(() => win.__events.some((event) => event.type !== 'pay-request'), 'an outcome');
    expect(win.__events.map((event) => event.type)).to.deep.equal(['pay-request', 'pay-success']);
  });

  it('with sdk-integrity, pays through an SDK that declares its global as a var, as a bundle with a global name does', async () => {
    // V2's browser-sdk.js is such a bundle (`var PortOne = …`); in a frame, since a global var
    // cannot be deleted from the test page.
    const src = '/test-sdk/slow.js?ms=20&var';
    const integrity = await sha384(src);
    const { win, doc } = await openPage({
      srcdoc: `<!doctype html><html lang="en"><body>
      <script src="/test/fixtures/cdn/record-events.js"></script>
      <script src="/dist/paymentwall-pay.min.js"></script>
      <script>customElements.get('paymentwall-pay').allowSdkOrigin('/test-sdk/slow.js');</script>
      <paymentwall-pay id="widget" imp-code="imp12345678" channel-key="channel-key-cdn" amount="1004" currency="KRW"
        order-name="CDN T-shirt" buyer-name="Jack Son" buyer-email="jack@example.com"
        sdk-src="${src}" sdk-integrity="${integrity}"></paymentwall-pay></body></html>`,
    });
    await (doc.getElementById('widget') as HTMLElement & { updateComplete: Promise<boolean> }).updateComplete;
    clickPay(doc, 'widget');
    await waitUntil(() => win.__events.some((event) => event.type !== 'pay-request'), 'an outcome');
    expect(win.__events.map((event) => event.type)).to.deep.equal(['pay-request', 'pay-success']);
  });

  it('renders the same text as the source build: minifying templates keeps the spaces that show', async () => {
    const { doc } = await openPage('/test/fixtures/cdn/plain-page.html');
    const labels = Array.from(doc.getElementById('widget')!.shadowRoot!.querySelectorAll('label'), (label) => label.textContent!.replace(/\s+/g, ' ').trim());
    expect(labels).to.include('Phone (optional)');
  });

  it('works under a strict CSP with Trusted Types enforced, with no violation', async () => {
    const response = await fetch('/test/fixtures/cdn/plain-page.html?csp');
    expect(response.headers.get('content-security-policy')).to.contain("require-trusted-types-for 'script'");
    const { win, doc } = await openPage('/test/fixtures/cdn/plain-page.html?csp');
    expect(typeof (win as unknown as { trustedTypes?: unknown }).trustedTypes).to.equal('object');
    clickPay(doc, 'widget');
    await waitUntil(() => win.__events.some((event) => event.type === 'pay-success'), 'pay-success under CSP');
    expect(win.__violations).to.deep.equal([]);
  });

  for (const [kind, query] of [['classic', ''], ['module', '&module']]) {
    it(`gives the SDK script the page’s nonce under a nonce-only CSP, loaded as a ${kind} script`, async () => {
      const { win, doc } = await openPage(`/test/fixtures/cdn/plain-page.html?nonce-csp${query}`);
      const library = doc.querySelector('script[src="/dist/paymentwall-pay.min.js"]') as HTMLScriptElement;
      expect(library.type).to.equal(kind === 'module' ? 'module' : '');
      clickPay(doc, 'widget');
      await waitUntil(() => win.__events.some((event) => event.type !== 'pay-request'), 'an outcome');
      expect(win.__events.map((event) => event.type)).to.deep.equal(['pay-request', 'pay-success']);
      const sdk = doc.querySelector('script[src$="imp-double.js"]') as HTMLScriptElement;
      expect(sdk.nonce).to.equal('t3st-n0nce');
      // The test server's own injected live-reload script carries no nonce; it is not ours.
      expect(win.__violations.filter((violation) => !violation.includes('__web-dev-server'))).to.deep.equal([]);
    });
  }

  it('never holds the page’s load event: a visible widget warms up only after it', async () => {
    const { win, doc } = await openPage('/test/fixtures/cdn/plain-page.html?hold-load');
    // The widget was on screen before load (an image held it), yet no SDK request was pending.
    expect(win.__atLoad).to.deep.equal({ sdkTags: 0, imp: false });
    // After load the visible widget starts loading the SDK by itself.
    await waitUntil(() => doc.querySelectorAll('script[src*="/test-sdk/slow.js"]').length === 1, 'SDK tag after load');
  });

  it('shares one SDK tag and one IMP.init between two copies of the library', async () => {
    const { win, doc } = await openPage('/test/fixtures/cdn/two-copies.html', 2);
    expect(win.__npmCopyIsSeparate).to.equal(true);
    const paid = () => win.__events.filter((event) => event.type === 'pay-success').length;
    // One payment window at a time, across the copies too: the second tap once the first has closed.
    clickPay(doc, 'cdn-widget');
    await waitUntil(() => paid() === 1, 'the first payment');
    clickPay(doc, 'npm-widget');
    await waitUntil(() => paid() === 2, 'two payments');
    expect(doc.querySelectorAll('script[src$="imp-double.js"]')).to.have.length(1);
    expect(win.IMP!.inits).to.deep.equal(['imp12345678']);
    expect(win.IMP!.requests.map((request) => request.amount)).to.have.members([1004, 2000]);
  });

  it('logs a broken configuration once, whole, when the page is done parsing: not a first line while a later script may still bring window.IMP', async () => {
    const { win, doc } = await openPage('/test/fixtures/cdn/loading-log.html');
    const box = () => doc.getElementById('no-keys-widget')!.shadowRoot!.querySelector('[part="config-error"]')?.textContent ?? '';
    await waitUntil(() => box().includes('imp-code'), 'the box names imp-code once the page is parsed');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(win.__consoleErrors).to.have.length(1);
    expect(win.__consoleErrors![0]).to.contain('(paymentwall-pay#no-keys-widget):').and.contain('imp-code is required').and.contain('channel-key or project-key is required');
  });

  it('runs two copies under the strict CSP with Trusted Types: no violation, no script error, both pay', async () => {
    const { win, doc } = await openPage('/test/fixtures/cdn/two-copies.html?csp', 2);
    const paid = () => win.__events.filter((event) => event.type === 'pay-success').length;
    clickPay(doc, 'cdn-widget');
    await waitUntil(() => paid() === 1, 'the first payment under CSP');
    clickPay(doc, 'npm-widget');
    await waitUntil(() => paid() === 2, 'two payments under CSP');
    expect(win.__violations).to.deep.equal([]);
    expect(win.__errors).to.deep.equal([]);
  });
});
