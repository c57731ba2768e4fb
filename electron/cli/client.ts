/** The CLI as a binding of the contract: same validation (dispatch) as IPC and WebSocket. */
import { resolve } from 'node:path';
import { dispatch } from '../../shared/api/dispatch.js';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/api/contract.js';
import { createAppServices, type AppServices } from '../services/app.js';
import { CliError } from './commands.js';

export async function call<M extends MethodName>(services: AppServices, method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const r = await dispatch(services.handlers, method, input);
  if (!r.ok) throw new CliError(r.error.message, 1);
  return r.value as MethodOutput<M>;
}

/** Opens the project at `dir` (sweeping what a crash left), runs `fn`, always closes. */
export async function withProject(dir: string, fn: (services: AppServices) => Promise<number>): Promise<number> {
  const services = createAppServices({ host: 'cli' });
  try {
    await call(services, 'project.open', { dir: resolve(dir) });
    return await fn(services);
  } finally {
    await services.close();
  }
}
