// Makes sure the browsers for the tests are there. Test tools may not download browsers of their
// own, so on Debian we install the distribution's chromium, firefox-esr and WebKitGTK's driver
// (with xvfb for its window) as root. Elsewhere Chromium or Chrome is required and we say what to
// install; Firefox and WebKit are used when present.
import { execFileSync } from 'node:child_process';
import { findChrome, findFirefox, findWebKit } from './find-browser.mjs';

const canApt = process.platform === 'linux' && process.getuid?.() === 0 && hasCommand('apt-get');
const missing = [
  findChrome() ? [] : ['chromium'],
  findFirefox() ? [] : ['firefox-esr'],
  findWebKit() ? [] : ['webkit2gtk-driver', 'xvfb'],
].flat();
if (missing.length === 0) process.exit(0);
if (!findChrome() && !canApt) {
  console.error(
    'The browser tests need Chrome or Chromium and none was found.\n' +
      'Install one (Debian/Ubuntu: sudo apt-get install chromium; macOS: install Google Chrome),\n' +
      'or point CHROME_PATH at its executable, then run the tests again.',
  );
  process.exit(1);
}
if (!canApt) {
  console.log(`Not found: ${missing.join(', ')}. The browser tests run without those engines.`);
  process.exit(0);
}
console.log(`Installing Debian's ${missing.join(' and ')} with apt-get for the browser tests…`);
execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
execFileSync('apt-get', ['install', '-y', '-qq', ...missing], {
  stdio: 'inherit',
  env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
});
if (!findChrome() || !findFirefox() || !findWebKit()) {
  console.error(`apt-get finished but one of ${missing.join(', ')} is still missing.`);
  process.exit(1);
}

function hasCommand(name) {
  try {
    execFileSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
