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
  for (const name of ['PortOneError', 'PortOneApiError', 'PortOneInputError', 'PaymentVerificationError']) {
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
