/**
 * An action's result is the new document snapshot that its contract call answers with; it is
 * applied to the store here and only here, so every edit reaches the screen the same way.
 */
import type { MethodInput, MethodName, MethodOutput } from '../../../shared/api/contract';
import type { ProjectSnapshot } from '../../../shared/model/entities';
import type { ActionContext } from './registry';

/** The contract methods that answer with the new snapshot (`project.current`: null when no project is open). */
type SnapshotMethod = {
  [M in MethodName]: MethodOutput<M> extends ProjectSnapshot | null ? M : never;
}[MethodName];

/** The contract methods that answer with the new snapshot beside other results (a new shot's id, a report). */
type SnapshotAndMethod = {
  [M in MethodName]: MethodOutput<M> extends { snapshot: ProjectSnapshot } ? M : never;
}[MethodName];

/** Calls a method that answers with the new snapshot and applies it. */
export async function applyCall<M extends SnapshotMethod>(
  { api, store }: ActionContext,
  method: M,
  input: MethodInput<M>,
): Promise<void> {
  store.getState().setSnapshot(await api.call(method, input));
}

/** Calls a method whose answer carries the new snapshot, applies it and returns the rest of the answer. */
export async function applyCallWith<M extends SnapshotAndMethod>(
  { api, store }: ActionContext,
  method: M,
  input: MethodInput<M>,
): Promise<Omit<MethodOutput<M>, 'snapshot'>> {
  const { snapshot, ...rest } = (await api.call(method, input)) as MethodOutput<M> & { snapshot: ProjectSnapshot };
  store.getState().setSnapshot(snapshot);
  return rest;
}

/** Reads the document again: after a call whose effect arrives as jobs (their rows exist now). */
export function reloadSnapshot(ctx: ActionContext): Promise<void> {
  return applyCall(ctx, 'project.current', {});
}

/** The whole perform of an action whose payload is the method's input. */
export function performCall<M extends SnapshotMethod>(method: M) {
  return (ctx: ActionContext, payload: MethodInput<M>): Promise<void> => applyCall(ctx, method, payload);
}
