// Checks the package as npm would publish it (part of npm test):
// - every entry point resolves with types for ESM consumers (@arethetypeswrong/cli, profile
//   esm-only: the package is ES modules only, "type": "module", Node 20+; CommonJS `require` is
//   not offered, so attw's node10 / require rows are out of scope, as the README says);
// - every source map in the tarball points only at files the tarball ships, or carries the text
//   of what it points at (sourcesContent), so a debugger never opens a missing file.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = (name) => join(root, 'node_modules', '.bin', name);

execFileSync(bin('attw'), ['--pack', '.', '--profile', 'esm-only', '--format', 'ascii'], { cwd: root, stdio: 'inherit' });

const [pack] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' }));
const shipped = new Set(pack.files.map((file) => file.path));
const problems = [];
let maps = 0;
for (const path of shipped) {
  if (!path.endsWith('.map')) continue;
  maps += 1;
  const map = JSON.parse(readFileSync(join(root, path), 'utf8'));
  map.sources.forEach((source, index) => {
    const target = normalize(join(dirname(path), map.sourceRoot ?? '', source));
    if (!shipped.has(target) && typeof map.sourcesContent?.[index] !== 'string') problems.push(`${path} → ${source} (not shipped, no sourcesContent)`);
  });
}
if (problems.length) {
  console.error(`Source maps pointing at files the package does not ship:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`package: ${shipped.size} files; ${maps} source maps, each pointing only at shipped files or carrying their text`);
