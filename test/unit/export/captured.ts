/**
 * Real ffprobe output captured with Debian ffmpeg 5.1.9 (file names replaced), for the pure
 * stream-copy parsers:
 *   clip-facts-ai-horse-720x480-8fps.json    clipFactsArgs() on the real AI clip (no B-frame reordering)
 *   clip-facts-x264-320x240-24fps-aac.json   clipFactsArgs() on an x264 veryfast clip (B-frames) + AAC
 *   copy-output-2x24-{streams.json,packets.csv}   the streams/format JSON and the video packets' "pts,dts"
 *     lines of a good copy of that clip twice (48 frames at 24 fps), for copyOutputProblem()
 *   copy-output-2x24-probe.json   outputProbeArgs() on a stream-copy export of such a clip twice
 *   copy-output-shifted-*   the same join made without declaring the concat stream: video starts 21 ms late
 *   clip-facts-all-streams-320x240-24fps-aac.json   clipFactsArgs() today (every stream's packets) on a
 *     1 s x264 + AAC clip (syncFixtures.ts markedClip)
 *   copy-output-audio-copied-2x24-probe.json   outputProbeArgs() on the join of that clip twice with
 *     its AAC copied (the video list and audioConcatList(), -copyts, as concat.ts builds it)
 *   import-probe-ai-horse-720x480-8fps.json   probeArgs(path, { packets: true }) (the import's one probe,
 *     shared/media/probe.ts) on the real AI clip
 */
import { readFileSync } from 'node:fs';
import { parseClipFacts, type ClipVideoFacts } from '../../../shared/export/copyFacts.js';

export function captured(name: string): string {
  return readFileSync(new URL(`./captured/${name}`, import.meta.url), 'utf8');
}

export function capturedJson(name: string): unknown {
  return JSON.parse(captured(name));
}

export function horseFacts(): ClipVideoFacts {
  const facts = parseClipFacts(capturedJson('clip-facts-ai-horse-720x480-8fps.json'));
  if (!facts) throw new Error('captured horse facts did not parse');
  return facts;
}
