// Browser tests: every test/**/*.test.ts except the Node ones, in Debian's Chromium and, when it
// is installed, Firefox. Tests that need Chromium's DevTools protocol run in Chromium only.
// With WEBKIT_DRIVER_PORT set (scripts/webkit-tests.mjs does that, under xvfb-run) the same files
// run in WebKit instead.
import { build } from 'esbuild';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher, defaultReporter } from '@web/test-runner';
import { puppeteerLauncher } from '@web/test-runner-puppeteer';
import { webdriverLauncher } from '@web/test-runner-webdriver';
import { CHROME_ARGS, findChrome, findFirefox, findWebKit } from './scripts/find-browser.mjs';
import { summaryReporter } from './scripts/wtr-summary-reporter.mjs';

const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'; base-uri 'none'; " +
  "require-trusted-types-for 'script'; trusted-types paymentwall-pay lit-html 'allow-duplicates'";

const NONCE = 't3st-n0nce';
const NONCE_CSP = `default-src 'self'; script-src 'nonce-${NONCE}'; style-src 'self'; object-src 'none'; base-uri 'none'`;

async function streamToString(stream) {
  let text = '';
  for await (const chunk of stream) text += chunk;
  return text;
}

/** Stand-ins for PortOne's SDK and pages with headers, served by the test server only. */
function testServerRoutes() {
  return async (context, next) => {
    // /test-sdk/slow.js?ms=300: the IMP double, after a delay (a slow CDN); with &empty, a slow
    // script that brings nothing (it holds a page's parsing). With &guarded it keeps a window.IMP
    // it finds, as PortOne's V1 script does (window.IMP || …), and with &reassign sets it again;
    // with &var it declares a global `var IMP`, as a bundle with a global name (V2's) does.
    if (context.path === '/test-sdk/slow.js') {
      const ms = Math.min(Number(context.query.ms) || 300, 10_000);
      await new Promise((resolve) => setTimeout(resolve, ms));
      context.type = 'js';
      const imp = "{ init() {}, request_pay(p, cb) { cb({ imp_uid: 'imp_slow', merchant_uid: p.merchant_uid }); } }";
      const define =
        'guarded' in context.query
          ? `window.IMP || (function (w) { w.IMP = ${imp}; })(window);`
          : 'reassign' in context.query
            ? `window.IMP = window.IMP || ${imp};`
            : 'var' in context.query
              ? `var IMP = ${imp};`
              : `window.IMP = ${imp};`;
      context.body = 'empty' in context.query ? '' : `window.__sdkEvaluations = (window.__sdkEvaluations || 0) + 1; ${define}`;
      return;
    }
    // /test-sdk/slow-image.svg?ms=400: a small image after a delay, to hold a page's load event.
    if (context.path === '/test-sdk/slow-image.svg') {
      await new Promise((resolve) => setTimeout(resolve, Math.min(Number(context.query.ms) || 300, 10_000)));
      context.type = 'image/svg+xml';
      context.body = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>';
      return;
    }
    await next();
    const variants = ['module', 'nonce-csp', 'hold-load'];
    if (context.path.startsWith('/test/fixtures/cdn/') && variants.some((variant) => variant in context.query)) {
      let page = typeof context.body === 'string' ? context.body : await streamToString(context.body);
      // ?module: the same page loading the CDN file as <script type="module">.
      if ('module' in context.query) {
        page = page.replace('<script src="/dist/paymentwall-pay.min.js">', '<script type="module" src="/dist/paymentwall-pay.min.js">');
      }
      // ?nonce-csp: every script of the page carries its nonce, and the CSP allows nothing else.
      if ('nonce-csp' in context.query) page = page.replaceAll('<script ', `<script nonce="${NONCE}" `);
      // ?hold-load: an image holds the load event for 400 ms, and the SDK takes 1.5 s, so a visible
      // widget is seen while the page is still loading.
      if ('hold-load' in context.query) {
        page = page
          .replaceAll('sdk-src="/test/fixtures/sdk/imp-double.js"', 'sdk-src="/test-sdk/slow.js?ms=1500"')
          .replace('</body>', '<img src="/test-sdk/slow-image.svg?ms=400" alt="" width="10" height="10" /></body>');
      }
      context.body = page;
    }
    // Any page asked for with ?csp is served under a strict CSP with Trusted Types enforced.
    if ('csp' in context.query) context.set('Content-Security-Policy', CSP);
    // ?nonce-csp: scripts only with the page's nonce, no 'strict-dynamic'.
    if ('nonce-csp' in context.query) context.set('Content-Security-Policy', NONCE_CSP);
  };
}

// executeServerCommand('forced-colors', 'active' | 'none'): Windows high-contrast mode in Chromium.
// (@web/test-runner-commands' emulateMedia passes forcedColors on to Playwright only, not Puppeteer.)
function forcedColorsCommand() {
  const sessions = new WeakMap();
  return {
    name: 'forced-colors-command',
    async executeCommand({ command, payload, session }) {
      if (command !== 'forced-colors') return undefined;
      if (session.browser.type !== 'puppeteer') throw new Error('forced-colors needs Chromium through Puppeteer');
      // Puppeteer's emulateMediaFeatures does not know forced-colors; DevTools does. The session
      // stays open: closing it would end its emulation.
      const page = session.browser.getPage(session.id);
      if (!sessions.has(page)) sessions.set(page, await page.createCDPSession());
      await sessions.get(page).send('Emulation.setEmulatedMedia', { features: [{ name: 'forced-colors', value: payload }] });
      return true;
    },
  };
}

// React ships CommonJS only; the React test imports this ES module bundle of it instead.
await build({
  entryPoints: ['test/frameworks/react-entry.js'],
  outfile: 'node_modules/.cache/paymentwall-pay/react.js',
  bundle: true,
  format: 'esm',
  define: { 'process.env.NODE_ENV': '"development"' },
  logLevel: 'warning',
});

const chromium = chromeLauncher({ launchOptions: { executablePath: findChrome(), args: CHROME_ARGS } });
const firefoxPath = findFirefox();
// English whatever the machine's locale, as Chromium's --lang in CHROME_ARGS.
const firefoxPrefs = { 'intl.accept_languages': 'en-US, en', 'intl.locale.requested': 'en-US' };
const firefox = firefoxPath && puppeteerLauncher({ launchOptions: { browser: 'firefox', executablePath: firefoxPath, headless: true, extraPrefsFirefox: firefoxPrefs } });
const CHROMIUM_ONLY = 'test/element/chromium-only.test.ts';
const webkitPort = Number(process.env.WEBKIT_DRIVER_PORT) || undefined;
const webkit = webkitPort && named('WebKit', webdriverLauncher({
  automationProtocol: 'webdriver',
  hostname: '127.0.0.1',
  port: webkitPort,
  capabilities: { 'webkitgtk:browserOptions': { binary: findWebKit()?.browser, args: ['--automation'] } },
}));

/** The WebDriver launcher names a browser by its capabilities, which name none here: the progress line showed no name. */
function named(name, launcher) {
  const initialize = launcher.initialize.bind(launcher);
  launcher.initialize = async (config) => {
    await initialize(config);
    launcher.name = name;
  };
  return launcher;
}

export default {
  files: ['test/**/*.test.ts', '!test/server/**', '!test/node/**', `!${CHROMIUM_ONLY}`],
  groups: webkit ? [] : [{ name: 'chromium-only', files: [CHROMIUM_ONLY], browsers: [chromium] }],
  nodeResolve: true,
  plugins: [esbuildPlugin({ ts: true, tsconfig: 'tsconfig.json', target: 'es2022' }), forcedColorsCommand()],
  middleware: [testServerRoutes()],
  browsers: webkit ? [webkit] : firefox ? [chromium, firefox] : [chromium],
  // One page at a time: visibility (IntersectionObserver) and focus tests need the foreground.
  concurrency: 1,
  // One browser at a time too: two engines at once on a 2-core machine starve each other's timers.
  concurrentBrowsers: 1,
  testFramework: { config: { timeout: 8000 } },
  // Angular's compiler, React's bundle and Vue's build load before a file's first test; WebKit
  // under xvfb on a busy two-core machine may need more than the default 20 s for that.
  testsStartTimeout: 60_000,
  reporters: [defaultReporter(), summaryReporter()],
  // Lit's development build (chosen by nodeResolve) checks our use of Lit; its banner is noise.
  testRunnerHtml: (testFramework) => `<!doctype html>
    <html>
      <body>
        <script>window.litIssuedWarnings = new Set(['dev-mode']); window.__FC_SEED = ${JSON.stringify(process.env.FC_SEED ?? '')};</script>
        <script type="module" src="${testFramework}"></script>
      </body>
    </html>`,
};
