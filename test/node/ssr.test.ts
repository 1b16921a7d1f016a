// Server rendering (Next, Nuxt, Astro with Lit's SSR): the widget renders to HTML on the server
// with a declarative shadow root, touching no browser API.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { render } from '@lit-labs/ssr';
import { collectResult } from '@lit-labs/ssr/lib/render-result.js';
import { html } from 'lit';
import 'paymentwall-pay';

test('renders on the server with its form in a declarative shadow root', async () => {
  const page = await collectResult(
    render(html`<paymentwall-pay
      imp-code="imp12345678"
      channel-key="k"
      amount="1004"
      currency="KRW"
      order-name="SSR order"
      lang="ko"
    ></paymentwall-pay>`),
  );
  assert.match(page, /<template shadowroot(mode)?="open"/);
  assert.match(page, /<form part="form"/);
  assert.match(page, /₩1,004 결제하기/);
  assert.doesNotMatch(page, /part="config-error"/);
});

test('renders on the server without its own lang, inside an element with one, and with a broken configuration', async () => {
  for (const [what, template, expected] of [
    ['no lang', html`<paymentwall-pay imp-code="imp12345678" channel-key="k" amount="1004" currency="KRW" order-name="x"></paymentwall-pay>`, /Pay ₩1,004/],
    ['inside lang="ko"', html`<div lang="ko"><paymentwall-pay imp-code="imp12345678" channel-key="k" amount="1004" currency="KRW" order-name="x"></paymentwall-pay></div>`, /<form part="form"/],
    ['a broken amount', html`<paymentwall-pay imp-code="imp12345678" channel-key="k" amount="x" currency="KRW" order-name="x" lang="en"></paymentwall-pay>`, /part="config-error"/],
    ['an sdk-src not allowed', html`<paymentwall-pay imp-code="imp12345678" channel-key="k" amount="1004" currency="KRW" order-name="x" sdk-src="https://evil.example/x.js"></paymentwall-pay>`, /sdk-src/],
  ] as const) {
    const page = await collectResult(render(template));
    assert.match(page, expected, what);
  }
});

test('logs a broken configuration on the server with no place to name, and no stray space for it', async (t) => {
  const logged = t.mock.method(console, 'error', () => {});
  await collectResult(render(html`<paymentwall-pay imp-code="imp12345678" channel-key="k" amount="x" currency="KRW" order-name="x"></paymentwall-pay>`));
  assert.equal(logged.mock.callCount(), 1);
  assert.match(String(logged.mock.calls[0]!.arguments[0]), /^paymentwall-pay: invalid configuration, payment disabled:\n- amount /);
});

test('lets a module that runs on the server too call allowSdkOrigin: there is nothing to allow there', async () => {
  const { PaymentwallPay } = await import('paymentwall-pay');
  assert.doesNotThrow(() => PaymentwallPay.allowSdkOrigin('/vendor/iamport.js'));
});
