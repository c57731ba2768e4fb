/**
 * The bounded, streamed packet probe (probeJson.ts) against a hostile ffprobe: a script that
 * prints an endless answer. Through a whole-output buffer such an answer is held up to the
 * buffer's size (64 MiB) before anything is decided; streamed, an endless packet list stops
 * at the packet bound and an endless non-packet answer at PROBE_REST_MAX_CHARS.
 */
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { currentFfPaths } from '../../../electron/services/ffmpeg/binaries.js';
import { probeJsonWithPackets } from '../../../electron/services/media/probeJson.js';
import { tempDir } from '../../helpers/tmp.js';

const dir = tempDir('sb probe json-');

function fakeProbe(name: string, head: string, line: string): string {
  const file = join(dir, name);
  // `yes` repeats its line until the reader goes away (ffprobe is killed at the bound).
  writeFileSync(file, `#!/bin/sh\nprintf '%s' '${head}'\nexec yes '${line}'\n`);
  chmodSync(file, 0o755);
  return file;
}

describe('probeJsonWithPackets', () => {
  it('stops an endless packet list at the bound and answers null (too long), not an error', async () => {
    const ffprobe = fakeProbe('packets.sh', '{"packets":[', '{"stream_index":0,"pts":1,"dts":1},');
    const paths = { ...currentFfPaths(), ffprobe };
    await expect(probeJsonWithPackets('/x/clip.mp4', ['-i', '/x/clip.mp4'], { paths }, 1000)).resolves.toBeNull();
  });

  it('refuses an endless non-packet answer as MEDIA_CORRUPT, naming the file', async () => {
    const ffprobe = fakeProbe('streams.sh', '{"streams":[', '{"index":0,"codec_type":"video"},');
    const paths = { ...currentFfPaths(), ffprobe };
    await expect(probeJsonWithPackets('/x/clip.mp4', ['-i', '/x/clip.mp4'], { paths }, 1000)).rejects.toMatchObject({
      code: 'MEDIA_CORRUPT',
      message: expect.stringContaining('"clip.mp4"'),
    });
  });

  it('puts the packets back into a normal answer', async () => {
    const file = join(dir, 'ok.sh');
    writeFileSync(
      file,
      `#!/bin/sh\nprintf '%s' '{"packets":[{"stream_index":0,"pts":0},{"stream_index":0,"pts":512}],"streams":[{"index":0}]}'\n`,
    );
    chmodSync(file, 0o755);
    const paths = { ...currentFfPaths(), ffprobe: file };
    await expect(probeJsonWithPackets('/x/c.mp4', [], { paths }, 10)).resolves.toEqual({
      packets: [
        { stream_index: 0, pts: 0 },
        { stream_index: 0, pts: 512 },
      ],
      streams: [{ index: 0 }],
    });
  });
});
