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
