/**
 * A deliverable: one file a platform takes, described as data — aspect + size + codec +
 * container + loudness target + AI-label options + file-name pattern. The built-in platform
 * presets live here; user presets are the same shape, saved with the project. Pure.
 */
import { z } from 'zod';
import { AppError } from '../errors.js';
import {
  AspectSchema,
  RESOLUTIONS,
  ResolutionSchema,
  outputSize,
  type Aspect,
  type Resolution,
} from '../model/format.js';

export const VIDEO_CODECS = ['h264', 'hevc', 'prores'] as const;
export const VideoCodecSchema = z.enum(VIDEO_CODECS);
export type VideoCodec = z.infer<typeof VideoCodecSchema>;

export const LABEL_CORNERS = ['top-left', 'top-right', 'bottom-left', 'bottom-right'] as const;

/**
 * The visible "AI-generated" label. `auto`: shown when the deliverable contains generated shots
 * (China's labelling measures ask for an explicit label people see on AI-generated video; the
 * EU AI Act art. 50 asks deployers to disclose it). Quotes and backslashes are refused so the
 * text never needs more than the filter graph's escaping (shared/export/label.ts).
 */
export const LabelOptionsSchema = z
  .object({
    visible: z.enum(['auto', 'on', 'off']).default('auto'),
    text: z
      .string()
      .trim()
      .min(1)
      .max(60)
      .regex(/^[^'"\\\n\r\t]+$/u, 'The label text cannot contain quotes, backslashes or line breaks.')
      .default('AI-generated'),
    corner: z.enum(LABEL_CORNERS).default('top-right'),
    /** Text height in percent of the picture height. */
    sizePct: z.number().min(1).max(10).default(3.5),
  })
  .strict();
export type LabelOptions = z.output<typeof LabelOptionsSchema>;

/** Preset ids are what the CLI's --preset takes: lower-case words joined by dashes. */
export const PresetIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'A preset name is 1-40 lower-case letters, digits or dashes.');

/** Integrated loudness targets loudnorm accepts (https://ffmpeg.org/ffmpeg-filters.html#loudnorm). */
export const LOUDNESS_MIN = -70;
export const LOUDNESS_MAX = -5;

export const DeliverableSchema = z
  .object({
    id: PresetIdSchema,
    name: z.string().trim().min(1).max(80),
    aspect: AspectSchema,
    resolution: ResolutionSchema,
    codec: VideoCodecSchema,
    container: z.enum(['mp4', 'mov']),
    /** Integrated loudness target in LUFS (two-pass EBU R128); null leaves the mix as it is. */
    loudnessLufs: z.number().min(LOUDNESS_MIN).max(LOUDNESS_MAX).nullable(),
    label: LabelOptionsSchema.default(LabelOptionsSchema.parse({})),
    /** Tokens: {project} {preset} {aspect} {size} {codec}; the extension follows the container. */
    fileName: z.string().trim().min(1).max(200).default('{project}-{preset}'),
  })
  .strict()
  .refine((d) => d.codec !== 'prores' || d.container === 'mov', {
    message: 'ProRes is written in a MOV file: choose the mov container.',
    path: ['container'],
  });
export type Deliverable = z.output<typeof DeliverableSchema>;
export type DeliverableInput = z.input<typeof DeliverableSchema>;

const LABEL = LabelOptionsSchema.parse({});
const d = (x: Omit<Deliverable, 'label' | 'fileName'>): Deliverable => ({
  ...x,
  label: LABEL,
  fileName: '{project}-{preset}',
});

/**
 * Built-in platform presets. Web platforms normalise playback to about -14 LUFS (YouTube's
 * reference level; TikTok/Douyin, Instagram and WeChat Channels play louder uploads turned
 * down), so the web presets aim there; the broadcast master follows EBU R128 (-23 LUFS,
 * https://tech.ebu.ch/docs/r/r128.pdf) and carries 24-bit PCM in a ProRes 422 MOV.
 * WeChat Channels (视频号) takes vertical video up to 1080x1920; its feed shows 9:16 full screen.
 */
export const BUILTIN_PRESETS: readonly Deliverable[] = Object.freeze([
  d({
    id: 'douyin-tiktok',
    name: 'Douyin / TikTok 9:16 1080p',
    aspect: '9:16',
    resolution: '1080p',
    codec: 'h264',
    container: 'mp4',
    loudnessLufs: -14,
  }),
  d({
    id: 'instagram-4x5',
    name: 'Instagram feed 4:5',
    aspect: '4:5',
    resolution: '1080p',
    codec: 'h264',
    container: 'mp4',
    loudnessLufs: -14,
  }),
  d({
    id: 'instagram-1x1',
    name: 'Instagram square 1:1',
    aspect: '1:1',
    resolution: '1080p',
    codec: 'h264',
    container: 'mp4',
    loudnessLufs: -14,
  }),
  d({
    id: 'youtube-1080p',
    name: 'YouTube 16:9 1080p',
    aspect: '16:9',
    resolution: '1080p',
    codec: 'h264',
    container: 'mp4',
    loudnessLufs: -14,
  }),
  d({
    id: 'youtube-4k',
    name: 'YouTube 16:9 4K',
    aspect: '16:9',
    resolution: '4k',
    codec: 'h264',
    container: 'mp4',
    loudnessLufs: -14,
  }),
  d({
    id: 'wechat-channels',
    name: 'WeChat Channels 视频号 9:16',
    aspect: '9:16',
    resolution: '1080p',
    codec: 'h264',
    container: 'mp4',
    loudnessLufs: -14,
  }),
  d({
    id: 'broadcast-master',
    name: 'Broadcast master ProRes 422',
    aspect: '16:9',
    resolution: '1080p',
    codec: 'prores',
    container: 'mov',
    loudnessLufs: -23,
  }),
]);

/** A preset by id: the project's own first (a user preset may shadow a built-in one), then the built-ins. */
export function findPreset(id: string, userPresets: readonly Deliverable[] = []): Deliverable | null {
  return userPresets.find((p) => p.id === id) ?? BUILTIN_PRESETS.find((p) => p.id === id) ?? null;
}

export function deliverableSize(dv: Pick<Deliverable, 'aspect' | 'resolution'>): { width: number; height: number } {
  return outputSize(dv.aspect, dv.resolution);
}

/** Characters no file system takes in a name, plus control characters, replaced by `_`; no leading dots. */
export function safeFileName(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
      .replace(/[<>:"/\\|?*\u0000-\u001f]/gu, '_')
      .replace(/^\.+/, '')
      .trim()
  );
}

/** The deliverable's file name: the pattern's tokens filled in, unsafe characters replaced, the container's extension. */
export function deliverableFileName(dv: Deliverable, projectName: string): string {
  const { width, height } = deliverableSize(dv);
  const tokens: Record<string, string> = {
    project: projectName,
    preset: dv.id,
    aspect: dv.aspect.replace(':', 'x'),
    size: `${width}x${height}`,
    codec: dv.codec,
  };
  const unknown = /\{(\w+)\}/g;
  const filled = safeFileName(dv.fileName.replace(unknown, (m, k: string) => tokens[k] ?? m));
  const base = [...(filled || dv.id)].slice(0, 150).join('');
  return `${base}.${dv.container}`;
}

/** The named resolution whose short side the project has (1080 -> 1080p); the nearest when none matches. */
export function projectResolution(p: { width: number; height: number }): Resolution {
  const short = Math.min(p.width, p.height);
  const sides: Record<Resolution, number> = { '720p': 720, '1080p': 1080, '4k': 2160 };
  return [...RESOLUTIONS].sort((a, b) => Math.abs(sides[a] - short) - Math.abs(sides[b] - short))[0] ?? '1080p';
}

/** An ad-hoc deliverable for `--aspect <ratio>`: the project's resolution, the run's codec. */
export function aspectDeliverable(
  aspect: Aspect,
  base: Pick<Deliverable, 'resolution' | 'codec' | 'loudnessLufs'>,
): Deliverable {
  const container = base.codec === 'prores' ? 'mov' : 'mp4';
  return {
    id: `${aspect.replace(':', 'x')}-${base.codec}`,
    name: `${aspect} ${base.codec}`,
    aspect,
    resolution: base.resolution,
    codec: base.codec,
    container,
    loudnessLufs: base.loudnessLufs,
    label: LABEL,
    fileName: '{project}-{aspect}-{codec}',
  };
}

/** Two deliverables of one run may not write the same file. */
export function checkDistinctNames(names: readonly string[]): void {
  const seen = new Set<string>();
  for (const n of names) {
    const key = n.toLowerCase();
    if (seen.has(key))
      throw new AppError(
        'EXPORT_INVALID',
        `Two deliverables of this export would both be written to "${n}": give them different file names.`,
      );
    seen.add(key);
  }
}
