import { describe, expect, it } from 'vitest';
import { ProbeJsonSplitter } from '../../../shared/media/probeStream.js';

/** ffprobe's compact JSON as it prints it: packets first (one may span lines), then streams and format. */
const ANSWER = `{
    "packets": [
        { "stream_index": 1, "pts": -1024, "dts": -1024, "duration": 1024, "flags": "KD",
            "side_data_list": [
                {  }
            ] },
        { "stream_index": 0, "pts": 0, "dts": 0, "duration": 512, "flags": "K_" },
        { "stream_index": 0, "pts": 512, "dts": 512, "duration": 512, "flags": "__" }
    ],
    "streams": [
        { "index": 0, "codec_type": "video", "tags": { "title": "a \\"quoted\\" [name] {x}" } }
    ],
    "format": { "format_name": "mov,mp4", "duration": "36000.0" }
}
`;

function split(chunkSize: number): { packets: unknown[]; rest: unknown } {
  const packets: unknown[] = [];
  const s = new ProbeJsonSplitter((p) => packets.push(p));
  for (let i = 0; i < ANSWER.length; i += chunkSize) s.push(ANSWER.slice(i, i + chunkSize));
  return { packets, rest: JSON.parse(s.rest() ?? 'null') };
}

describe('ProbeJsonSplitter', () => {
  it('hands out each packet and keeps the rest with an empty packets array, however the output is chunked', () => {
    const whole = JSON.parse(ANSWER) as { packets: unknown[] };
    for (const size of [1, 2, 3, 7, 64, ANSWER.length]) {
      const { packets, rest } = split(size);
      expect(packets, `chunks of ${size}`).toEqual(whole.packets);
      expect(rest, `chunks of ${size}`).toEqual({ ...whole, packets: [] });
    }
  });

  it('refuses to keep more than its bound of non-packet JSON', () => {
    const s = new ProbeJsonSplitter(() => {}, 100);
    s.push(`{"streams": [${'{"a": 1},'.repeat(50)}{}]}`);
    expect(s.overflow).toBe(true);
    expect(s.rest()).toBeNull();
  });
});
