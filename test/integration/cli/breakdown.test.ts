/**
 * `storyboard breakdown <dir> --script <file> --llm <url> --model <id>` through the BUILT CLI
 * against the fake OpenAI-compatible server: --dry-run prints the shot list and writes nothing;
 * a run adds it as ONE undo step (shot sizes and camera moves stored); a refusal exits 1 with
 * the model's reason and changes nothing.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProjectStore } from '../../../electron/services/project/store.js';
import { startChatFake, type ChatFake } from '../../fakes/openaiChat.js';
import { ensureBuilt, runCli } from '../../helpers/cli.js';
import { tempDir } from '../../helpers/tmp.js';

const root = tempDir();
const env = { ...process.env, STORYBOARD_CONFIG_DIR: join(root, 'config') };
let fake: ChatFake;

beforeAll(async () => {
  ensureBuilt();
  fake = await startChatFake('valid');
});
afterAll(() => fake.close());

function stored(dir: string) {
  const store = ProjectStore.open(dir);
  try {
    const s = store.snapshot();
    return { shots: s.shots.map((sh) => [sh.shotSize, sh.camera]), revision: s.history.revision };
  } finally {
    store.close();
  }
}

describe('storyboard breakdown', () => {
  it('dry run, apply as one undo step, refusal changes nothing', async () => {
    const dir = join(root, 'breakdown 分镜');
    const script = join(root, 'diner.fountain');
    writeFileSync(script, 'INT. DINER - NIGHT\n\nMara wipes the counter.\n');
    expect((await runCli(['new', dir, '--name', 'b'], env)).status).toBe(0);
    const args = ['breakdown', dir, '--script', script, '--llm', fake.baseUrl, '--model', 'fake-model'];

    const dry = await runCli([...args, '--dry-run'], env);
    expect(dry.status).toBe(0);
    expect(dry.stdout).toContain('s1.2  close_up static 5.5s  Joe at the door (2 lines)');
    expect(dry.stdout).toContain('would add 2 scenes, 3 shots, 2 new characters, 0 merged, 3 dialogue lines');
    const before = stored(dir);
    expect(before.shots).toEqual([]);

    const run = await runCli([...args, '--json'], env);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ applied: true, scenes: 2, shots: 3, lines: 3 });
    const after = stored(dir);
    expect(after.shots).toEqual([
      ['wide', 'push_in'],
      ['close_up', 'static'],
      ['extreme_wide', 'pan_left'],
    ]);
    expect(after.revision).toBe(before.revision + 1);
    expect(fake.requests.at(-1)!.body).toMatchObject({ model: 'fake-model' });

    fake.mode = 'refusal';
    const refused = await runCli(args, env);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain("The model refused: I'm sorry, I can't help with that request.");
    expect(stored(dir)).toEqual(after);
  });
});
