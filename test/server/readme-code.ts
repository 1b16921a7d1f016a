// The README's server examples, run as written: the code block read from README.md, with only what a
// test must change swapped in, loaded as a module file of its own, its server listening on a free port.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestContext } from 'node:test';
import { pathToFileURL } from 'node:url';

/** `[before, after]`, or `[before, after, true]` to swap every occurrence; `before` must be in the code. */
export type Swap = [before: string, after: string, all?: boolean];

/**
 * The first `js` block after `heading` in the README, importing this checkout's source, its server
 * exported and listening on a free loopback port, with `swaps` made too.
 */
export function readmeExample(heading: string, swaps: Swap[]): string {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const from = readme.indexOf(heading);
  const code = /```js\n([\s\S]*?)```/.exec(readme.slice(from))?.[1];
  assert.ok(from !== -1 && code, `the README has the example under ${heading}`);
  const always: Swap[] = [
    ["from 'paymentwall-pay/server'", `from ${JSON.stringify(new URL('../../src/server/index.ts', import.meta.url).href)}`],
    ['createServer(async (req, res) => {', 'export const server = createServer(async (req, res) => {'],
    ['.listen(process.env.PORT ?? 3000);', ".listen(0, '127.0.0.1');"],
  ];
  return [...always, ...swaps].reduce((text, [before, after, all]) => {
    assert.ok(text.includes(before), `the example still contains: ${before}`);
    return all ? text.replaceAll(before, after) : text.replace(before, after);
  }, code);
}

/** `source` loaded as `name` in a directory of its own, removed after the test; resolves once its server listens. */
export async function runExample<E extends { server: Server }>(t: TestContext, source: string, name: string): Promise<{ example: E; port: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'readme-example-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, name);
  writeFileSync(file, source);
  const example = (await import(pathToFileURL(file).href)) as E;
  t.after(() => new Promise<void>((resolve) => example.server.close(() => resolve())));
  await new Promise((resolve) => (example.server.listening ? resolve(null) : example.server.once('listening', resolve)));
  return { example, port: (example.server.address() as AddressInfo).port };
}
