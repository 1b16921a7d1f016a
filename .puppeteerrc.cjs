// Puppeteer drives Debian's Firefox for the browser tests (scripts/find-browser.mjs finds it);
// it must never download a browser of its own at install time: the README's `npm install`
// has to work on a machine that reaches only the npm registry.
/** @type {import('puppeteer').Configuration} */
module.exports = {
  skipDownload: true,
  chrome: { skipDownload: true },
  'chrome-headless-shell': { skipDownload: true },
  firefox: { skipDownload: true },
};
