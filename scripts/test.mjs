// npm test: everything, in the order a failure is cheapest to find. Type checks, the build, the
// size budget, the browser tests (Chromium, installed if missing), then the Node tests. It ends
// with one line: "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = (name) => join(root, 'node_modules', '.bin', name);
const summaryFile = join(mkdtempSync(join(tmpdir(), 'paymentwall-pay-')), 'browser.json');

function step(title, command, args, env = {}) {
  console.log(`\n▶ ${title}`);
  const result = spawnSync(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ...env } });
  const output = result.stdout.toString();
  process.stdout.write(output);
  if (result.status !== 0) {
    console.error(`✖ ${title} failed`);
    process.exit(result.status ?? 1);
  }
  return output;
}

const tsconfigs = ['tsconfig.json', 'test/tsconfig.json', 'test/node/tsconfig.json', 'tsconfig.server.json', 'test/server/tsconfig.json'];
for (const tsconfig of tsconfigs.filter((file) => existsSync(join(root, file)))) {
  step(`type check ${tsconfig}`, bin('tsc'), ['-p', tsconfig, '--noEmit']);
}
step('build', process.execPath, ['scripts/build.mjs']);
step('size budget', process.execPath, ['scripts/bench.mjs', '--size-only', '--check']);
step('browser (installs Chromium if missing)', process.execPath, ['scripts/ensure-browser.mjs']);
step('browser tests (Chromium)', bin('web-test-runner'), [], { WTR_SUMMARY_FILE: summaryFile });
const browser = JSON.parse(readFileSync(summaryFile, 'utf8'));
const nodeOutput = step('Node tests', process.execPath, [
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
