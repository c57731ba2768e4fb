/** The CLI as a binding of the contract: same validation (dispatch) as IPC and WebSocket. */
import { resolve } from 'node:path';
import { dispatch } from '../../shared/api/dispatch.js';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/api/contract.js';
import { createAppServices, type AppServices } from '../services/app.js';
import { CliError } from './commands.js';

export async function call<M extends MethodName>(
  services: AppServices,
  method: M,
  input: MethodInput<M>,
): Promise<MethodOutput<M>> {
  const r = await dispatch(services.handlers, method, input);
  if (!r.ok) throw new CliError(r.error.message, 1);
  return r.value as MethodOutput<M>;
}

/** Opens the project at `dir` (sweeping what a crash left), runs `fn`, always closes. */
export async function withProject(dir: string, fn: (services: AppServices) => Promise<number>): Promise<number> {
  const services = createAppServices({ host: 'cli' });
  try {
    const opened = await dispatch(services.handlers, 'project.open', { dir: resolve(dir) });
    if (!opened.ok) {
      // A project with foreign schema objects: say how to get a repaired copy (recovery.ts).
      const hint =
        opened.error.code === 'PROJECT_FOREIGN'
          ? ` To make a repaired copy and use it: storyboard repair ${JSON.stringify(dir)}`
          : '';
      throw new CliError(`${opened.error.message}${hint}`, 1);
    }
    return await fn(services);
  } finally {
    await services.close();
  }
}
