/**
 * The packaged app finds the consistency check's face weights and WebAssembly binaries:
 * electron-builder.yml unpacks every file faceAssets.ts lists (asarUnpack) and excludes none of
 * them (files), each exists in node_modules where the resolver looks, and the resolver prefers
 * app.asar.unpacked/ in a packaged layout.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  FACE_API_PACKAGE,
  FACE_MODEL_FILES,
  faceAssetDirs,
  unpackedPath,
  WASM_FILES,
  WASM_PACKAGE,
} from '../../../electron/services/continuity/faceAssets.js';

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, '../../..');
// Both come with electron-builder (a devDependency); loaded untyped on purpose.
const yaml = require('js-yaml') as { load(text: string): unknown };
const minimatch = require('minimatch') as (p: string, pattern: string, o?: { dot?: boolean }) => boolean;
const config = yaml.load(readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as {
  files: string[];
  asarUnpack: string[];
};

const shipped = [
  ...FACE_MODEL_FILES.map((f) => `node_modules/${FACE_API_PACKAGE}/model/${f}`),
  ...WASM_FILES.map((f) => `node_modules/${WASM_PACKAGE}/dist/${f}`),
];

describe('face weights and wasm in the package', () => {
  it('every file the check reads exists in node_modules, and the resolver finds it', () => {
    const dirs = faceAssetDirs();
    for (const f of FACE_MODEL_FILES) expect(readFileSync(path.join(dirs.models, f)).length).toBeGreaterThan(0);
    for (const f of WASM_FILES)
      expect(readFileSync(path.join(dirs.wasm, f)).subarray(0, 4)).toEqual(Buffer.from('\0asm'));
    for (const rel of shipped) expect(readFileSync(path.join(root, rel)).length, rel).toBeGreaterThan(0);
  });

  it('electron-builder.yml unpacks each of them from app.asar and excludes none', () => {
    for (const rel of shipped) {
      expect(
        config.asarUnpack.some((g) => minimatch(rel, g, { dot: true })),
        `${rel} in asarUnpack`,
      ).toBe(true);
      const excluded = config.files
        .filter((g) => g.startsWith('!'))
        .some((g) => minimatch(rel, g.slice(1), { dot: true }));
      expect(excluded, `${rel} not excluded by files`).toBe(false);
    }
  });

  it('the weights face-api ships but the check never loads stay out of the package', () => {
    const excluded = (rel: string) =>
      config.files.filter((g) => g.startsWith('!')).some((g) => minimatch(rel, g.slice(1), { dot: true }));
    expect(excluded(`node_modules/${FACE_API_PACKAGE}/model/ssd_mobilenetv1_model.bin`)).toBe(true);
    expect(excluded(`node_modules/${FACE_API_PACKAGE}/model/face_landmark_68_tiny_model.bin`)).toBe(true);
    expect(excluded(`node_modules/${FACE_API_PACKAGE}/model/face_landmark_68_model.bin`)).toBe(false);
  });

  it('a path inside app.asar maps to app.asar.unpacked (POSIX and Windows), others stay', () => {
    expect(unpackedPath('/opt/Storyboard/resources/app.asar/node_modules/x/model')).toBe(
      '/opt/Storyboard/resources/app.asar.unpacked/node_modules/x/model',
    );
    expect(unpackedPath('C:\\Storyboard\\resources\\app.asar\\node_modules\\x')).toBe(
      'C:\\Storyboard\\resources\\app.asar.unpacked\\node_modules\\x',
    );
    expect(unpackedPath('/repo/node_modules/x')).toBe('/repo/node_modules/x');
    expect(unpackedPath('/a/app.asarx/b')).toBe('/a/app.asarx/b');
  });

  it('in a packaged layout the resolver answers the unpacked folders', () => {
    const res = mkdtempSync(path.join(tmpdir(), 'packaged-'));
    try {
      const inAsar = (name: string) => path.join(res, 'app.asar', 'node_modules', name, 'package.json');
      const unpacked = (name: string, sub: string) => path.join(res, 'app.asar.unpacked', 'node_modules', name, sub);
      mkdirSync(unpacked(FACE_API_PACKAGE, 'model'), { recursive: true });
      mkdirSync(unpacked(WASM_PACKAGE, 'dist'), { recursive: true });
      writeFileSync(path.join(unpacked(WASM_PACKAGE, 'dist'), WASM_FILES[0]), '');
      const dirs = faceAssetDirs(inAsar);
      expect(dirs.models).toBe(unpacked(FACE_API_PACKAGE, 'model'));
      expect(dirs.wasm).toBe(unpacked(WASM_PACKAGE, 'dist') + path.sep);
      // Nothing unpacked (an archive built without asarUnpack): the asar path itself.
      expect(faceAssetDirs(inAsar, () => false).models).toBe(
        path.join(res, 'app.asar', 'node_modules', FACE_API_PACKAGE, 'model'),
      );
    } finally {
      rmSync(res, { recursive: true, force: true });
    }
  });
});
