// The browser tests in WebKit: starts WebKitGTK's WebDriver on a free port and runs the test
// runner against it. MiniBrowser needs a display, so scripts/test.mjs runs this under xvfb-run.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { findWebKit } from './find-browser.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const webkit = findWebKit();
if (!webkit) {
  console.error('WebKitWebDriver, MiniBrowser or xvfb-run is missing (Debian: apt-get install webkit2gtk-driver xvfb).');
  process.exit(1);
}

const port = await new Promise((resolve) => {
  const probe = createServer().listen(0, '127.0.0.1', () => {
    const { port: free } = probe.address();
    probe.close(() => resolve(free));
  });
});
// WebKitGTK takes its language from the locale: English whatever the machine's, as Chromium's --lang.
const driverEnv = { ...process.env, LC_ALL: 'C.UTF-8' };
delete driverEnv.LANGUAGE;
const driver = spawn(webkit.driver, [`--port=${port}`], { stdio: 'ignore', env: driverEnv });
await new Promise((resolve) => setTimeout(resolve, 500));
const runner = spawn(`${root}node_modules/.bin/web-test-runner`, process.argv.slice(2), {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, WEBKIT_DRIVER_PORT: String(port) },
});
const status = await new Promise((resolve) => runner.on('close', resolve));
driver.kill();
process.exit(status ?? 1);
