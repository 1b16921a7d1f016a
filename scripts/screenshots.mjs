// npm run screenshots: drives the demo in headless Chromium and writes the README's pictures to
// docs/. Builds first (npm run screenshots runs the build), serves the demo on a free port, and
// stops it at the end. On Debian, as root, installs a Korean font (fonts-nanum) when none is there,
// so the Korean picture shows Hangul rather than boxes.
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { CHROME_ARGS, findChrome } from './find-browser.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = join(root, 'docs');
mkdirSync(out, { recursive: true });
ensureKoreanFont();

const server = spawn(process.execPath, ['scripts/serve-demo.mjs'], { cwd: root, env: { ...process.env, PORT: '0' }, stdio: ['ignore', 'pipe', 'inherit'] });
const base = await new Promise((resolve, reject) => {
  server.stdout.on('data', (chunk) => {
    const match = /(http:\/\/127\.0\.0\.1:\d+)\//.exec(String(chunk));
    if (match) resolve(match[1]);
  });
  server.on('exit', () => reject(new Error('the demo server did not start')));
});

const browser = await puppeteer.launch({ executablePath: findChrome(), args: CHROME_ARGS, headless: true });
const written = [];
try {
  /** Opens the demo fresh (no saved log or mobile switch) at the given width and colour scheme. */
  async function open({ width = 1280, dark = false } = {}) {
    const page = await browser.newPage();
    await page.setViewport({ width, height: 900, deviceScaleFactor: 2 });
    await page.emulateMediaFeatures([
      { name: 'prefers-color-scheme', value: dark ? 'dark' : 'light' },
      { name: 'prefers-reduced-motion', value: 'reduce' },
    ]);
    await page.goto(`${base}/demo/`, { waitUntil: 'load' });
    await page.evaluate(() => {
      sessionStorage.clear();
      localStorage.clear();
    });
    await page.reload({ waitUntil: 'load' });
    await page.evaluate(() => customElements.whenDefined('paymentwall-pay'));
    await page.evaluate(() => document.fonts.ready);
    return page;
  }

  /** Types into a widget's form the way a buyer would. */
  async function fill(page, id, values) {
    for (const [name, value] of Object.entries(values)) {
      const input = await page.evaluateHandle((id, name) => document.getElementById(id).shadowRoot.querySelector(`input[name="${name}"]`), id, name);
      await input.click();
      await input.type(value);
    }
  }

  async function submit(page, id) {
    const button = await page.evaluateHandle((id) => document.getElementById(id).shadowRoot.querySelector('button[type="submit"]'), id);
    await button.click();
  }

  /** Presses a button in the sandbox's payment window: approve, decline or close. */
  async function sandbox(page, choice) {
    await page.waitForSelector('dialog.sandbox-iamport[open]');
    await page.click(`dialog.sandbox-iamport button[value="${choice}"]`);
    await page.waitForFunction(() => !document.querySelector('dialog.sandbox-iamport'));
  }

  /** A picture of one scenario card. */
  async function card(page, id, name) {
    await page.evaluate((id) => document.getElementById(id).updateComplete, id);
    await new Promise((resolve) => setTimeout(resolve, 150));
    const handle = await page.evaluateHandle((id) => document.getElementById(id).closest('.stage'), id);
    await handle.evaluate((element) => element.scrollIntoView({ block: 'center' }));
    const file = join(out, `${name}.png`);
    await handle.screenshot({ path: file });
    written.push(file);
  }

  const buyer = { name: 'Hong Gildong', email: 'buyer@example.com' };

  let page = await open();
  await card(page, 'krw-basic', 'idle');
  await submit(page, 'krw-basic');
  await card(page, 'krw-basic', 'field-errors');
  await fill(page, 'krw-basic', buyer);
  await submit(page, 'krw-basic');
  await sandbox(page, 'approve');
  await card(page, 'krw-basic', 'success');
  await fill(page, 'usd-t3', buyer);
  await submit(page, 'usd-t3');
  await sandbox(page, 'decline');
  await card(page, 'usd-t3', 'failure');
  await submit(page, 'test-mode'); // prefilled buyer
  await sandbox(page, 'close');
  await card(page, 'test-mode', 'closed');
  await card(page, 'broken', 'config-error');
  await card(page, 'korean', 'korean');
  await card(page, 'themed', 'themed');
  // PortOne V2: the same tag with store-id; the amount is in minor units (150 = $1.50).
  await card(page, 'v2-usd', 'v2');
  await fill(page, 'v2-usd', buyer);
  await submit(page, 'v2-usd');
  await sandbox(page, 'approve');
  await card(page, 'v2-usd', 'v2-success');
  // Busy: a pay-request listener holds the attempt (as a page checking stock would).
  await page.evaluate(() => {
    document.getElementById('billing-key').addEventListener('pay-request', (event) => event.detail.waitUntil(new Promise(() => {})), { once: true });
  });
  await fill(page, 'billing-key', buyer);
  await submit(page, 'billing-key');
  await card(page, 'billing-key', 'busy');
  await page.close();

  page = await open({ dark: true });
  await card(page, 'krw-basic', 'dark');
  await page.close();

  page = await open({ width: 375 });
  await page.setViewport({ width: 375, height: 812, deviceScaleFactor: 2 });
  await page.evaluate(() => document.getElementById('krw-basic').closest('.scenario').scrollIntoView({ block: 'start' }));
  await new Promise((resolve) => setTimeout(resolve, 150));
  const phone = join(out, 'phone-375.png');
  await page.screenshot({ path: phone });
  written.push(phone);
  await fill(page, 'krw-basic', buyer);
  await submit(page, 'krw-basic');
  await page.waitForSelector('dialog.sandbox-iamport[open]');
  const phoneWindow = join(out, 'phone-375-payment-window.png');
  await page.screenshot({ path: phoneWindow });
  written.push(phoneWindow);
  // Paid: the card says what its widget reported, with a link to the log after all the cards.
  await sandbox(page, 'approve');
  await page.evaluate(() => document.getElementById('krw-basic').closest('.scenario').scrollIntoView({ block: 'end' }));
  await new Promise((resolve) => setTimeout(resolve, 150));
  const phonePaid = join(out, 'phone-375-paid.png');
  await page.screenshot({ path: phonePaid });
  written.push(phonePaid);
  await page.close();
} finally {
  await browser.close();
  server.kill();
}
for (const file of written) console.log(`wrote ${file.slice(root.length)}`);

function ensureKoreanFont() {
  try {
    if (execFileSync('fc-list', [':lang=ko'], { encoding: 'utf8' }).trim()) return;
  } catch {
    // no fontconfig: nothing to check with
    return;
  }
  if (process.platform !== 'linux' || process.getuid?.() !== 0) {
    console.warn('No Korean font found: the Korean picture will show boxes (Debian: apt-get install fonts-nanum).');
    return;
  }
  console.log("Installing Debian's fonts-nanum for the Korean picture…");
  execFileSync('apt-get', ['install', '-y', '-qq', 'fonts-nanum'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}
