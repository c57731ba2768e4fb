/**
 * The end of a multi-shot job: the one returned clip split back onto its shots as takes, at the
 * cut points the provider reported, else the scene cuts ffmpeg finds in the clip, else the
 * planned durations (shared/generation/multiShot.ts cutSegments). Every ffmpeg run goes through
 * the one runner with arguments from the pure builders (multiShotSplit.ts). Idempotent: a shot
 * that already has a take of this job (a kill between two imports) is not given a second one.
 */
import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { modelCapabilities } from '../../../shared/generation/capabilities.js';
import { cutSegments, parseSceneCuts, type CutSegment } from '../../../shared/generation/multiShot.js';
import { sceneCutInvocation, splitInvocation } from '../../../shared/generation/multiShotSplit.js';
import { roundCents } from '../../../shared/generation/prices.js';
import type { GenerationRequest } from '../../../shared/generation/request.js';
import type { Asset } from '../../../shared/model/entities.js';
import { newTake } from '../../../shared/model/factories.js';
import { runFfmpeg as theRunner } from '../ffmpeg/runner.js';
import type { GenerationDeps } from './ports.js';
import type { ProviderAdapter, RunFfmpeg } from './types.js';

export interface MultiShotResult {
  takeIds: string[];
  source: 'reported' | 'detected' | 'planned';
  segments: CutSegment[];
}

/** Each part's share of the job's one cost (by planned seconds; the shares sum to the cost). */
export function costShares(cost: number | null, seconds: readonly number[]): (number | null)[] {
  if (cost === null) return seconds.map(() => null);
  const total = seconds.reduce((a, b) => a + b, 0) || 1;
  const shares = seconds.map((s) => roundCents((cost * s) / total));
  const rest = roundCents(cost - shares.slice(0, -1).reduce((a, b) => a + b, 0));
  return shares.map((s, i) => (i === shares.length - 1 ? Math.max(0, rest) : s));
}

export async function addMultiShotTakes(args: {
  deps: GenerationDeps & { runFfmpeg?: RunFfmpeg };
  jobId: string;
  taskId: string;
  request: GenerationRequest & { multiShot: NonNullable<GenerationRequest['multiShot']> };
  provider: ProviderAdapter;
  /** The downloaded clip (still in the temp folder) and its imported asset. */
  clip: string;
  clipAsset: Asset;
  cost: number | null;
  tmpDir: string;
  reportedCutsSec?: readonly number[];
  signal?: AbortSignal;
}): Promise<MultiShotResult> {
  const { deps, jobId, request, provider } = args;
  const { store } = deps;
  const run = deps.runFfmpeg ?? theRunner;
  const parts = request.multiShot.parts;
  const cap = modelCapabilities(provider.capabilities, request.model).multiShot;
  let detected: number[] | null = null;
  if (!args.reportedCutsSec?.length) {
    try {
      const { stderrTail } = await run(sceneCutInvocation(args.clip), {
        ...(args.signal ? { signal: args.signal } : {}),
        stderrTailLines: 4000,
      });
      detected = parseSceneCuts(stderrTail);
    } catch {
      detected = null; // no detection: the planned cut points are used
    }
  }
  const { segments, source } = cutSegments({
    shotIds: parts.map((p) => p.shotId),
    plannedSec: parts.map((p) => p.durationSec),
    actualSec: args.clipAsset.info.durationSec,
    reported: args.reportedCutsSec ?? null,
    detected,
    cuts: cap?.cuts ?? 'planned',
  });
  const { shots, takes } = store.snapshot();
  const live = new Set(shots.map((s) => s.id));
  const done = new Set(takes.filter((t) => t.jobId === jobId).map((t) => t.shotId));
  // A shot deleted meanwhile gets no take; one that already has its take is not split again.
  const todo = segments.map((s, i) => ({ s, i })).filter(({ s }) => live.has(s.shotId) && !done.has(s.shotId));
  const outputs = todo.map(({ i }) => join(args.tmpDir, `job-${jobId}-shot-${i + 1}.mp4`));
  const shares = costShares(
    args.cost,
    parts.map((p) => p.durationSec),
  );
  const takeIds = takes.filter((t) => t.jobId === jobId).map((t) => t.id);
  try {
    if (todo.length > 0)
      await run(
        splitInvocation(
          args.clip,
          todo.map(({ s }) => s),
          outputs,
        ),
        args.signal ? { signal: args.signal } : {},
      );
    for (const [k, { s, i }] of todo.entries()) {
      const part = parts[i];
      if (!part) continue;
      const asset = await deps.importFile(outputs[k] as string, 'generated');
      const take = newTake({
        id: randomUUID(),
        shotId: s.shotId,
        assetId: asset.id,
        jobId,
        provider: provider.id,
        model: request.model,
        // The part as this shot asked for it, and where it was cut from the one clip.
        request: {
          ...request,
          shotId: part.shotId,
          shotNumber: part.shotNumber,
          title: part.title,
          prompt: part.prompt,
          camera: part.camera,
          durationSec: part.durationSec,
          multiShotCut: { index: i, startSec: s.startSec, endSec: s.endSec, source, clipAssetId: args.clipAsset.id },
        },
        seed: request.seed,
        cost: shares[i] ?? null,
        createdAt: new Date().toISOString(),
      });
      store.addTake(take, { selectIfNone: true });
      takeIds.push(take.id);
      store.addProvenance({
        actor: `provider:${provider.id}`,
        action: 'generate',
        subjectType: 'take',
        subjectId: take.id,
        details: {
          shotId: s.shotId,
          jobId,
          assetId: asset.id,
          model: request.model,
          taskId: args.taskId,
          multiShot: { index: i, of: parts.length, startSec: s.startSec, endSec: s.endSec, cutsFrom: source },
        },
      });
    }
  } finally {
    await Promise.all(outputs.map((o) => rm(o, { force: true })));
  }
  return { takeIds, source, segments };
}
