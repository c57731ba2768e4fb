/**
 * What Runway's POST /v1/video_to_video accepts for `aleph2`, written from the SDK's types
 * (@runwayml/sdk 4.20.1 resources/video-to-video.d.ts, generated from Runway's OpenAPI spec;
 * first-party) — NOT from the adapter (runway/aleph.ts). The other video-to-video models of that
 * file (seedance2*, hailuo3, gemini_omni_flash) are not offered here, so they are unknown too.
 * Issues come back as the API's 400 `{error, issues[]}` (runway.ts).
 */
const KEYS = [
  'model',
  'videoUri',
  'promptText',
  'keyframes',
  'seed',
  'contentModeration',
  'outputFormat',
  'proresProfile',
  'ratio',
  'targetAspectRatio',
];
/** "data URI (e.g. `data:video/mp4;base64,...`, up to 5MB)" (videoUri field doc). */
const DATA_URI_MAX = 5_000_000;

export function alephIssues(b: Record<string, unknown>): string[] {
  const issues: string[] = [];
  if (b.model !== 'aleph2') issues.push(`model: Invalid enum value '${String(b.model)}'`);
  for (const k of Object.keys(b)) if (!KEYS.includes(k)) issues.push(`${k}: Unrecognized key`);
  const video = b.videoUri;
  if (typeof video !== 'string') issues.push('videoUri: Required');
  else if (!/^(https:\/\/|runway:\/\/|data:video\/(mp4|quicktime|webm);base64,)/.test(video))
    issues.push('videoUri: Invalid (an HTTPS URL, runway:// upload or video data URI)');
  else if (video.startsWith('data:') && video.length > DATA_URI_MAX) issues.push('videoUri: data URI over 5MB');
  if (b.promptText !== undefined && (typeof b.promptText !== 'string' || !b.promptText))
    issues.push('promptText: Expected a non-empty string');
  if (b.keyframes !== undefined) {
    const list = b.keyframes as Record<string, unknown>[];
    if (!Array.isArray(list) || list.length < 1 || list.length > 5) issues.push('keyframes: 1 to 5 items');
    for (const k of Array.isArray(list) ? list : []) {
      if (Object.keys(k).some((x) => !['uri', 'at', 'seconds', 'range'].includes(x)))
        issues.push('keyframes: Unrecognized key');
      if (typeof k.uri !== 'string' || !/^(data:image\/(png|jpeg|webp);base64,|https:\/\/|runway:\/\/)/.test(k.uri))
        issues.push('keyframes.uri: Invalid');
      const at = typeof k.at === 'number' && k.at >= 0 && k.at <= 1;
      const seconds = typeof k.seconds === 'number' && k.seconds >= 0;
      if (at === seconds) issues.push('keyframes: exactly one of at (0-1) or seconds');
    }
  }
  if (
    b.seed !== undefined &&
    !(Number.isInteger(b.seed) && (b.seed as number) >= 0 && (b.seed as number) <= 4294967295)
  )
    issues.push('seed: Invalid');
  if (
    b.targetAspectRatio !== undefined &&
    !['16:9', '4:3', '3:2', '1:1', '2:3', '3:4', '9:16', '21:9'].includes(String(b.targetAspectRatio))
  )
    issues.push('targetAspectRatio: Invalid enum value');
  return issues;
}
