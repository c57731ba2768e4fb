/**
 * One step of a lip-sync chain (lipSync.ts): its stored request, the Kling video it works on
 * (the source take's, or the previous step's result) and the line's audio it sends.
 */
import { readFile } from 'node:fs/promises';
import { AppError } from '../../../shared/errors.js';
import { takeOutputRef } from '../../../shared/generation/request.js';
import type { Take } from '../../../shared/model/entities.js';
import { runFfmpeg } from '../ffmpeg/runner.js';
import type { ProjectStore } from '../project/store.js';

export interface LipSyncRequest {
  kind: 'lipsync';
  provider: 'kling';
  /** The take the chain starts from, and this step's place in the chain. */
  sourceTakeId: string;
  step: number;
  /** The job whose result this step lip-syncs (step > 0). */
  afterJobId: string | null;
  lineId: string;
  audioAssetId: string;
  /** Seconds into the clip where the line starts. */
  offsetSec: number;
  clipSec: number;
}

export /** The Kling video id this step works on: the source take's, or the previous step's result. */
function sourceVideoId(store: ProjectStore, req: LipSyncRequest): string {
  const takeId = req.afterJobId ? store.getJob(req.afterJobId).takeId : req.sourceTakeId;
  const take: Take | null = takeId ? store.getTake(takeId) : null;
  const ref = take ? takeOutputRef(take) : null;
  if (!ref)
    throw new AppError(
      'PROVIDER_FAILED',
      'The previous lip-sync step has no Kling video to continue from; run lip sync again.',
    );
  return ref;
}

export /** The line's audio placed at its offset in the clip: silence, then the line, as 16 kHz mono WAV. */
async function offsetAudio(
  store: ProjectStore,
  req: LipSyncRequest,
  out: string,
  signal?: AbortSignal,
): Promise<Buffer> {
  const audio = store.getAsset(req.audioAssetId);
  const delayMs = Math.round(req.offsetSec * 1000);
  await runFfmpeg(
    {
      label: 'lip-sync audio',
      globalOptions: ['-hide_banner', '-nostdin', '-y'],
      inputs: [{ options: [], source: store.absPath(audio.path) }],
      // adelay shifts the line to its time (all=1: every channel); the clip's length caps it.
      filterComplex: `[0:a:0]aresample=16000,aformat=channel_layouts=mono,adelay=${delayMs}:all=1,apad,atrim=end=${Math.max(0.5, req.clipSec).toFixed(3)}[a]`,
      outputOptions: ['-map', '[a]', '-c:a', 'pcm_s16le', '-f', 'wav'],
      output: out,
      durationSec: req.clipSec,
    },
    signal ? { signal } : {},
  );
  return readFile(out);
}
