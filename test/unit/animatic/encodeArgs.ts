/**
 * The H.264 MP4 tail every animatic clip (camera move or title card) ends its argv with, written
 * out here, not imported from shared/animatic/encode.ts, so the tests check the source against
 * an independent list.
 */
export function animaticEncodeArgs(opts: { still: boolean }): string[] {
  return [
    '-c:v',
    'libx264',
    '-preset',
    'veryfast',
    '-crf',
    '18',
    ...(opts.still ? ['-tune', 'stillimage'] : []),
    '-pix_fmt',
    'yuv420p',
    '-colorspace',
    'bt709',
    '-color_primaries',
    'bt709',
    '-color_trc',
    'bt709',
    '-color_range',
    'tv',
    '-movflags',
    '+faststart',
    '-f',
    'mp4',
  ];
}
