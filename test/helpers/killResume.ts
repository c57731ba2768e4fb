/**
 * JOB-1/2 for any provider, through the BUILT CLI: `storyboard generate` is SIGKILLed right
 * after the provider's fake (running in this test process) accepted the first create, then run
 * again to the end. Returns how many creates the fake accepted and the takes per shot, so a
 * test can assert "one create per take, nothing paid twice".
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ProjectStore } from '../../electron/services/project/store.js';
import { ensureBuilt, runCli } from './cli.js';

export interface KillResumeOptions {
  /** Provider id as registered (e.g. 'runway'). */
  provider: string;
  /** Env for the CLI: STORYBOARD_<P>_BASE_URL pointing at the fake, an API key, ... */
  env: Record<string, string>;
  /** Creates the fake has accepted so far. */
  creates: () => number;
  /** A fresh folder for the project and the CLI's settings. */
  root: string;
  shots?: number;
  /** Extra `add-shot` arguments per shot (e.g. a first frame). */
  shotArgs?: (i: number) => string[];
  timeoutMs?: number;
  /** Extra `generate` arguments of the first (killed) run only, e.g. --multi-shot; the resume is a plain generate. */
  firstArgs?: string[];
  /** Extra CLI runs after the shots are made and before the killed run (e.g. an offline take to restyle). */
  prepare?: string[][];
}

async function ok(args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  const r = await runCli(args, env);
  if (r.status !== 0) throw new Error(`storyboard ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return r.stdout.trim();
}

export async function killAndResume(
  o: KillResumeOptions,
): Promise<{ creates: number; takesPerShot: number[]; killedAfterCreate: boolean }> {
  ensureBuilt();
  const configDir = join(o.root, 'config');
  mkdirSync(configDir, { recursive: true });
  const env = { ...process.env, STORYBOARD_CONFIG_DIR: configDir, ...o.env };
  const dir = join(o.root, 'project');
  await ok(['new', dir, '--name', `${o.provider} kill`, '--resolution', '720p'], env);
  const shots = o.shots ?? 2;
  const shotIds: string[] = [];
  for (let i = 0; i < shots; i++) {
    shotIds.push(
      await ok(
        ['add-shot', dir, '--prompt', `镜头 ${i}: a "quoted" prompt`, '--duration', '5', ...(o.shotArgs?.(i) ?? [])],
        env,
      ),
    );
  }
  for (const args of o.prepare ?? [])
    await ok(
      args.map((a) => (a === '<dir>' ? dir : a)),
      env,
    );
  const before = o.creates();
  let killedAfterCreate = false;
  await runCli(['generate', dir, '--provider', o.provider, ...(o.firstArgs ?? [])], env, (kill) => {
    const deadline = Date.now() + (o.timeoutMs ?? 30_000);
    const timer = setInterval(() => {
      if (o.creates() > before || Date.now() > deadline) {
        killedAfterCreate = o.creates() > before;
        clearInterval(timer);
        kill();
      }
    }, 10);
  });
  const second = await runCli(['generate', dir, '--provider', o.provider], env);
  if (second.status !== 0) throw new Error(`resumed generate exited ${second.status}: ${second.stderr}`);
  const store = ProjectStore.open(dir);
  try {
    const snap = store.snapshot();
    return {
      creates: o.creates() - before,
      takesPerShot: shotIds.map((id) => snap.takes.filter((t) => t.shotId === id).length),
      killedAfterCreate,
    };
  } finally {
    store.close();
  }
}
