// npm run build: compiles the element and the server entry to dist/ (ESM + .d.ts), bundles the
// CDN file, and writes custom-elements.json. Each step stops the build when it fails.
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const run = (command, ...args) => execFileSync(command, args, { cwd: root, stdio: 'inherit' });
const bin = (name) => `${root}node_modules/.bin/${name}`;

const { version } = JSON.parse(readFileSync(`${root}package.json`, 'utf8'));
const source = readFileSync(`${root}src/version.ts`, 'utf8');
if (!source.includes(`'${version}'`)) {
  console.error(`src/version.ts does not say ${version}, as package.json does. Update it.`);
  process.exit(1);
}

rmSync(`${root}dist`, { recursive: true, force: true });
run(bin('tsc'), '-p', 'tsconfig.json');
if (existsSync(`${root}src/server`) && readdirSync(`${root}src/server`).some((f) => f.endsWith('.ts'))) {
  run(bin('tsc'), '-p', 'tsconfig.server.json');
}
run(bin('rollup'), '-c', 'rollup.config.mjs', '--silent');
run(bin('custom-elements-manifest'), 'analyze', '--litelement', '--globs', 'src/paymentwall-pay.ts', 'src/events/*.ts', '--outdir', '.', '--quiet');
console.log('built dist/ and custom-elements.json');
