/**
 * The demo's offline window.PortOne (demo/sandbox-portone.js) answers as the reference says the
 * real SDK does, in the shapes the V2 readers expect; under a strict CSP with Trusted Types too,
 * and in mobile mode by navigating (inside an iframe) to the redirect URL with V2's query.
 */
import { expect } from '@open-wc/testing';
import { buildV2Request } from '../../src/protocols/v2/request.js';
import { readV2Rejection, readV2Response, readV2Return } from '../../src/protocols/v2/result.js';
import type { V2PaymentRequest } from '../../src/protocols/v2/types.js';

async function loadSandbox(): Promise<NonNullable<Window['PortOne']>> {
  delete window.PortOne;
  const script = document.createElement('script');
  script.src = `/demo/sandbox-portone.js?load=${Math.random()}`;
  const loaded = new Promise((resolve, reject) => {
    script.onload = resolve;
    script.onerror = reject;
  });
  document.head.append(script);
  await loaded;
  script.remove();
  return window.PortOne!;
}

function request(paymentId: string, lang: 'en' | 'ko' = 'en'): V2PaymentRequest {
  return buildV2Request(
    { storeId: 'store-1', channelKey: 'ck', paymentId, customerId: 'c-1', amount: 150, currency: 'USD', orderName: '<b>Book</b>', widgetCode: 't3_1', fields: [], sdkSrc: '', sdkTimeout: 1 },
    { name: 'Jack <i>Son</i>', email: 'jack@example.com' },
    { lang, pageUrl: location.href },
  );
}

/** Presses a button of the open sandbox window once it is there. */
async function press(value: 'approve' | 'decline' | 'close'): Promise<HTMLDialogElement> {
  let dialog: HTMLDialogElement | null = null;
  for (let i = 0; i < 100 && !dialog; i++) {
    dialog = document.querySelector('dialog[open]');
    if (!dialog) await new Promise((resolve) => setTimeout(resolve, 10));
  }
  if (!dialog) throw new Error('no payment window');
  dialog.querySelector<HTMLButtonElement>(`button[value="${value}"]`)!.click();
  return dialog;
}

const unique = (name: string) => `${name}-${Date.now().toString(36)}-${Math.floor(Math.random() * 1e6)}`;

describe('the demo’s PortOne V2 sandbox', () => {
  beforeEach(() => localStorage.removeItem('sandbox-mobile'));
  afterEach(() => {
    delete window.PortOne;
    document.querySelectorAll('dialog').forEach((dialog) => dialog.remove());
  });

  it('shows the request as text only, and resolves an approved payment with txId and paymentId', async () => {
    const sdk = await loadSandbox();
    const sent = request(unique('ok'), 'ko');
    const pending = sdk.requestPayment(sent);
    const dialog = await press('approve');
    expect(dialog.querySelectorAll('b, i').length, 'elements made from request text').to.equal(0);
    expect(dialog.textContent).to.contain('<b>Book</b>').and.contain('t3_1').and.contain('US$1.50');
    expect(dialog.getAttribute('lang')).to.equal('ko');
    const response = await pending;
    expect(response).to.have.keys(['transactionType', 'txId', 'paymentId']);
    expect(readV2Response(response, sent.paymentId)).to.include({ status: 'success', paymentId: sent.paymentId });
  });

  it('resolves a decline and a closed window with code', async () => {
    const sdk = await loadSandbox();
    const declined = sdk.requestPayment(request(unique('no')));
    await press('decline');
    expect(readV2Response(await declined, '')).to.include({ status: 'fail', code: 'pg-error', pgCode: 'SANDBOX_DECLINED' });
    const closed = sdk.requestPayment(request(unique('close')));
    await press('close');
    expect(await closed).to.include({ code: 'FAILURE_TYPE_PG' });
  });

  it('rejects with a PaymentError before any window: a bad request, a paid paymentId', async () => {
    const sdk = await loadSandbox();
    const bad = { ...request(unique('bad')), customer: { customerId: 'c-1', email: '' } };
    const error = await sdk.requestPayment(bad).then(() => undefined, (reason: unknown) => reason);
    expect(readV2Rejection(error, bad.paymentId)).to.include({ code: 'sdk-error', portOneCode: 'InvalidArgument' });
    expect(document.querySelectorAll('dialog').length).to.equal(0);

    const paid = request(unique('paid'));
    const first = sdk.requestPayment(paid);
    await press('approve');
    await first;
    const again = await sdk.requestPayment(paid).then(() => undefined, (reason: unknown) => reason);
    expect(readV2Rejection(again, paid.paymentId)).to.include({ portOneCode: 'PaymentAlreadyPaid', paymentId: paid.paymentId });
  });

  it('keeps a window.PortOne the page already has', async () => {
    const own = { requestPayment: () => Promise.resolve(undefined) };
    window.PortOne = own;
    const script = document.createElement('script');
    script.src = `/demo/sandbox-portone.js?load=${Math.random()}`;
    await new Promise((resolve) => {
      script.onload = resolve;
      document.head.append(script);
    });
    expect(window.PortOne).to.equal(own);
  });
});

describe('the demo’s PortOne V2 sandbox under a strict CSP with Trusted Types', () => {
  const PAGE = '/test/fixtures/v2/sandbox-page.html?csp';

  async function openPage(): Promise<{ frame: HTMLIFrameElement; win: Window & typeof globalThis; violations: string[] }> {
    const frame = document.createElement('iframe');
    frame.src = PAGE;
    const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    document.body.append(frame);
    await loaded;
    const win = frame.contentWindow as Window & typeof globalThis;
    const violations: string[] = [];
    win.document.addEventListener('securitypolicyviolation', (event) => violations.push(event.violatedDirective));
    return { frame, win, violations };
  }

  async function pressIn(doc: Document, value: string): Promise<void> {
    for (let i = 0; i < 100 && !doc.querySelector('dialog[open]'); i++) await new Promise((resolve) => setTimeout(resolve, 10));
    const button = doc.querySelector<HTMLButtonElement>(`dialog[open] button[value="${value}"]`);
    if (!button) throw new Error('no payment window');
    button.click();
  }

  afterEach(() => {
    localStorage.removeItem('sandbox-mobile');
    document.querySelectorAll('iframe').forEach((frame) => frame.remove());
  });

  it('is served with the policy and pays without a violation', async () => {
    const response = await fetch(PAGE);
    expect(response.headers.get('content-security-policy')).to.contain("require-trusted-types-for 'script'");
    const { win, violations } = await openPage();
    const sent = { ...request(unique('csp')), redirectUrl: new URL(PAGE, location.href).href };
    const pending = win.PortOne!.requestPayment(sent);
    await pressIn(win.document, 'decline');
    expect(readV2Response(await pending, sent.paymentId)).to.include({ status: 'fail', code: 'pg-error' });
    expect(violations).to.deep.equal([]);
  });

  it('mobile mode: navigates to redirectUrl with paymentId and the failure fields, which read back as the result', async () => {
    localStorage.setItem('sandbox-mobile', '1');
    const { frame, win } = await openPage();
    const sent = { ...request(unique('mobile')), redirectUrl: new URL(`${PAGE}&item=7`, location.href).href };
    const pending = win.PortOne!.requestPayment(sent);
    const navigated = new Promise((resolve, reject) => {
      frame.addEventListener('load', resolve, { once: true });
      setTimeout(() => reject(new Error('no navigation')), 3000);
    });
    await pressIn(win.document, 'decline');
    await navigated;
    const back = frame.contentWindow!.location;
    expect(back.pathname).to.equal('/test/fixtures/v2/sandbox-page.html');
    const params = new URLSearchParams(back.search);
    expect(params.get('item')).to.equal('7');
    expect(params.has('csp')).to.equal(true);
    expect(params.has('txId')).to.equal(false);
    const result = readV2Return(back.search, (id) => id === sent.paymentId);
    expect(result?.reading).to.include({ status: 'fail', code: 'pg-error', pgCode: 'SANDBOX_DECLINED', paymentId: sent.paymentId });
    void pending;
  });
});
