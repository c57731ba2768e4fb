/**
 * Face descriptors, offline: @vladmandic/face-api (MIT) with the weights it ships in its own
 * `model/` folder (tiny face detector, 68-point landmarks, the 128-d recognition net: about 7 MB
 * read from node_modules, nothing downloaded). TensorFlow.js runs on its WebAssembly backend
 * (@tensorflow/tfjs-backend-wasm, Apache-2.0, its .wasm files ship inside the package): no
 * native binding and no GPU, so it runs in plain Node 20 and in Electron alike. tfjs-node would
 * need a prebuilt binary downloaded at install, which this project cannot rely on; the pure-JS
 * CPU backend works too but measured ~10x slower (45 s vs 3.4 s for one SSD detection here).
 * face-api's `face-api.node-wasm.js` build is the one written for this pairing (face-api README,
 * "NodeJS with WASM").
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, isAbsolute, join } from 'node:path';
import type { RgbImage } from '../../../shared/continuity/image.js';

/** One face found in a picture: its box (pixels) and 128-d descriptor. */
export interface FoundFace {
  score: number;
  box: { x: number; y: number; width: number; height: number };
  descriptor: Float32Array;
}

// The few parts of face-api and tfjs used here (their own .d.ts pull in all of tfjs's types).
interface Tensor {
  dispose(): void;
}
interface Tf {
  setBackend(name: string): Promise<boolean>;
  ready(): Promise<void>;
  getBackend(): string;
  tensor3d(values: Int32Array, shape: [number, number, number], dtype: 'int32'): Tensor;
  env(): { platform: { fetch: (path: string, init?: unknown) => Promise<Response> } };
}
interface Net {
  loadFromDisk(dir: string): Promise<void>;
}
interface Detection {
  detection: { score: number; box: { x: number; y: number; width: number; height: number } };
  descriptor: Float32Array;
}
interface FaceApi {
  tf: Tf;
  nets: { tinyFaceDetector: Net; faceLandmark68Net: Net; faceRecognitionNet: Net };
  TinyFaceDetectorOptions: new (o: { inputSize: number; scoreThreshold: number }) => unknown;
  detectAllFaces(
    input: Tensor,
    options: unknown,
  ): { withFaceLandmarks(): { withFaceDescriptors(): Promise<Detection[]> } };
}
interface WasmBackend {
  setWasmPaths(prefix: string, usePlatformFetch?: boolean): void;
}

/**
 * Tiny detector input sizes (multiples of 32). Frames: 416, which still finds a face 1/5 of a
 * 480x270 frame's height. Smaller sizes cost less (detection is most of a frame's ~0.19 s of CPU
 * here, and scales with the size squared) but do not hold on the fixtures: at 320, 352 and 384
 * the grey portrait's take matched another person (0.577 > 0.5) and the face check fell to 8/9
 * (re-measured with test/integration/continuity/check.test.ts). Reference pictures are few and
 * cached (referenceCache.ts), so each tries the next size when one finds nothing: the tiny
 * detector misses a face that fills the whole picture at one size and finds it at another.
 */
export const FRAME_DETECTOR_SIZES = [416] as const;
export const REFERENCE_DETECTOR_SIZES = [320, 416, 224, 512] as const;
/** The face-api release whose nets and weights are loaded (package.json pins it; a test checks). */
export const FACE_API_VERSION = '1.7.15';
/** Detections below this confidence are not faces we trust for identity. */
export const MIN_FACE_SCORE = 0.5;
/** Faces per picture compared at most (largest first): a crowd is not checked face by face. */
export const MAX_FACES = 3;

export interface FindOptions {
  sizes?: readonly number[];
  /** Descriptors for this many faces (largest first), 1..MAX_FACES. */
  maxFaces?: number;
}

let loading: Promise<FaceApi> | null = null;

/** Loads face-api, the wasm backend and the three nets once per process. */
export function loadFaceApi(): Promise<FaceApi> {
  loading ??= (async () => {
    const require = createRequire(import.meta.url);
    const faceapi = require('@vladmandic/face-api/dist/face-api.node-wasm.js') as FaceApi;
    const wasm = require('@tensorflow/tfjs-backend-wasm') as WasmBackend;
    const tf = faceapi.tf;
    const wasmDir = join(dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'dist') + '/';
    // tfjs fetches the .wasm through its platform's fetch; Node's fetch takes no file paths, so
    // local absolute paths are read from disk here (never the network).
    const platform = tf.env().platform;
    const fetchOriginal = platform.fetch.bind(platform);
    platform.fetch = async (path, init) =>
      typeof path === 'string' && isAbsolute(path)
        ? new Response(new Uint8Array(await readFile(path)), { status: 200 })
        : fetchOriginal(path, init);
    wasm.setWasmPaths(wasmDir, true);
    await tf.setBackend('wasm');
    await tf.ready();
    const models = join(dirname(require.resolve('@vladmandic/face-api/package.json')), 'model');
    await faceapi.nets.tinyFaceDetector.loadFromDisk(models);
    await faceapi.nets.faceLandmark68Net.loadFromDisk(models);
    await faceapi.nets.faceRecognitionNet.loadFromDisk(models);
    return faceapi;
  })();
  loading.catch(() => {
    loading = null;
  });
  return loading;
}

/**
 * The faces in `img`, largest first (at most `maxFaces`), each with its descriptor. Every face
 * found gets a descriptor (~0.4 s each here), so a crowd costs more; only the largest count.
 */
export async function findFaces(img: RgbImage, opts: FindOptions = {}): Promise<FoundFace[]> {
  const faceapi = await loadFaceApi();
  const maxFaces = Math.max(1, Math.min(MAX_FACES, opts.maxFaces ?? 1));
  const tensor = faceapi.tf.tensor3d(Int32Array.from(img.data), [img.height, img.width, 3], 'int32');
  try {
    let found: Detection[] = [];
    for (const inputSize of opts.sizes ?? FRAME_DETECTOR_SIZES) {
      found = await faceapi
        .detectAllFaces(tensor, new faceapi.TinyFaceDetectorOptions({ inputSize, scoreThreshold: MIN_FACE_SCORE }))
        .withFaceLandmarks()
        .withFaceDescriptors();
      if (found.length) break;
    }
    return found
      .map((f) => {
        const b = f.detection.box; // a class with getters: copied field by field
        return {
          score: f.detection.score,
          box: { x: b.x, y: b.y, width: b.width, height: b.height },
          descriptor: f.descriptor,
        };
      })
      .sort((a, b) => b.box.width * b.box.height - a.box.width * a.box.height)
      .slice(0, maxFaces);
  } finally {
    tensor.dispose();
  }
}

export function euclidean(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i]! - b[i]!) ** 2;
  return Math.sqrt(s);
}
