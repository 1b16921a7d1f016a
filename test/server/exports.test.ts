// Imports the package by name, as a merchant would: package.json `exports["./server"]` → dist/server.
// Needs `npx tsc -p tsconfig.server.json` first.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import * as source from '../../src/server/index.js';

// A specifier in a variable keeps the type check independent of whether dist/ is built.
const specifier = 'paymentwall-pay/server';

test('paymentwall-pay/server resolves through package.json exports and exports PortOneClient', async () => {
  const built = (await import(specifier)) as typeof source;
  assert.equal(typeof built.PortOneClient, 'function');
  const client = new built.PortOneClient({ apiKey: 'key', apiSecret: 'secret' });
  assert.ok(client instanceof built.PortOneClient);
  assert.equal(typeof client.verifyPayment, 'function');
});

test('the built entry exports the same names as the source, with the error classes', async () => {
  const built = (await import(specifier)) as Record<string, unknown>;
  assert.deepEqual(Object.keys(built).sort(), Object.keys(source).sort());
  for (const name of ['PortOneError', 'PortOneApiError', 'PortOneInputError', 'PaymentVerificationError', 'WebhookVerificationError', 'PortOneV2Client']) {
    assert.equal(typeof built[name], 'function', name);
  }
});

test('the declaration file package.json names for ./server exists', () => {
  const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    exports: Record<string, { types: string }>;
  };
  const types = manifest.exports['./server']?.types;
  assert.equal(types, './dist/server/index.d.ts');
  assert.ok(existsSync(new URL(`../../${types}`, import.meta.url)), 'run npx tsc -p tsconfig.server.json first');
});

/** Every source file `entry` imports, directly or not, following relative imports. */
function importGraph(entry: URL): Set<string> {
  const seen = new Set<string>();
  const visit = (file: URL): void => {
    if (seen.has(file.href)) return;
    seen.add(file.href);
    const source = readFileSync(file, 'utf8');
    const pattern = /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(?\s*['"]([^'"]+)['"]/g;
    for (const [, from, bare] of source.matchAll(pattern)) {
      const specifier = from ?? bare;
      if (specifier?.startsWith('.')) visit(new URL(specifier.replace(/\.js$/, '.ts'), file));
      else if (specifier) seen.add(`package:${specifier}`);
    }
  };
  visit(entry);
  return seen;
}

test('the browser entries (src/index.ts, src/cdn.ts) never import the server code or its dependency', () => {
  for (const entry of ['index.ts', 'cdn.ts']) {
    const graph = [...importGraph(new URL(`../../src/${entry}`, import.meta.url))];
    assert.ok(graph.length > 3, `${entry}: the walker found its imports`);
    assert.deepEqual(graph.filter((file) => file.includes('/src/server/') || file.includes('standardwebhooks')), [], entry);
  }
});

test('the built CDN file carries nothing of the server or of standardwebhooks', () => {
  const bundle = new URL('../../dist/paymentwall-pay.min.js', import.meta.url);
  assert.ok(existsSync(bundle), 'run npm run build first');
  const text = readFileSync(bundle, 'utf8');
  for (const marker of ['whsec_', 'webhook-signature', 'Idempotency-Key', 'api.portone.io', '/users/getToken', 'PortOneV2Client']) {
    assert.ok(!text.includes(marker), `${marker} in the browser bundle`);
  }
});
