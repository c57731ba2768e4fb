/**
 * electron-builder.yml parses, passes electron-builder's own schema (offline), and keeps
 * the packaging decisions the app depends on.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, '../..');
// Both come with electron-builder (a devDependency); loaded untyped on purpose.
const yaml = require('js-yaml') as { load(text: string): unknown };
const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
  validateConfiguration(config: unknown, logger: unknown): Promise<void>;
};
const { DebugLogger } = require('builder-util/out/DebugLogger') as { DebugLogger: new (enabled: boolean) => unknown };

interface Config {
  files: string[];
  asarUnpack: string[];
  extraResources: { from: string; to: string; filter: string[] }[];
  electronFuses: Record<string, boolean>;
  mac: { hardenedRuntime: boolean; entitlements: string; target: string[] };
  win: { target: string[] };
  linux: { target: string[]; category: string };
  [key: string]: unknown;
}

const text = readFileSync(path.join(root, 'electron-builder.yml'), 'utf8');
const config = yaml.load(text) as Config;

describe('electron-builder.yml', () => {
  it("passes electron-builder's configuration schema", async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('the schema check can fail (a misplaced option is reported)', async () => {
    await expect(validateConfiguration({ ...config, hardenedRuntime: true }, new DebugLogger(false))).rejects.toThrow(
      /hardenedRuntime/,
    );
  });

  it('packages the bundles only: no sources, tests, types, maps or ffmpeg-static', () => {
    expect(config.files).toEqual(
      expect.arrayContaining([
        'package.json',
        'out/main/**',
        'out/preload/**',
        'out/renderer/**',
        '!out/**/*.map',
        '!node_modules/ffmpeg-static/**',
      ]),
    );
    expect(
      config.files.some((f) => /^(electron|renderer|shared|test)\b|out\/\*\*$|out\/(types|native|cli)/.test(f)),
    ).toBe(false);
  });

  it('unpacks better-sqlite3 and ships ffmpeg/ffprobe per platform into resources/ffmpeg', () => {
    expect(config.asarUnpack).toContain('node_modules/better-sqlite3/**');
    const ffmpeg = config.extraResources.find((r) => r.to === 'ffmpeg/');
    expect(ffmpeg?.from).toBe('resources/ffmpeg/${os}-${arch}/');
    expect(ffmpeg?.filter).toEqual(expect.arrayContaining(['ffmpeg', 'ffprobe', 'ffmpeg.exe', 'ffprobe.exe']));
    expect(config.npmRebuild).toBe(true);
  });

  it('turns off run-as-node, NODE_OPTIONS and --inspect, and checks asar integrity (SEC-11)', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('targets dmg (hardened), nsis, AppImage and deb', () => {
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.mac.hardenedRuntime).toBe(true);
    expect(readFileSync(path.join(root, config.mac.entitlements), 'utf8')).toContain('com.apple.security.cs.allow-jit');
    expect(config.win.target).toEqual(['nsis']);
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.linux.category).toBe('AudioVideo');
    expect(config.productName).toBe('Storyboard');
  });
});
