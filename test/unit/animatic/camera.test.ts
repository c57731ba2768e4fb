import { describe, expect, it } from 'vitest';
import { buildAnimaticImageInvocation, cameraPath, perspectiveFilter } from '../../../shared/animatic/camera.js';
import { toArgv } from '../../../shared/ffmpeg/invocation.js';
import { animaticEncodeArgs } from './encodeArgs.js';
import { CAMERA_MOVES } from '../../../shared/model/entities.js';

const base = {
  imagePath: '/p/镜头 100%.png',
  width: 1280,
  height: 720,
  fps: { num: 24, den: 1 },
  frames: 72,
  output: '/t/out.mp4',
};

describe('buildAnimaticImageInvocation', () => {
  it('builds the exact argv of a push-in', () => {
    const inv = buildAnimaticImageInvocation({ ...base, camera: 'push_in', label: 'animatic shot 3' });
    const z = '(1+0.15*on/71)';
    const left = `(W-W/${z})*0.5`;
    const top = `(H-H/${z})*0.5`;
    expect(toArgv(inv)).toEqual([
      '-hide_banner',
      '-nostdin',
      '-y',
      '-f',
      'image2',
      '-pattern_type',
      'none',
      '-i',
      '/p/镜头 100%.png',
      '-filter_complex',
      '[0:v]trim=end_frame=1,' +
        "scale=w='max(1280,ceil(720*dar))':h='max(720,ceil(1280/dar))':flags=lanczos:out_color_matrix=bt709:out_range=tv," +
        'setsar=1,crop=1280:720,format=yuv420p,loop=loop=71:size=1:start=0,setpts=N*1/(24*TB),' +
        `perspective=x0='${left}':y0='${top}':x1='${left}+W/${z}':y1='${top}':` +
        `x2='${left}':y2='${top}+H/${z}':x3='${left}+W/${z}':y3='${top}+H/${z}':interpolation=linear:eval=frame[v]`,
      '-map',
      '[v]',
      '-an',
      '-frames:v',
      '72',
      '-r',
      '24',
      ...animaticEncodeArgs({ still: false }),
      '/t/out.mp4',
    ]);
    expect(inv.label).toBe('animatic shot 3');
    expect(inv.durationSec).toBe(3);
  });

  it('static: no move, still-image tuning, NTSC rate kept rational', () => {
    const inv = buildAnimaticImageInvocation({
      ...base,
      camera: 'static',
      width: 1080,
      height: 1920,
      fps: { num: 30000, den: 1001 },
      frames: 90,
    });
    expect(inv.filterComplex).not.toContain('perspective');
    expect(inv.filterComplex).toContain('setpts=N*1001/(30000*TB)');
    expect(inv.filterComplex).toContain("scale=w='max(1080,ceil(1920*dar))':h='max(1920,ceil(1080/dar))'");
    expect(inv.outputOptions).toEqual(expect.arrayContaining(['-tune', 'stillimage']));
    expect(inv.outputOptions.slice(inv.outputOptions.indexOf('-r'), inv.outputOptions.indexOf('-r') + 2)).toEqual([
      '-r',
      '30000/1001',
    ]);
    expect(inv.durationSec).toBeCloseTo(3.003, 6);
  });

  it('moving shots are not tuned for stills', () => {
    for (const camera of CAMERA_MOVES.filter((c) => c !== 'static')) {
      const inv = buildAnimaticImageInvocation({ ...base, camera });
      expect(inv.filterComplex, camera).toContain('perspective=');
      expect(inv.outputOptions, camera).not.toContain('stillimage');
    }
  });

  it('rejects odd output sizes and empty shots', () => {
    expect(() => buildAnimaticImageInvocation({ ...base, camera: 'static', width: 1279 })).toThrow(/even/);
    expect(() => buildAnimaticImageInvocation({ ...base, camera: 'static', frames: 0 })).toThrow(/frame count/);
  });

  it('a one-frame shot has no loop copies and no division by zero', () => {
    const inv = buildAnimaticImageInvocation({ ...base, camera: 'pan_left', frames: 1 });
    expect(inv.filterComplex).toContain('loop=loop=0:');
    expect(inv.filterComplex).toContain('on/1)');
  });
});

describe('camera paths', () => {
  it('moves in the named direction', () => {
    expect(cameraPath('push_in').zoom).toEqual([1, 1.15]);
    expect(cameraPath('pull_out').zoom).toEqual([1.15, 1]);
    expect(cameraPath('pan_left').x).toEqual([1, 0]);
    expect(cameraPath('pan_right').x).toEqual([0, 1]);
    expect(cameraPath('tilt_up').y).toEqual([1, 0]);
    expect(cameraPath('tilt_down').y).toEqual([0, 1]);
    for (const c of ['pan_left', 'pan_right', 'tilt_up', 'tilt_down'] as const)
      expect(cameraPath(c).zoom).toEqual([1.2, 1.2]);
  });

  it('pan expressions travel the whole spare width at a fixed zoom', () => {
    const f = perspectiveFilter(cameraPath('pan_right'), 49) ?? '';
    expect(f).toContain("x0='(W-W/1.2)*(0+1*on/48)'");
    expect(f).toContain("y0='(H-H/1.2)*0.5'");
    const l = perspectiveFilter(cameraPath('pan_left'), 49) ?? '';
    expect(l).toContain("x0='(W-W/1.2)*(1-1*on/48)'");
  });
});
