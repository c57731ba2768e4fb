#!/usr/bin/env node
/**
 * `npm start`: the desktop app in development (the logic and its reasons: electronStart.mjs).
 * Plain Node, no build step of its own, so it can explain a missing Electron before anything else.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { start } from './electronStart.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

if (!existsSync(join(root, 'out', 'main', 'index.cjs'))) {
  console.error('Storyboard is not built yet: run `npm run setup` (or `npm run build`) first, then `npm start`.');
  process.exit(1);
}

const io = {
  exists: (p) => existsSync(p),
  readText: (p) => readFileSync(p, 'utf8'),
  readBytes: (p) => readFileSync(p),
  remove: (p) => rmSync(p, { force: true }),
  copy: (from, to) => {
    mkdirSync(dirname(to), { recursive: true });
    copyFileSync(from, to);
  },
  run: (command, args, opts = {}) => {
    const r = spawnSync(command, args, {
      cwd: root,
      stdio: opts.inherit ? 'inherit' : 'pipe',
      encoding: 'utf8',
      // npx/npm are .cmd scripts on Windows.
      shell: process.platform === 'win32' && !opts.inherit,
    });
    return {
      status: r.error ? 1 : r.status,
      output: r.error ? r.error.message : `${r.stdout ?? ''}\n${r.stderr ?? ''}`,
    };
  },
  print: (text) => console.log(text),
  printError: (text) => console.error(text),
};

process.exit(
  start(io, {
    root,
    projectsDir: join(homedir(), 'Storyboard'),
    nodeAbi: Number(process.versions.modules),
    nodeVersion: process.versions.node,
  }),
);
