/**
 * Bundles a child script of the export tests into one CommonJS file with esbuild, so a test can
 * run it as its own process and kill it with -9 (ffmpeg packages stay external, found through
 * NODE_PATH). Same import.meta.url shim as build.mjs: our modules read it.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = fileURLToPath(new URL('.', import.meta.url));

/** `name`: a file of this folder (deliveryChild.ts); returns `outfile`. */
export async function bundleChild(name: string, outfile: string): Promise<string> {
  await build({
    entryPoints: [join(here, name)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['better-sqlite3', 'fluent-ffmpeg', 'ffmpeg-static'],
    logLevel: 'error',
    define: { 'import.meta.url': '__import_meta_url' },
    banner: { js: "const __import_meta_url = require('url').pathToFileURL(__filename).href;" },
  });
  return outfile;
}
