/** The two steps CLI tests repeat: run the built CLI and insist it succeeded; read the project it wrote. */
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
