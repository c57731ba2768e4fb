// Bundles serve-fake.ts with esbuild (already a dev dependency) into .tmp/ and runs it.
import { build } from 'esbuild';
import { spawn } from 'node:child_process';

const outfile = '.tmp/serve-fake.mjs';
await build({
  entryPoints: ['test/e2e/dev/serve-fake.ts'],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
});
spawn(process.execPath, [outfile, ...process.argv.slice(2)], { stdio: 'inherit' }).on('exit', (code) =>
  process.exit(code ?? 0),
);
