// Bundles the Node side with esbuild: Electron main (ESM-free CJS for speed of startup),
// the sandboxed preload (must be a single CommonJS file: sandboxed preloads can only
// require('electron')), and the `storyboard` CLI which also hosts `serve`.
// Native and binary-locating packages stay external so they resolve from node_modules.
import { build } from 'esbuild';
import { chmod } from 'node:fs/promises';

// pdfkit reads its font metrics (js/data/*.afm) from its own folder at run time; espeak-ng: the
// offline voice loads its .wasm beside its own module. Both stay in node_modules.
// face-api and tfjs's wasm backend: the face models and the .wasm files are read from their
// own package folders at run time (electron/services/continuity/faces.ts).
const external = [
  'electron',
  'better-sqlite3',
  'fluent-ffmpeg',
  'ffmpeg-static',
  'espeak-ng',
  'pdfkit',
  '@vladmandic/face-api',
  '@tensorflow/tfjs',
  '@tensorflow/tfjs-backend-wasm',
];
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  external,
  logLevel: 'warning',
  // zod and friends are ESM; import.meta.url is used by our code to find resources/.
  define: { 'import.meta.url': '__import_meta_url' },
  banner: { js: "const __import_meta_url = require('url').pathToFileURL(__filename).href;" },
};

await Promise.all([
  build({ ...common, entryPoints: ['electron/main/index.ts'], outfile: 'out/main/index.cjs' }),
  // The sandboxed preload has no __filename (and needs no import.meta): no banner for it.
  build({
    ...common,
    banner: {},
    define: {},
    entryPoints: ['electron/preload/index.ts'],
    outfile: 'out/preload/index.cjs',
  }),
  build({
    ...common,
    entryPoints: ['electron/cli/storyboard.ts'],
    outfile: 'out/cli/storyboard.cjs',
    banner: { js: `#!/usr/bin/env node\n${common.banner.js}` },
  }),
]);
await chmod('out/cli/storyboard.cjs', 0o755);
