/**
 * The contract methods the timeline edits through, in one place: each is ONE call and one
 * undo step in the services, and answers the new document.
 */
import type { MethodInput, MethodOutput } from '../../../shared/api/contract';
import type { ProjectSnapshot } from '../../../shared/model/entities';
import type { ApiClient } from '../api/client';

export type EditMethod = 'shots.split' | 'shots.duplicate' | 'shots.removeMany' | 'shots.moveMany' | 'shots.setTrim';

export type Filmstrip = MethodOutput<'media.filmstrip'>;

export async function callEdit<M extends EditMethod>(
  api: ApiClient,
  method: M,
  input: MethodInput<M>,
): Promise<ProjectSnapshot> {
  return (await api.call(method, input)) as ProjectSnapshot;
}

export function fetchFilmstrip(api: ApiClient, assetId: string, height: number, count: number): Promise<Filmstrip> {
  return api.call('media.filmstrip', { assetId, height, count });
}
