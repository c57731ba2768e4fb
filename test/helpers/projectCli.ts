/**
 * The steps CLI tests repeat: run the built CLI and insist it succeeded; read the project it
 * wrote; kill -9 it at a given moment (crash scenarios).
 */
import { ProjectStore } from '../../electron/services/project/store.js';
import { runCli } from './cli.js';

export async function cliOk(args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  const r = await runCli(args, env);
  if (r.status !== 0) throw new Error(`storyboard ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return r.stdout.trim();
}

export function readProject<T>(dir: string, fn: (store: ProjectStore) => T): T {
  const store = ProjectStore.open(dir);
  try {
    return fn(store);
  } finally {
    store.close();
  }
}

/** Runs the CLI and SIGKILLs it as soon as `when()` holds; answers whether it was killed so. */
export async function killWhen(args: string[], env: NodeJS.ProcessEnv, when: () => boolean): Promise<boolean> {
  let killed = false;
  const run = await runCli(args, env, (kill) => {
    const deadline = Date.now() + 60_000;
    const timer = setInterval(() => {
      if (when() || Date.now() > deadline) {
        killed = when();
        clearInterval(timer);
        kill();
      }
    }, 5);
  });
  // Ended by itself before the moment came: say why (the assertion on `killed` fails next).
  if (!killed) process.stderr.write(`storyboard ${args[0]} ended on its own (${run.status}): ${run.stderr}\n`);
  return killed;
}
