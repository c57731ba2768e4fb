/**
 * Why a job failed, as a kind the UI can show and filter on (JOB-6, JOB-8). Adapters throw
 * AppError('PROVIDER_FAILED', reason, { failureKind }) or return it from poll(); the runner
 * records it with the job's provenance. The message stays the provider's own reason.
 */
export const FAILURE_KINDS = ['expired', 'provider', 'moderation', 'canceled', 'lost', 'local'] as const;
export type FailureKind = (typeof FAILURE_KINDS)[number];

export function isFailureKind(v: unknown): v is FailureKind {
  return typeof v === 'string' && (FAILURE_KINDS as readonly string[]).includes(v);
}

/**
 * The kind of an error thrown on the job path: the adapter's `details.failureKind` when given,
 * 'provider' for any other provider error, else 'local' (our side: a file, ffmpeg, the disk).
 */
export function failureKindOf(err: unknown): FailureKind {
  if (typeof err !== 'object' || err === null) return 'local';
  const e = err as { code?: unknown; details?: Record<string, unknown> };
  if (isFailureKind(e.details?.failureKind)) return e.details.failureKind;
  if (e.code === 'CANCELED') return 'canceled';
  return e.code === 'PROVIDER_FAILED' ? 'provider' : 'local';
}

/** A sentence for a result the provider no longer serves (signed URLs expire: JOB-6). */
export function expiredMessage(providerLabel: string): string {
  return (
    `The result of this job expired at ${providerLabel} before it could be downloaded (provider links last only hours). ` +
    'It was not generated again automatically; generate the shot again if you still want it.'
  );
}

/** Which input a provider's safety review flagged, when its error code says so. */
export type FlaggedInput = 'prompt' | 'image' | 'video' | 'output';
export const FLAGGED_INPUTS: readonly FlaggedInput[] = ['prompt', 'image', 'video', 'output'];

/**
 * The flagged input from a provider's moderation code (null when the code does not say):
 * - Ark (Seedance): `InputTextSensitiveContentDetected`, `InputImageSensitiveContentDetected`,
 *   `OutputVideoSensitiveContentDetected` (Ark error-code page, https://docs.byteplus.com/en/docs/ModelArk/1299023 — first-party, as the fake copies);
 * - Runway: `SAFETY.INPUT.TEXT`, `SAFETY.INPUT.IMAGE`, `SAFETY.OUTPUT.*` (task failure codes,
 *   https://docs.dev.runwayml.com/errors/task-failures/ — first-party);
 * - MiniMax: 1026 input sensitive (the prompt), 1027 output sensitive (error-code page,
 *   https://platform.minimax.io/docs/api-reference/errorcode — first-party);
 * - Vidu: `TaskPromptPolicyViolation` (the prompt), `CreationPolicyViolation` (the generated video);
 *   `AuditSubmitIllegal` names no input (https://platform.vidu.cn/docs/error-code and
 *   https://platform.vidu.com/docs/error-code — first-party).
 */
export function flaggedInput(code: string | number): FlaggedInput | null {
  const c = String(code);
  if (/^InputText|^SAFETY\.INPUT\.TEXT|^1026$|^TaskPromptPolicyViolation$/i.test(c)) return 'prompt';
  if (/^InputImage|^SAFETY\.INPUT\.IMAGE/i.test(c)) return 'image';
  if (/^OutputVideo|^SAFETY\.OUTPUT|^1027$|^CreationPolicyViolation$/i.test(c)) return 'output';
  return null;
}

/** The flagged input in words, for the refusal sentence. */
export const FLAGGED_TEXT: Record<FlaggedInput, string> = {
  prompt: 'the prompt',
  image: 'an input picture (the first frame, last frame or a reference)',
  video: 'the clip to restyle',
  output: 'the generated video',
};

/**
 * fal's flagged input from a refusal's `loc` (["body", "<field>"] names the input: https://docs.fal.ai/errors,
 * first-party): the prompt, a picture field (`image_url`, `start_image_url`, `image_urls`, …) or
 * the clip (`video_url`); null for a refusal of the whole body or the output.
 */
export function falFlaggedInput(loc: readonly unknown[] | undefined): FlaggedInput | null {
  const field = String(loc?.find((x) => x !== 'body') ?? '');
  if (/prompt/.test(field)) return 'prompt';
  if (/^video_url/.test(field)) return 'video';
  if (/image_url|images?$/.test(field)) return 'image';
  return null;
}
