/** Merged from the content-type cases of the former Electron and host tests. */
import { describe, expect, it } from 'vitest';
import { contentTypeFor, isServableMedia } from '../../../../electron/services/media/serving/contentTypes.js';

describe('contentTypeFor', () => {
  it.each([
    ['a.mp4', 'video/mp4'],
    ['a.MOV', 'video/quicktime'],
    ['a.webm', 'video/webm'],
    ['a.m4v', 'video/mp4'],
    ['a.mkv', 'video/x-matroska'],
    ['a.png', 'image/png'],
    ['a.jpg', 'image/jpeg'],
    ['a.jpeg', 'image/jpeg'],
    ['a.webp', 'image/webp'],
    ['a.avif', 'image/avif'],
    ['a.wav', 'audio/wav'],
    ['a.mp3', 'audio/mpeg'],
    ['index.html', 'text/html; charset=utf-8'],
    ['assets/index-abc.js', 'text/javascript; charset=utf-8'],
    ['a.CSS', 'text/css; charset=utf-8'],
    ['a.woff2', 'font/woff2'],
    ['notes.txt', 'text/plain; charset=utf-8'],
    ['/My Film 镜头/shot 1.Mp4', 'video/mp4'],
    ['a.bin', 'application/octet-stream'],
    ['noext', 'application/octet-stream'],
    ['.mp4', 'application/octet-stream'],
  ])('%s is %s', (file, type) => {
    expect(contentTypeFor(file)).toBe(type);
  });
});

describe('isServableMedia', () => {
  it('serves video, audio and raster images', () => {
    for (const f of ['/p/media/ab/x.mp4', '/p/a.MOV', '/p/t.jpg', '/p/t.PNG', '/p/s.wav', '/p/m.m4a', '/p/i.webp']) {
      expect(isServableMedia(f)).toBe(true);
    }
  });
  it('refuses what could run script on our origin, and unknown types', () => {
    for (const f of [
      '/p/evil.html',
      '/p/evil.svg',
      '/p/x.js',
      '/p/x.mjs',
      '/p/project.db',
      '/p/noext',
      '/p/x.json',
      '/p/x.css',
    ]) {
      expect(isServableMedia(f)).toBe(false);
    }
  });
});
