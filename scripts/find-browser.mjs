// Where Chrome or Chromium lives on this machine, or undefined. CHROME_PATH wins.
import { existsSync } from 'node:fs';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

export function findChrome() {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : undefined;
  return CANDIDATES.find((path) => existsSync(path));
}

/** Firefox for the second engine (optional: without it the browser tests run in Chromium only). */
export function findFirefox() {
  const fromEnv = process.env.FIREFOX_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : undefined;
  return ['/usr/bin/firefox-esr', '/usr/bin/firefox', '/Applications/Firefox.app/Contents/MacOS/firefox'].find((path) => existsSync(path));
}

/** WebKit through WebKitGTK's WebDriver and MiniBrowser, which need a display (xvfb-run). */
export function findWebKit() {
  const driver = '/usr/bin/WebKitWebDriver';
  const browser = ['/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser', '/usr/lib/aarch64-linux-gnu/webkit2gtk-4.1/MiniBrowser'].find((path) => existsSync(path));
  const xvfbRun = '/usr/bin/xvfb-run';
  return existsSync(driver) && browser && existsSync(xvfbRun) ? { driver, browser, xvfbRun } : undefined;
}

/** Flags for headless Chromium on a closed network, as root: no sandbox (root), no GPU, no background traffic. */
export const CHROME_ARGS = [
  '--no-sandbox',
  '--headless=new',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  // Test pages run in background tabs; without these, rAF and timers there are throttled.
  '--disable-renderer-backgrounding',
  '--disable-background-timer-throttling',
  '--disable-backgrounding-occluded-windows',
  // window.gc(), for the test that removed widgets are garbage-collected.
  '--js-flags=--expose-gc',
  // The same browser language on every machine: a widget without lang follows it, and a Korean
  // developer's LANG would otherwise make it Korean.
  '--lang=en-US',
  '--accept-lang=en-US,en',
];
