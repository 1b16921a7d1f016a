// Serves the demo for `npm start`: /demo/** and /dist/** from the repository root, on 127.0.0.1.
// No dependencies. HTML gets a strict CSP with Trusted Types, so the demo proves the element works
// under one; `?sdk=real` loosens it just enough for PortOne's real SDK.
import { createServer } from 'node:http';
import { createReadStream, existsSync } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SERVED = ['demo', 'dist'];
const HOST = '127.0.0.1';
const FIRST_PORT = Number(process.env.PORT || 8000);
const PORT_ATTEMPTS = 20;

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
};

const SANDBOX_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "frame-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "require-trusted-types-for 'script'",
  "trusted-types paymentwall-pay lit-html 'allow-duplicates'",
].join('; ');

// The real SDK is not known to be Trusted-Types-clean, and its payment window is an iframe on
// *.iamport.kr (V2: *.portone.io, whose exact hosts are unconfirmed). 'unsafe-inline' styles: the legacy SDK injects a <style> for its overlay, and the
// current SDK's DOM behaviour is unconfirmed (reference §3), so the real window is not left bare.
const REAL_SDK_CSP = [
  "default-src 'self'",
  "script-src 'self' https://cdn.iamport.kr https://cdn.portone.io",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: https://*.iamport.kr https://*.portone.io",
  "connect-src 'self' https://*.iamport.kr https://*.portone.io",
  'frame-src https://*.iamport.kr https://*.portone.io',
  "object-src 'none'",
  "base-uri 'none'",
].join('; ');

const servedRoots = await Promise.all(SERVED.map((dir) => realpath(join(ROOT, dir)).catch(() => join(ROOT, dir))));

const server = createServer((req, res) => {
  handle(req, res).catch((error) => {
    console.error(error);
    if (!res.headersSent) send(res, 500, 'Internal server error');
    else res.destroy();
  });
});

async function handle(req, res) {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('Allow', 'GET, HEAD');
    return send(res, 405, 'Method not allowed');
  }
  // The URL parser removes dot segments (also %2e%2e), so /demo/../x becomes /x here.
  const url = new URL(req.url ?? '/', `http://${HOST}`);
  if (url.pathname === '/') {
    return redirect(res, `/demo/${url.search}`);
  }

  let file;
  try {
    file = resolve(ROOT, `.${decodeURIComponent(url.pathname)}`);
  } catch {
    return send(res, 400, 'Bad request');
  }
  if (file.includes('\0') || !isServed(file)) return send(res, 404, 'Not found');

  let info = await stat(file).catch(() => null);
  if (info?.isDirectory()) {
    if (!url.pathname.endsWith('/')) return redirect(res, `${url.pathname}/${url.search}`);
    file = join(file, 'index.html');
    info = await stat(file).catch(() => null);
  }
  if (!info?.isFile()) return send(res, 404, 'Not found');
  // A symlink inside demo/ or dist/ must not lead outside them either.
  if (!isServed(await realpath(file))) return send(res, 404, 'Not found');

  const type = CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
  const headers = {
    'Content-Type': type,
    'Content-Length': info.size,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  };
  if (type.startsWith('text/html')) {
    headers['Content-Security-Policy'] = url.searchParams.get('sdk') === 'real' ? REAL_SDK_CSP : SANDBOX_CSP;
    headers['Referrer-Policy'] = 'no-referrer';
  }
  res.writeHead(200, headers);
  if (req.method === 'HEAD') return res.end();
  createReadStream(file)
    .on('error', () => res.destroy())
    .pipe(res);
}

function isServed(file) {
  return SERVED.some((dir, i) =>
    [join(ROOT, dir), servedRoots[i]].some((root) => file === root || file.startsWith(root + sep)),
  );
}

function redirect(res, location) {
  res.writeHead(302, { Location: location, 'Cache-Control': 'no-store' });
  res.end();
}

function send(res, status, text) {
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(`${text}\n`);
}

// A failed listen() leaves its callback behind, so 'listening' is handled once, here, not per try.
server.once('listening', () => {
  const { port } = server.address();
  console.log(`paymentwall-pay demo: http://${HOST}:${port}/demo/  (offline sandbox; Ctrl+C to stop)`);
  if (!existsSync(join(ROOT, 'dist', 'paymentwall-pay.min.js'))) {
    console.warn('paymentwall-pay demo: dist/paymentwall-pay.min.js is missing; run `npm run build` first.');
  }
});

function listen(port, attemptsLeft) {
  const onError = (error) => {
    if (error.code === 'EADDRINUSE' && attemptsLeft > 1 && port < 65535) {
      listen(port + 1, attemptsLeft - 1);
    } else {
      console.error(`paymentwall-pay demo: cannot listen on ${HOST}:${port}: ${error.message}`);
      process.exit(1);
    }
  };
  server.once('error', onError);
  server.once('listening', () => server.off('error', onError));
  server.listen(port, HOST);
}

if (!Number.isInteger(FIRST_PORT) || FIRST_PORT < 0 || FIRST_PORT > 65535) {
  console.error(`paymentwall-pay demo: PORT must be a port number, not ${JSON.stringify(process.env.PORT)}`);
  process.exit(1);
}
// Nothing to flush: Ctrl+C (or a kill) ends the demo with a clean exit code.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => process.exit(0));
// `npm start` runs this under npm and a shell. A SIGTERM to npm ends npm and the shell but is not
// passed on to us; we would serve on with nobody to stop us. So the server ends with its parent.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) process.exit(0);
}, 250).unref();
listen(FIRST_PORT, PORT_ATTEMPTS);
