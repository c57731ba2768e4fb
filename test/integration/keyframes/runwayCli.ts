/**
 * The strict Runway fake behind the BUILT CLI, for the keyframe tests that send it frames (a
 * bridge, a chain extend): the CLI built and the fake started before the file's tests, the fake
 * closed after; the CLI's environment points at it, and a frame it received is written to a file
 * for an independent decode.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { ensureBuilt } from '../../helpers/cli.js';
import { cliOk } from '../../helpers/projectCli.js';
import { startFakeRunway, type FakeRunway } from '../../fakes/runway.js';

export interface RunwayCli {
  /** The running fake (from the file's first test on). */
  readonly runway: FakeRunway;
  /** The CLI's environment: a config folder under `root`, the fake's URL and key. */
  env(): NodeJS.ProcessEnv;
  /** Runs a command that must succeed; answers its trimmed stdout. */
  ok(args: string[]): Promise<string>;
  /** Writes a picture the fake received as a data URI to a new folder under `root`; answers its path. */
  sentFile(uri: string, name: string): string;
}

export function runwayCli(root: string): RunwayCli {
  let runway: FakeRunway | null = null;
  beforeAll(async () => {
    ensureBuilt();
    runway = await startFakeRunway({ runMs: 200 });
  });
  afterAll(() => runway?.close());
  const rig: RunwayCli = {
    get runway() {
      if (!runway) throw new Error('the Runway fake starts before the tests');
      return runway;
    },
    env: () => ({
      ...process.env,
      STORYBOARD_CONFIG_DIR: join(root, 'config'),
      STORYBOARD_RUNWAY_BASE_URL: rig.runway.url,
      STORYBOARD_RUNWAY_API_KEY: 'test-key',
    }),
    ok: (args) => cliOk(args, rig.env()),
    sentFile(uri, name) {
      const path = join(mkdtempSync(join(root, 'sent-')), name);
      writeFileSync(path, Buffer.from(uri.slice(uri.indexOf(',') + 1), 'base64'));
      return path;
    },
  };
  return rig;
}
