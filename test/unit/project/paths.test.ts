import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isSafeRelPath, resolveInProject, toProjectRelative } from '../../../electron/services/project/paths.js';

describe('project-relative paths', () => {
  it('accepts plain relative paths with forward slashes, Unicode, spaces, quotes and %', () => {
    for (const p of ['media/ab/abc.mp4', 'project.db', 'media/镜头 "one" 100%.png', 'a/b/c'])
      expect(isSafeRelPath(p), p).toBe(true);
  });

  it('refuses absolute, drive, backslash, empty, dot and parent segments', () => {
    for (const p of [
      '',
      '/etc/passwd',
      'C:/x',
      'c:x',
      'media\\x.mp4',
      '../x',
      'media/../../x',
      'media/./x',
      'media//x',
      'media/',
      'a\0b',
    ]) {
      expect(isSafeRelPath(p), JSON.stringify(p)).toBe(false);
    }
  });

  it('resolves inside the folder and refuses escapes with FORBIDDEN', () => {
    const dir = '/projects/my film';
    expect(resolveInProject(dir, 'media/ab/c.mp4')).toBe(join(dir, 'media', 'ab', 'c.mp4'));
    expect(() => resolveInProject(dir, '../other/c.mp4')).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
  });

  it('turns an absolute path inside the folder into the stored form', () => {
    const dir = '/projects/my film';
    expect(toProjectRelative(dir, join(dir, 'media', 'x y.mp4'))).toBe('media/x y.mp4');
    expect(() => toProjectRelative(dir, '/elsewhere/x.mp4')).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT' }),
    );
    expect(() => toProjectRelative(dir, dir)).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });
});
