import { describe, expect, it } from 'vitest';
import { concatListPath, exportTempPath, isExportTempName } from '../../../electron/services/export/tempPath.js';

describe('concat list path', () => {
  it('sits beside the temp file, derived from it, and is itself a temp name the sweeper may delete', () => {
    const temp = exportTempPath('/videos/my cut 镜头.mp4', 'abc');
    expect(concatListPath(temp)).toBe('/videos/.my cut 镜头.mp4.abc.list.sbtmp');
    expect(isExportTempName(concatListPath(temp))).toBe(true);
  });

  it('stays under the 255-byte name limit for the longest temp names', () => {
    const temp = exportTempPath(`/v/${'镜头'.repeat(80)}.mp4`, '0123456789abcdef0123456789abcdef0123');
    expect(Buffer.byteLength(concatListPath(temp).slice('/v/'.length))).toBeLessThanOrEqual(255);
  });

  it('refuses a path that is not an export temp (never derives a name to delete from arbitrary files)', () => {
    expect(() => concatListPath('/home/me/thesis.docx')).toThrow(RangeError);
  });
});
