// The package in Node, where there is no DOM: server rendering and build tools import it.
import assert from 'node:assert/strict';
import { test } from 'node:test';

test('importing paymentwall-pay without a DOM does not throw and exports the class', async () => {
  assert.equal(typeof (globalThis as { document?: unknown }).document, 'undefined');
  const module = await import('paymentwall-pay');
  assert.equal(typeof module.PaymentwallPay, 'function');
  assert.equal(typeof module.definePaymentwallPay, 'function');
  assert.doesNotThrow(() => module.definePaymentwallPay());
});

test('the package exports map names the entry points', async () => {
  const { createRequire } = await import('node:module');
  const manifest = createRequire(import.meta.url)('paymentwall-pay/package.json') as {
    exports: Record<string, unknown>;
    dependencies: Record<string, string>;
  };
  assert.deepEqual(Object.keys(manifest.exports).sort(), ['.', './custom-elements.json', './element', './package.json', './paymentwall-pay.min.js', './react', './server', './vue'].sort());
  // lit for the element; standardwebhooks for paymentwall-pay/server's V2 webhook signatures only (never bundled: test/server/exports.test.ts).
  assert.deepEqual(Object.keys(manifest.dependencies), ['lit', 'standardwebhooks']);
});
