import { describe, expect, it } from 'vitest';
import { exportTempPath, isExportTempName } from '../../../electron/services/export/tempPath.js';

describe('export temp path', () => {
  it('is a hidden file beside the target, named after it and the run', () => {
    expect(exportTempPath('/videos/my cut.mp4', 'abc')).toBe('/videos/.my cut.mp4.abc.sbtmp');
  });

  it('stays under the 255-byte file name limit for long Unicode names', () => {
    const name = `${'镜头'.repeat(80)}.mp4`; // 484 bytes in UTF-8
    const temp = exportTempPath(`/v/${name}`, '0123456789abcdef0123456789abcdef0123');
    const base = temp.slice('/v/'.length);
    expect(Buffer.byteLength(base)).toBeLessThanOrEqual(255);
    expect(base.startsWith('.镜头镜头')).toBe(true);
    expect(base.endsWith('.0123456789abcdef0123456789abcdef0123.sbtmp')).toBe(true);
    expect(base).not.toContain('\uFFFD');
  });

  it('recognises only our temp names (the sweeper deletes nothing else)', () => {
    expect(isExportTempName(exportTempPath('/v/a.mp4', 'id'))).toBe(true);
    expect(isExportTempName('/home/me/thesis.docx')).toBe(false);
    expect(isExportTempName('/home/me/visible.sbtmp')).toBe(false);
    expect(isExportTempName('/home/me/.sbtmp')).toBe(false);
  });
});
