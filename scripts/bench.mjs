// npm run bench: prints what the widget costs a page. Numbers only, never pass/fail on speed —
// except the size budget, which `--check` enforces (sizes do not depend on a noisy machine).
//   --size-only   skip the browser timings
//   --check       exit 1 when the CDN file is over its gzip budget
import { createServer } from 'node:http';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

const GZIP_BUDGET = 20 * 1024;
const root = fileURLToPath(new URL('..', import.meta.url));
const args = new Set(process.argv.slice(2));

const gzip = (buffer) => gzipSync(buffer, { level: 9 }).length;
const brotli = (buffer) => brotliCompressSync(buffer, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

const cdn = readFileSync(join(root, 'dist/paymentwall-pay.min.js'));
const ownModules = readdirSync(join(root, 'dist'), { recursive: true })
  .filter((file) => String(file).endsWith('.js') && !String(file).startsWith('server') && !String(file).endsWith('.min.js'))
  .map((file) => readFileSync(join(root, 'dist', String(file))));
const ownBytes = Buffer.concat(ownModules);

console.log('size');
console.log(`  dist/paymentwall-pay.min.js   ${kb(cdn.length)} raw, ${kb(gzip(cdn))} gzip, ${kb(brotli(cdn))} brotli (Lit included)`);
console.log(`  dist/*.js (npm, without Lit)  ${kb(ownBytes.length)} raw, ${kb(gzip(ownBytes))} gzip, unminified`);
console.log(`  gzip budget                    ${kb(GZIP_BUDGET)} for the CDN file`);

if (args.has('--check') && gzip(cdn) > GZIP_BUDGET) {
  console.error(`dist/paymentwall-pay.min.js is ${kb(gzip(cdn))} gzipped, over the ${kb(GZIP_BUDGET)} budget.`);
  process.exit(1);
}
if (args.has('--size-only')) process.exit(0);

// Timings in Chromium: a page with N widgets from the CDN file; median of several loads.
const { findChrome, CHROME_ARGS } = await import('./find-browser.mjs');
const executablePath = findChrome();
if (!executablePath) {
  console.error('No Chrome or Chromium found for the timings (see README: Running the tests).');
  process.exit(1);
}
const { default: puppeteer } = await import('puppeteer-core');

const page = (count) => `<!doctype html><html lang="en"><body>
<script>performance.mark('start')</script>
<script src="/dist/paymentwall-pay.min.js"></script>
<script>performance.mark('script')</script>
${Array.from({ length: count }, (_, i) => `<paymentwall-pay imp-code="imp12345678" channel-key="k" amount="${1000 + i}" currency="KRW" order-name="Item ${i}" sdk-src="/none.js"></paymentwall-pay>`).join('\n')}
<script>
Promise.all([...document.querySelectorAll('paymentwall-pay')].map((el) => el.updateComplete)).then(() => {
  performance.mark('rendered');
  window.__timings = {
    script: performance.measure('s', 'start', 'script').duration,
    render: performance.measure('r', 'script', 'rendered').duration,
  };
});
</script></body></html>`;

const server = createServer((request, response) => {
  const url = new URL(request.url, 'http://localhost');
  if (url.pathname === '/bench') {
    response.setHeader('content-type', 'text/html');
    return response.end(page(Number(url.searchParams.get('n')) || 1));
  }
  if (url.pathname === '/dist/paymentwall-pay.min.js') {
    response.setHeader('content-type', 'text/javascript');
    return response.end(cdn);
  }
  response.statusCode = 404;
  response.end();
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const { port } = server.address();
const browser = await puppeteer.launch({ executablePath, args: CHROME_ARGS, headless: true });
const median = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
try {
  console.log('\ntimings in Chromium (median of 7 loads; script = parse + run the CDN file)');
  for (const count of [1, 10, 50]) {
    const runs = [];
    for (let run = 0; run < 7; run += 1) {
      const tab = await browser.newPage();
      await tab.goto(`http://127.0.0.1:${port}/bench?n=${count}`);
      await tab.waitForFunction('window.__timings');
      runs.push(await tab.evaluate('window.__timings'));
      await tab.close();
    }
    const script = median(runs.map((r) => r.script));
    const render = median(runs.map((r) => r.render));
    console.log(`  ${String(count).padStart(2)} widget(s): script ${script.toFixed(1)} ms, first render of all ${render.toFixed(1)} ms`);
  }
} finally {
  await browser.close();
  server.close();
}
