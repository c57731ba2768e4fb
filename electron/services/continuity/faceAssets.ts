/**
 * Where face-api's weights and TensorFlow.js's WebAssembly binaries are at run time, in a
 * checkout (node_modules) and in the packaged app. electron-builder puts production
 * dependencies inside app.asar; electron-builder.yml unpacks exactly these files with
 * asarUnpack (https://www.electron.build/configuration#asarunpack), so they sit as plain files
 * in app.asar.unpacked/ beside the archive: WebAssembly is compiled from a plain file read and
 * the weights are read with ordinary fs calls, nothing depends on Electron's asar layer. A
 * path that require.resolve gives inside app.asar is mapped to its unpacked twin when that
 * exists. test/unit/continuity/faceAssets.test.ts checks the globs against these lists.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The three nets faces.ts loads (tiny detector, 68-point landmarks, recognition): manifest + weights each. */
export const FACE_MODELS = ['tiny_face_detector_model', 'face_landmark_68_model', 'face_recognition_model'] as const;
export const FACE_MODEL_FILES: readonly string[] = FACE_MODELS.flatMap((m) => [
  `${m}-weights_manifest.json`,
  `${m}.bin`,
]);
/** tfjs-backend-wasm picks one by what the runtime supports (SIMD, threads). */
export const WASM_FILES = [
  'tfjs-backend-wasm.wasm',
  'tfjs-backend-wasm-simd.wasm',
  'tfjs-backend-wasm-threaded-simd.wasm',
] as const;

export const FACE_API_PACKAGE = '@vladmandic/face-api';
export const WASM_PACKAGE = '@tensorflow/tfjs-backend-wasm';

/** `p` with its `app.asar` folder segment replaced by `app.asar.unpacked` (unchanged outside an archive). */
export function unpackedPath(p: string): string {
  return p.replace(/([\\/])app\.asar(?=[\\/]|$)/, '$1app.asar.unpacked');
}

export interface FaceAssetDirs {
  /** face-api's model/ folder. */
  models: string;
  /** tfjs-backend-wasm's dist/ folder, with a trailing separator (setWasmPaths wants a prefix). */
  wasm: string;
}

type ResolvePackageJson = (name: string) => string;
const nodeResolve: ResolvePackageJson = (name) => createRequire(import.meta.url).resolve(`${name}/package.json`);

/** The folders, preferring the unpacked copy of a folder require.resolve finds inside app.asar. */
export function faceAssetDirs(
  resolvePackageJson: ResolvePackageJson = nodeResolve,
  exists: (p: string) => boolean = existsSync,
): FaceAssetDirs {
  const dir = (name: string, sub: string): string => {
    const packed = join(dirname(resolvePackageJson(name)), sub);
    const unpacked = unpackedPath(packed);
    return unpacked !== packed && exists(unpacked) ? unpacked : packed;
  };
  return { models: dir(FACE_API_PACKAGE, 'model'), wasm: join(dir(WASM_PACKAGE, 'dist'), '/') };
}
