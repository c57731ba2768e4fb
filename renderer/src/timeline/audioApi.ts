/**
 * The audio methods of the contract the timeline uses: each edit is ONE call (one undo step)
 * answering the new document; media.waveform answers peaks (0..1) over the whole file.
 */
import type { AudioLane, AudioPatch, MethodOutput } from '../../../shared/api/contract';
import type { ProjectSnapshot } from '../../../shared/model/entities';
import type { ApiClient } from '../api/client';

export type { AudioLane, AudioPatch };
export type Waveform = MethodOutput<'media.waveform'>;

export function addAudio(
  api: ApiClient,
  input: { path: string; lane: AudioLane; startFrame?: number },
): Promise<ProjectSnapshot> {
  return api.call('audio.add', input);
}

export function updateAudio(api: ApiClient, id: string, patch: AudioPatch): Promise<ProjectSnapshot> {
  return api.call('audio.update', { id, patch });
}

export function removeAudio(api: ApiClient, id: string): Promise<ProjectSnapshot> {
  return api.call('audio.remove', { id });
}

export function fetchWaveform(api: ApiClient, assetId: string, buckets: number): Promise<Waveform> {
  return api.call('media.waveform', { assetId, buckets });
}
