/**
 * Runs the fake ComfyUI as its own process, so it outlives a client that is killed:
 *   node <bundle of this file> [--root <dir>] [--run-ms <n>] ...
 * Prints `FAKE_COMFYUI_URL=http://127.0.0.1:<port>` on one line when listening. Behaviour is
 * changed over HTTP (POST /__fake/set) and the request log read with GET /__fake/log.
 * test/fakes/comfyui-process.ts bundles and starts it for tests.
 */
import { startFakeComfy } from './comfyui.js';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const runMs = arg('--run-ms');
const fake = await startFakeComfy({
  ...(arg('--root') ? { root: arg('--root') as string } : {}),
  ...(runMs ? { runMs: Number(runMs) } : {}),
});
process.stdout.write(`FAKE_COMFYUI_URL=${fake.url}\n`);
const stop = (): void => {
  void fake.close().then(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
