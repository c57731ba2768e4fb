import { defineConfig } from 'vite';

// Vite builds the renderer only (React + Konva in a sandboxed page). The Node side
// (Electron main, preload, CLI and browser host) is bundled by esbuild in build.mjs.
export default defineConfig({
  root: 'renderer',
  base: './',
  build: {
    outDir: '../out/renderer',
    emptyOutDir: true,
    target: 'chrome120',
    sourcemap: true,
  },
  server: { host: '127.0.0.1' },
});
