/**
 * `npm start` (scripts/electronStart.mjs) in plain Node with a fake file system and fake
 * processes: Electron's binary is never needed. A missing Electron gives one paragraph with
 * the serve command and touches nothing; the Electron build of better-sqlite3 is judged by
 * the module version inside the .node file, so Node's build left by a failed start is rebuilt,
 * and a rebuild that still yields Node's build is removed instead of posing as Electron's.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  moduleVersionOf,
  NATIVE_COPY,
  NODE_BUILD,
  noElectronMessage,
  start,
  type RunResult,
  type StartIo,
} from '../../../scripts/electronStart.mjs';

const ROOT = '/repo';
const ELECTRON_ABI = 150;
const NODE_ABI = 115;
const addon = (v: number) => new TextEncoder().encode(`\u007fELF....node_register_module_v${v}\u0000....`);
const EXE = join(ROOT, 'node_modules/electron/dist/electron');

class FakeIo implements StartIo {
  files = new Map<string, Uint8Array | string>();
  runs: string[] = [];
  out: string[] = [];
  err: string[] = [];
  constructor(private readonly behave: (cmd: string, io: FakeIo) => RunResult) {}
  exists = (p: string) => this.files.has(p);
  readText = (p: string) => String(this.files.get(p));
  readBytes = (p: string) => this.files.get(p) as Uint8Array;
  remove = (p: string) => void this.files.delete(p);
  copy = (from: string, to: string) => void this.files.set(to, this.files.get(from)!);
  run = (command: string, args: string[]) => {
    const line = [command, ...args].join(' ');
    this.runs.push(line);
    return this.behave(line, this);
  };
  print = (t: string) => void this.out.push(t);
  printError = (t: string) => void this.err.push(t);
  withElectron(): this {
    this.files.set(join(ROOT, 'node_modules/electron/path.txt'), 'electron');
    this.files.set(EXE, 'binary');
    this.files.set(join(ROOT, 'node_modules/electron/abi_version'), `${ELECTRON_ABI}\n`);
    this.files.set(join(ROOT, NODE_BUILD), addon(NODE_ABI));
    return this;
  }
}

const ok = (output = ''): RunResult => ({ status: 0, output });
const opts = { root: ROOT, projectsDir: '/home/me/Storyboard', nodeAbi: NODE_ABI };

describe('npm start', () => {
  it("reads the module version compiled into a real addon (this Node's better-sqlite3)", () => {
    const bytes = readFileSync(join(process.cwd(), NODE_BUILD));
    expect(moduleVersionOf(bytes)).toBe(Number(process.versions.modules));
    expect(moduleVersionOf(new TextEncoder().encode('not an addon'))).toBeNull();
  });

  it('without a downloadable Electron: one paragraph, the exact serve command, no stack trace, nothing touched', () => {
    const io = new FakeIo(() => ({
      status: 1,
      output:
        'Downloading Electron binary...\nTypeError: fetch failed\n    at node:internal/deps/undici/undici:14976:13\n    at async downloadArtifact (x.js:1:1)',
    }));
    io.files.set(join(ROOT, NATIVE_COPY), addon(NODE_ABI));
    expect(start(io, opts)).toBe(1);
    expect(io.runs).toEqual([`${process.execPath} ${join(ROOT, 'node_modules/electron/install.js')}`]);
    const text = io.err.join('\n');
    expect(text).toContain('downloading it failed (TypeError: fetch failed)');
    expect(text).toContain('  npx storyboard serve /home/me/Storyboard\n');
    expect(text).not.toMatch(/^\s*at\s/m);
    // One paragraph of prose, then the command.
    expect(text.split('\n').filter((l) => l.trim() !== '')).toHaveLength(2);
    expect(io.files.get(join(ROOT, NATIVE_COPY))).toEqual(addon(NODE_ABI));
  });

  it("rebuilds when the copy is Node's build (module 115), not Electron's, then puts Node's build back and launches", () => {
    const io = new FakeIo((cmd, self) => {
      if (cmd === 'npx electron-builder install-app-deps') self.files.set(join(ROOT, NODE_BUILD), addon(ELECTRON_ABI));
      if (cmd === 'npm rebuild better-sqlite3') self.files.set(join(ROOT, NODE_BUILD), addon(NODE_ABI));
      return ok();
    }).withElectron();
    io.files.set(join(ROOT, NATIVE_COPY), addon(NODE_ABI));
    expect(start(io, opts)).toBe(0);
    expect(io.runs).toEqual(['npx electron-builder install-app-deps', 'npm rebuild better-sqlite3', `${EXE} .`]);
    expect(moduleVersionOf(io.files.get(join(ROOT, NATIVE_COPY)) as Uint8Array)).toBe(ELECTRON_ABI);
    expect(moduleVersionOf(io.files.get(join(ROOT, NODE_BUILD)) as Uint8Array)).toBe(NODE_ABI);
    expect(io.out.join('\n')).toContain('is module version 115, Electron needs 150');
  });

  it("a rebuild that still yields Node's module leaves nothing posing as Electron's and does not launch", () => {
    const io = new FakeIo(() => ok()).withElectron();
    expect(start(io, opts)).toBe(1);
    expect(io.files.has(join(ROOT, NATIVE_COPY))).toBe(false);
    expect(io.runs).not.toContain(`${EXE} .`);
    expect(io.err.join('\n')).toContain('the build produced module version 115');
  });

  it("launches straight away when the copy already has Electron's ABI", () => {
    const io = new FakeIo(() => ok()).withElectron();
    io.files.set(join(ROOT, NATIVE_COPY), addon(ELECTRON_ABI));
    expect(start(io, opts)).toBe(0);
    expect(io.runs).toEqual([`${EXE} .`]);
  });

  it('quotes a folder with spaces so the command can be pasted', () => {
    expect(noElectronMessage('offline', '/home/me/My Films')).toContain('npx storyboard serve "/home/me/My Films"');
  });
});
