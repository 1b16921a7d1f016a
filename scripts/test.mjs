// npm test: everything, in the order a failure is cheapest to find: the build (which type-checks
// src/), the tests' type checks, the type tests, the size budget, the package's entries and source maps, the browser tests (Chromium and Firefox, then
// WebKit; installed on Debian if missing), then the Node tests. It ends with one line: "N passed, N failed".
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findWebKit } from './find-browser.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = (name) => join(root, 'node_modules', '.bin', name);
const summaryFile = join(mkdtempSync(join(tmpdir(), 'paymentwall-pay-')), 'browser.json');

/** Runs one step with its output streamed through, and returns that output. */
async function step(title, command, args, env = {}) {
  console.log(`\n▶ ${title}`);
  const child = spawn(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ...env } });
  let output = '';
  child.stdout.on('data', (chunk) => {
    output += chunk;
    process.stdout.write(chunk);
  });
  const status = await new Promise((resolve) => child.on('close', resolve));
  if (status !== 0) {
    console.error(`✖ ${title} failed`);
    process.exit(status ?? 1);
  }
  return output;
}

// The build type-checks src/ and must come first: the Node tests import the package from dist/.
await step('build', process.execPath, ['scripts/build.mjs']);
const tsconfigs = ['test/tsconfig.json', 'test/node/tsconfig.json', 'test/server/tsconfig.json'];
for (const tsconfig of tsconfigs.filter((file) => existsSync(join(root, file)))) {
  await step(`type check ${tsconfig}`, bin('tsc'), ['-p', tsconfig, '--noEmit']);
}
// Type tests: compiled, never run; each @ts-expect-error line must be an error (misuse is refused).
await step('type tests (TypeScript, React JSX)', bin('tsc'), ['-p', 'test/types/tsconfig.json']);
await step('type tests (Vue templates, vue-tsc)', bin('vue-tsc'), ['-p', 'test/types/vue/tsconfig.json']);
await step('size budget', process.execPath, ['scripts/bench.mjs', '--size-only', '--check']);
await step('package (types for every entry, source maps)', process.execPath, ['scripts/check-package.mjs']);
await step('browsers (Debian: installs chromium, firefox-esr, webkit2gtk-driver and xvfb when missing)', process.execPath, ['scripts/ensure-browser.mjs']);
await step('browser tests (Chromium, Firefox)', bin('web-test-runner'), [], { WTR_SUMMARY_FILE: summaryFile });
const browser = JSON.parse(readFileSync(summaryFile, 'utf8'));
const webkit = findWebKit();
if (webkit) {
  await step('browser tests (WebKit)', webkit.xvfbRun, ['-a', process.execPath, 'scripts/webkit-tests.mjs'], {
    WTR_SUMMARY_FILE: summaryFile,
  });
  const inWebKit = JSON.parse(readFileSync(summaryFile, 'utf8'));
  browser.passed += inWebKit.passed;
  browser.failed += inWebKit.failed;
} else {
  console.log('\nWebKit not found: skipping the WebKit run (Debian: apt-get install webkit2gtk-driver xvfb).');
}
const nodeOutput = await step('Node tests', process.execPath, [
  '--import',
  'tsx',
  '--test',
  '--test-reporter=spec',
  ...['test/server', 'test/node']
    .filter((dir) => existsSync(join(root, dir)))
    .flatMap((dir) => listTests(dir)),
]);

const count = (name) => Number(nodeOutput.match(new RegExp(`^ℹ ${name} (\\d+)`, 'm'))?.[1] ?? 0);
const passed = browser.passed + count('pass');
const failed = browser.failed + count('fail');
console.log(`\nbrowser: ${browser.passed} passed, ${browser.failed} failed; node: ${count('pass')} passed, ${count('fail')} failed`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);

function listTests(dir) {
  return readdirSync(join(root, dir))
    .filter((file) => file.endsWith('.test.ts'))
    .map((file) => `${dir}/${file}`);
}
