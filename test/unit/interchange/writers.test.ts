/**
 * The hand-off writers against the cut they come from: OTIO timings and schema fields, EDL
 * record timecodes, JianYing microseconds, MLT playlist lengths, FCPXML structure, and the
 * edit-point arithmetic they share.
 */
import { describe, expect, it } from 'vitest';
import { create } from 'xmlbuilder2';
import { buildHandoffCut, editPoints } from '../../../shared/interchange/handoffCut.js';
import { edlTimecode, writeEdl } from '../../../shared/interchange/edl.js';
import { fcpTime, writeFcpxml } from '../../../shared/interchange/fcpxml.js';
import { writeJianyingDraft } from '../../../shared/interchange/jianying.js';
import { draftId, frameToUs } from '../../../shared/interchange/jianyingRecords.js';
import { writeMlt } from '../../../shared/interchange/mlt.js';
import { writeOtio } from '../../../shared/interchange/otio.js';
import { fileUrl, mediaPath } from '../../../shared/interchange/paths.js';
import { cutFrames, cutList } from '../../../shared/model/timeline.js';
import { handoffDoc } from './handoffDoc.js';

const doc = handoffDoc();
const cut = buildHandoffCut(doc);

describe('the hand-off cut', () => {
  it('is the MP4 cut: same clips, starts and length', () => {
    const timeline = cutList(doc);
    expect(cut.totalFrames).toBe(cutFrames(timeline));
    expect(cut.totalFrames).toBe(96 + 72 + 120 - 12 - 8);
    expect(cut.clips.map((c) => [c.startFrame, c.frames, c.overlap])).toEqual(
      timeline.map((c) => [c.startFrame, c.frames, c.overlap]),
    );
    expect(cut.clips[1]?.alternates.map((a) => a.takeId)).toEqual(['take-alt']);
    expect(buildHandoffCut(doc, { cutOnly: true }).clips[1]?.alternates).toEqual([]);
    expect(cut.audio).toMatchObject([{ lane: 'music', startFrame: 24, frames: 120, gainDb: -6 }]);
  });

  it.each(['center', 'start'] as const)('edit points (%s) tile the timeline end to end', (align) => {
    const points = editPoints(cut, align);
    let at = 0;
    for (const p of points) {
      expect(p.recordIn).toBe(at);
      expect(p.before + p.after).toBe(p.clip.overlap);
      // The visible part plus its handles is exactly the trimmed take.
      expect(p.sourceIn - p.before).toBe(p.clip.inFrames);
      at += p.frames;
    }
    expect(at).toBe(cut.totalFrames);
    const last = points[points.length - 1];
    expect(last && last.sourceIn + last.frames).toBe(last?.clip.outFrames);
  });

  it('refuses a shot without a take with its number', () => {
    const broken = handoffDoc();
    const shot = broken.shots[1];
    if (shot) shot.selectedTakeId = null;
    expect(() => buildHandoffCut(broken)).toThrow(/Shot 2 .*no usable take/);
  });
});

describe('paths and times', () => {
  it('joins and encodes media paths', () => {
    expect(mediaPath('/p/camp 营地/', 'media/a b.mp4')).toBe('/p/camp 营地/media/a b.mp4');
    expect(fileUrl('/p/camp 营地/media/a#b.mp4')).toBe('file:///p/camp%20%E8%90%A5%E5%9C%B0/media/a%23b.mp4');
    expect(fileUrl('C:\\Users\\me\\a.mp4')).toBe('file:///C:/Users/me/a.mp4');
    expect(fcpTime(0, { num: 24, den: 1 })).toBe('0s');
    expect(fcpTime(48, { num: 24, den: 1 })).toBe('2s');
    expect(fcpTime(5, { num: 24, den: 1 })).toBe('5/24s');
    expect(fcpTime(1, { num: 30000, den: 1001 })).toBe('1001/30000s');
    expect(frameToUs(1, { num: 24, den: 1 })).toBe(41667);
    expect(edlTimecode(24 * 3600 + 25, { num: 24, den: 1 })).toBe('01:00:01:01');
    expect(draftId('a')).toMatch(/^[0-9a-f]{32}$/);
    expect(draftId('a')).not.toBe(draftId('b'));
  });
});

/** The fields each OTIO schema serializes (OpenTimelineIO docs: otio-serialized-schema-only-fields.md). */
const OTIO_FIELDS: Record<string, string[]> = {
  'Timeline.1': ['global_start_time', 'metadata', 'name', 'tracks'],
  'Stack.1': ['effects', 'enabled', 'markers', 'metadata', 'name', 'source_range', 'children'],
  'Track.1': ['effects', 'enabled', 'kind', 'markers', 'metadata', 'name', 'source_range', 'children'],
  'Clip.2': [
    'active_media_reference_key',
    'effects',
    'enabled',
    'markers',
    'media_references',
    'metadata',
    'name',
    'source_range',
  ],
  'Gap.1': ['effects', 'enabled', 'markers', 'metadata', 'name', 'source_range'],
  'Transition.1': ['in_offset', 'metadata', 'name', 'out_offset', 'transition_type'],
  'ExternalReference.1': ['available_image_bounds', 'available_range', 'metadata', 'name', 'target_url'],
  'Marker.2': ['color', 'comment', 'marked_range', 'metadata', 'name'],
  'RationalTime.1': ['rate', 'value'],
  'TimeRange.1': ['duration', 'start_time'],
};

type Node = Record<string, unknown>;
function walk(node: unknown, visit: (n: Node) => void): void {
  if (Array.isArray(node)) node.forEach((n) => walk(n, visit));
  else if (node && typeof node === 'object') {
    const n = node as Node;
    if ('OTIO_SCHEMA' in n) visit(n);
    Object.values(n).forEach((v) => walk(v, visit));
  }
}

describe('OTIO', () => {
  const otio = JSON.parse(writeOtio(cut, { root: doc.dir })) as Node;
  const tracks = (otio.tracks as Node).children as Node[];
  const seconds = (t: unknown): number => Number((t as Node).value) / Number((t as Node).rate);

  it('uses only the documented schemas, each with exactly its documented fields', () => {
    const seen = new Set<string>();
    walk(otio, (n) => {
      const schema = String(n.OTIO_SCHEMA);
      seen.add(schema);
      const fields = OTIO_FIELDS[schema];
      expect(fields, schema).toBeDefined();
      expect(
        Object.keys(n)
          .filter((k) => k !== 'OTIO_SCHEMA')
          .sort(),
        schema,
      ).toEqual([...(fields ?? [])].sort());
      if (schema === 'RationalTime.1') expect(Number.isFinite(n.rate) && Number.isFinite(n.value)).toBe(true);
    });
    expect([...seen].sort()).toEqual(Object.keys(OTIO_FIELDS).sort());
  });

  it("has the cut's timings on V1 (transitions take no time) and the shots' notes", () => {
    const v1 = tracks.find((t) => t.name === 'V1');
    const children = (v1?.children ?? []) as Node[];
    const clips = children.filter((c) => c.OTIO_SCHEMA === 'Clip.2');
    const total = clips.reduce((s, c) => s + seconds((c.source_range as Node).duration), 0);
    expect(total).toBeCloseTo(cut.totalFrames / 24, 9);
    const points = editPoints(cut, 'center');
    clips.forEach((c, i) => {
      const p = points[i];
      expect(seconds((c.source_range as Node).start_time)).toBeCloseTo((p?.sourceIn ?? -1) / 24, 9);
      expect(((c.metadata as Node).storyboard as Node).shotId).toBe(p?.clip.shotId);
    });
    const transitions = children.filter((c) => c.OTIO_SCHEMA === 'Transition.1');
    expect(transitions.map((t) => [seconds(t.in_offset) * 24, seconds(t.out_offset) * 24])).toEqual([
      [6, 6],
      [4, 4],
    ]);
    const marker = (clips[1]?.markers as Node[])[0] as Node;
    expect(marker.comment).toContain('Prompt: 夜晚的营地');
    expect(JSON.stringify(clips[1]?.metadata)).toContain('take-alt');
    expect(tracks.map((t) => `${String(t.name)}:${String(t.kind)}`)).toEqual([
      'V1:Video',
      'A1:Audio',
      'Music:Audio',
      'Voice-over:Audio',
      'Sound:Audio',
    ]);
    const a1 = (tracks[1]?.children as Node[]).filter((c) => c.OTIO_SCHEMA !== 'Transition.1');
    expect(a1.reduce((s, c) => s + seconds((c.source_range as Node).duration), 0)).toBeCloseTo(cut.totalFrames / 24, 9);
  });
});

describe('CMX3600 EDL', () => {
  const edl = writeEdl(cut);
  const tc = (s: string): number => {
    const [h, m, sec, f] = s.split(':').map(Number);
    return (((h ?? 0) * 60 + (m ?? 0)) * 60 + (sec ?? 0)) * 24 + (f ?? 0);
  };
  const events = edl
    .split('\n')
    .filter((l) => /^\d{3} /.test(l))
    .map((l) => {
      const parts = l.trim().split(/\s+/);
      const codes = parts.slice(-4).map(tc);
      return {
        n: parts[0],
        kind: parts[3],
        srcIn: codes[0] ?? 0,
        srcOut: codes[1] ?? 0,
        recIn: codes[2] ?? 0,
        recOut: codes[3] ?? 0,
      };
    });

  it('has contiguous record timecodes that add up to the cut', () => {
    let at = 24 * 3600;
    for (const e of events) {
      expect(e.recIn).toBe(at);
      expect(e.srcOut - e.srcIn).toBe(e.recOut - e.recIn);
      at = e.recOut;
    }
    expect(at - 24 * 3600).toBe(cut.totalFrames);
    expect(events.map((e) => e.kind)).toEqual(['C', 'C', 'D', 'C', 'D']);
  });

  it('names clips and carries the notes as comments', () => {
    expect(edl).toContain('* FROM CLIP NAME: clip1.mp4');
    expect(edl).toContain('* COMMENT: PROMPT 夜晚的营地，篝火旁的笑声');
    expect(edl).toContain('* EFFECT: DIP TO BLACK');
    expect(edl).toMatch(/^002 {2}AX {7}V {5}D {4}012 /m);
  });
});

describe('JianYing draft', () => {
  const { content, meta } = writeJianyingDraft(cut, {
    root: doc.dir,
    draftPath: '/drafts/camp',
    draftName: 'camp',
    nowSec: 1_700_000_000,
  });
  const tracks = content.tracks as Node[];
  const materials = content.materials as Record<string, Node[]>;

  it("has every clip with integer microsecond in/out, contiguous on the track, and the cut's length", () => {
    const video = tracks.find((t) => t.type === 'video');
    const segments = (video?.segments ?? []) as Node[];
    expect(segments).toHaveLength(3);
    let at = 0;
    const points = editPoints(cut, 'center');
    segments.forEach((s, i) => {
      const target = s.target_timerange as { start: number; duration: number };
      const source = s.source_timerange as { start: number; duration: number };
      for (const v of [target.start, target.duration, source.start, source.duration])
        expect(Number.isInteger(v)).toBe(true);
      expect(target.start).toBe(at);
      expect(source.duration).toBe(target.duration);
      expect(source.start).toBe(frameToUs(points[i]?.sourceIn ?? -1, cut.fps));
      at += target.duration;
      expect(materials.videos?.some((m) => m.id === s.material_id)).toBe(true);
    });
    expect(at).toBe(content.duration);
    expect(content.duration).toBe(frameToUs(cut.totalFrames, cut.fps));
    expect(materials.transitions?.map((t) => t.name)).toEqual(['叠化', '闪黑']);
    expect(segments[0]?.extra_material_refs as string[]).toContain(materials.transitions?.[0]?.id);
    expect(materials.videos?.[0]?.path).toBe('/projects/camp 营地/media/clip0.mp4');
    const music = tracks.find((t) => t.type === 'audio');
    expect((music?.segments as Node[])[0]?.target_timerange).toEqual({ start: 1_000_000, duration: 5_000_000 });
    expect(meta.tm_duration).toBe(content.duration);
  });
});

describe('MLT', () => {
  interface El {
    nodeName: string;
    childNodes: ArrayLike<El>;
    getAttribute(n: string): string | null;
  }
  const root = create(writeMlt(cut, { root: doc.dir })).root().node as unknown as El;
  const kids = (e: El, name: string): El[] => Array.from(e.childNodes).filter((c) => c.nodeName === name);
  it("plays the shots for exactly the cut's frames, with Shotcut-style transition tractors", () => {
    const v1 = kids(root, 'playlist').find((p) => p.getAttribute('id') === 'v1');
    const entries = v1 ? kids(v1, 'entry') : [];
    const length = entries.reduce((s, e) => s + Number(e.getAttribute('out')) - Number(e.getAttribute('in')) + 1, 0);
    expect(length).toBe(cut.totalFrames);
    expect(entries.map((e) => e.getAttribute('producer'))).toEqual([
      'producer0',
      'transition1',
      'producer1',
      'transition2',
      'producer2',
    ]);
    expect(root.getAttribute('root')).toBe(doc.dir);
    const music = kids(root, 'playlist').find((p) => p.getAttribute('id') === 'audio_music');
    expect(music && kids(music, 'blank')[0]?.getAttribute('length')).toBe('24');
  });
});

describe('FCPXML', () => {
  const xml = writeFcpxml(cut, { root: doc.dir });
  it('declares its version, centres transitions on the edit and holds the alternate take in an audition', () => {
    expect(xml).toContain('<!DOCTYPE fcpxml>');
    expect(xml).toContain('<fcpxml version="1.10">');
    // Shot 2 starts at 84 (96 − 12): the 12-frame dissolve starts there, the edit is at 90.
    expect(xml).toContain('<transition name="Cross Dissolve" offset="7/2s" duration="1/2s">');
    expect(xml).toMatch(
      /<audition offset="15\/4s">\s*<asset-clip ref="a2" name="测试卡" offset="15\/4s" start="1\/4s"/,
    );
    expect(xml).toContain('<audition');
    expect(xml).toContain('Seed: 42');
    expect(xml).toContain('audioRole="music"');
    expect(xml).toContain('file:///projects/camp%20%E8%90%A5%E5%9C%B0/media/clip0.mp4');
  });
});
