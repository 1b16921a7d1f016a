// Makes sure a Chrome or Chromium is there for the browser tests. Test tools may not download
// browsers of their own, so on Debian we install the distribution's chromium (as root), and
// elsewhere we say what to install.
import { execFileSync } from 'node:child_process';
import { findChrome } from './find-browser.mjs';

if (findChrome()) process.exit(0);

const canApt = process.platform === 'linux' && process.getuid?.() === 0 && hasCommand('apt-get');
if (!canApt) {
  console.error(
    'The browser tests need Chrome or Chromium and none was found.\n' +
      'Install one (Debian/Ubuntu: sudo apt-get install chromium; macOS: install Google Chrome),\n' +
      'or point CHROME_PATH at its executable, then run the tests again.',
  );
  process.exit(1);
}
console.log('No Chrome or Chromium found: installing Debian\'s chromium with apt-get…');
execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], {
  stdio: 'inherit',
  env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
});
if (!findChrome()) {
  console.error('apt-get finished but no chromium was found at /usr/bin/chromium.');
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
