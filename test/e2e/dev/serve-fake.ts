/**
 * Dev only: the browser host over fake services, to work on the UI without the real services.
 *   node test/e2e/dev/serve-fake.mjs [serve] [dir] [--port n]   (after `npx vite build`)
 * Takes the CLI's arguments, so STORYBOARD_E2E_CLI=.tmp/serve-fake.mjs can stand in for it.
 */
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startHost } from '../../../electron/host/server.js';
import { createFakeServices } from './fakeServices.js';

const args = process.argv.slice(2).filter((a) => a !== 'serve');
const portAt = args.indexOf('--port');
const port = portAt >= 0 ? Number(args.splice(portAt, 2)[1]) : 0;
const dir = resolve(args[0] ?? join(tmpdir(), 'storyboard-dev'));
mkdirSync(dir, { recursive: true });
const host = await startHost({
  services: createFakeServices(dir),
  rendererDir: resolve('out/renderer'),
  port,
});
process.stdout.write(`${host.url}\n`);
