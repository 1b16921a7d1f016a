// `npm start`: the demo server answers under its strict CSP, and ends when whatever started it
// ends (npm passes a SIGTERM to its shell, not to the server the shell started).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

test('the demo server answers with a strict CSP and stops when its parent process is killed', async () => {
  // A parent like npm's shell: it starts the server, prints its pid, and waits.
  const parentScript = `
    const { spawn } = require('node:child_process');
    const server = spawn(process.execPath, ['scripts/serve-demo.mjs'], { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, PORT: '0' } });
    server.stdout.on('data', (chunk) => {
      const match = /http:\\/\\/127\\.0\\.0\\.1:(\\d+)\\//.exec(String(chunk));
      if (match) console.log(JSON.stringify({ pid: server.pid, port: Number(match[1]) }));
    });
    setInterval(() => {}, 1000);`;
  const parent = spawn(process.execPath, ['-e', parentScript], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  const [line] = (await once(parent.stdout, 'data')) as [Buffer];
  const { pid, port } = JSON.parse(String(line)) as { pid: number; port: number };
  try {
    const response = await fetch(`http://127.0.0.1:${port}/demo/`);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-security-policy') ?? '', /require-trusted-types-for 'script'/);
    await response.arrayBuffer();

    parent.kill('SIGKILL'); // gone without a word to its child
    const deadline = Date.now() + 5000;
    while (isRunning(pid) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    assert.equal(isRunning(pid), false, 'the demo server outlived its parent');
  } finally {
    if (isRunning(pid)) process.kill(pid, 'SIGKILL');
    parent.kill('SIGKILL');
  }
});

test('the MIT LICENSE ships in the package', async () => {
  const pack = spawn('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, stdio: ['ignore', 'pipe', 'ignore'] });
  let output = '';
  pack.stdout.on('data', (chunk) => (output += chunk));
  await once(pack, 'close');
  const [manifest] = JSON.parse(output) as [{ files: { path: string }[] }];
  assert.ok(manifest.files.some((file) => file.path === 'LICENSE'), 'LICENSE is not in npm pack');
});
