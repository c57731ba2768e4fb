/**
 * The offline image "model": a keyframe card, the composed keyframe prompt on a dark card at
 * the project size, as a PNG. No key, no network, no cost — the animatic's honest placeholder
 * for a keyframe, so the whole keyframe-first route works offline. Rendered through the one
 * ffmpeg runner (the title card's drawtext graph, one frame, RGB PNG out).
 */
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildTitleCardInvocation, layoutTitleCard } from '../../../../shared/animatic/titleCard.js';
import type { FfmpegInvocation } from '../../../../shared/ffmpeg/invocation.js';
import { LOCAL_TASK } from '../../jobs/localResult.js';
import { fetchLocal, pollLocal } from '../../jobs/localResult.js';
import { resolveTitleFont } from '../fonts.js';
import type { ImageAdapter, ImageAdapterDeps, ImageRequest } from './types.js';

const LABEL = 'Keyframe card (offline)';

/** The card as one PNG frame: the title card's graph with RGB output instead of H.264. */
export function keyframeCardInvocation(
  req: Pick<ImageRequest, 'prompt' | 'width' | 'height' | 'shotNumber' | 'role'>,
  files: { fontFile: string; textFiles: string[]; labelFile: string; output: string },
  layout: ReturnType<typeof layoutTitleCard>,
): FfmpegInvocation {
  const inv = buildTitleCardInvocation({
    ...layout,
    fontFile: files.fontFile,
    textFiles: files.textFiles,
    labelFile: files.labelFile,
    width: req.width,
    height: req.height,
    fps: { num: 1, den: 1 },
    frames: 1,
    output: files.output,
    label: `keyframe card shot ${req.shotNumber}`,
  });
  return {
    ...inv,
    filterComplex: (inv.filterComplex ?? '').replace(/format=yuv420p(\[v\])$/, 'format=rgb24$1'),
    outputOptions: ['-map', '[v]', '-frames:v', '1', '-update', '1', '-c:v', 'png'],
  };
}

export function createKeyframeCardAdapter(deps: ImageAdapterDeps): ImageAdapter {
  return {
    id: 'keyframe-card',
    label: LABEL,
    offline: true,
    settingsId: 'animatic',
    pollPolicy: { initialMs: 50, maxMs: 200, factor: 2 },
    promptStyle: 'prose',
    models: [{ id: 'card', label: 'Card', referenceImagesMax: 0, pricePerImage: 0 }],
    async submit(req, ctx) {
      const dir = join(ctx.outDir, `card-${ctx.jobId}`);
      await mkdir(dir, { recursive: true });
      try {
        const layout = layoutTitleCard(req.prompt, { width: req.width, height: req.height });
        const textFiles = layout.lines.map((_, i) => join(dir, `line-${i}.txt`));
        await Promise.all(layout.lines.map((line, i) => writeFile(textFiles[i] as string, line, 'utf8')));
        const labelFile = join(dir, 'label.txt');
        await writeFile(
          labelFile,
          `#${req.shotNumber} ${req.role === 'first' ? 'first frame' : 'last frame'} · ${req.variation + 1}`,
          'utf8',
        );
        const font = await resolveTitleFont({ preferred: ctx.settings.fontFile ?? null });
        const name = `${ctx.jobId}.png`;
        const output = join(dir, name);
        await deps.runFfmpeg(
          keyframeCardInvocation(req, { fontFile: font.file, textFiles, labelFile, output }, layout),
          {
            ...(ctx.signal ? { signal: ctx.signal } : {}),
            timeoutMs: 120_000,
          },
        );
        await rename(output, join(ctx.outDir, name));
        return { taskId: `${LOCAL_TASK}${name}` };
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
    poll: (taskId, ctx) => pollLocal(taskId, ctx, LABEL),
    fetchResult: (taskId, dest, ctx) => fetchLocal(taskId, dest, ctx),
  };
}
