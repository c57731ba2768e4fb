/**
 * The implicit AI label of a deliverable: what in the cut was made by an AI model, written as
 * MP4/MOV metadata (ffmpeg -metadata, readable with ffprobe) and as an XMP packet with the IPTC
 * digital source type (readable with exiftool and every XMP reader). China's labelling measures
 * (2025) ask for an implicit label in the file's metadata beside the visible one; the EU AI Act
 * art. 50(2) asks for machine-readable marking. Pure.
 */
import type { ProjectSnapshot, Take } from '../model/entities.js';
import type { ExportPlan } from './plan.js';

/** IPTC NewsCodes digital source types (https://cv.iptc.org/newscodes/digitalsourcetype/). */
export const IPTC_TRAINED = 'http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia';
export const IPTC_COMPOSITE = 'http://cv.iptc.org/newscodes/digitalsourcetype/compositeWithTrainedAlgorithmicMedia';

/**
 * Takes from a trained model. Imported clips are the user's own; the offline animatic moves the
 * user's picture or draws a card with plain code, no trained model.
 */
const NOT_AI = new Set(['import', 'animatic']);
export function isAiTake(take: Pick<Take, 'provider'>): boolean {
  return !NOT_AI.has(take.provider);
}

export interface CutAiFacts {
  shots: number;
  generatedShots: number;
  providers: string[];
  models: string[];
  /** IPTC type: every picture generated -> trainedAlgorithmicMedia; some -> composite; none -> null. */
  digitalSourceType: string | null;
}

export function cutAiFacts(
  doc: Pick<ProjectSnapshot, 'takes' | 'audioItems'>,
  plan: Pick<ExportPlan, 'clips'>,
): CutAiFacts {
  const takes = new Map(doc.takes.map((t) => [t.id, t]));
  const providers = new Set<string>();
  const models = new Set<string>();
  let generated = 0;
  for (const clip of plan.clips) {
    const take = takes.get(clip.takeId);
    if (!take || !isAiTake(take)) continue;
    generated += 1;
    providers.add(take.provider);
    if (take.model) models.add(`${take.provider}/${take.model}`);
  }
  // Music, voice-over or sound the user added make the whole a composite even when every picture is generated.
  const allGenerated = generated === plan.clips.length && doc.audioItems.length === 0;
  return {
    shots: plan.clips.length,
    generatedShots: generated,
    providers: [...providers].sort(),
    models: [...models].sort(),
    digitalSourceType: generated === 0 ? null : allGenerated ? IPTC_TRAINED : IPTC_COMPOSITE,
  };
}

/** Tool name written into the files: "Storyboard <version>". */
export function toolName(version: string): string {
  return `Storyboard ${version}`;
}

/**
 * -metadata pairs for the deliverable (written with -movflags use_metadata_tags, so custom keys
 * survive as mdta items, https://ffmpeg.org/ffmpeg-formats.html#Options-10). Every value is one
 * argv element: no shell, no escaping.
 */
export function aiMetadataArgs(facts: CutAiFacts, title: string, tool: string): string[] {
  const tags: [string, string][] = [
    ['title', title],
    ['encoder_tool', tool],
  ];
  if (facts.digitalSourceType) {
    tags.push(
      ['ai_generated', 'true'],
      ['digital_source_type', facts.digitalSourceType],
      ['ai_providers', facts.providers.join(', ')],
      ['ai_models', facts.models.join(', ')],
      ['ai_generated_shots', `${facts.generatedShots}/${facts.shots}`],
      [
        'comment',
        `Contains AI-generated video (${facts.generatedShots} of ${facts.shots} shots; ${facts.providers.join(', ')}). Made with ${tool}.`,
      ],
    );
  } else {
    tags.push(['ai_generated', 'false'], ['comment', `Made with ${tool}.`]);
  }
  return tags.flatMap(([k, v]) => ['-metadata', `${k}=${v}`]);
}

function xml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function bag(ns: string, name: string, items: readonly string[]): string {
  if (items.length === 0) return '';
  return `   <${ns}:${name}><rdf:Bag>${items.map((i) => `<rdf:li>${xml(i)}</rdf:li>`).join('')}</rdf:Bag></${ns}:${name}>\n`;
}

/**
 * The XMP packet (https://www.adobe.com/devnet/xmp.html, ISO 16684-1). IPTC Extension:
 * DigitalSourceType, and AISystemUsed (IPTC Photo Metadata 2025.1) with the models; the
 * providers under our own namespace. No prompts: they may hold private data.
 */
export function xmpPacket(facts: CutAiFacts, title: string, tool: string, createdAt: string): string {
  const ns =
    'xmlns:Iptc4xmpExt="http://iptc.org/std/Iptc4xmpExt/2008-02-29/" xmlns:xmp="http://ns.adobe.com/xap/1.0/" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:sbprov="https://storyboard.app/ns/provenance/1.0/"';
  const attrs = [
    `xmp:CreatorTool="${xml(tool)}"`,
    `xmp:CreateDate="${xml(createdAt)}"`,
    ...(facts.digitalSourceType ? [`Iptc4xmpExt:DigitalSourceType="${facts.digitalSourceType}"`] : []),
    `sbprov:GeneratedShots="${facts.generatedShots}"`,
    `sbprov:Shots="${facts.shots}"`,
  ].join('\n    ');
  return `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about="" ${ns}
    ${attrs}>
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">${xml(title)}</rdf:li></rdf:Alt></dc:title>
${bag('Iptc4xmpExt', 'AISystemUsed', facts.models.length > 0 ? facts.models : facts.providers)}${bag('sbprov', 'Providers', facts.providers)}  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>`;
}

/** The XMP uuid of ISO BMFF files (Adobe XMP Specification Part 3, §1.1.4 "MP4"). */
const XMP_UUID = [0xbe, 0x7a, 0xcf, 0xcb, 0x97, 0xa9, 0x42, 0xe8, 0x9c, 0x71, 0x99, 0x94, 0x91, 0xe3, 0xaf, 0xac];

/**
 * The header of a top-level `uuid` box holding a packet of `bodyBytes` UTF-8 bytes (the caller
 * appends the bytes). Appended after the last box it moves no sample (chunk offsets point into
 * mdat, which stays where it is), so the file plays as before.
 */
export function xmpBoxHeader(bodyBytes: number): Uint8Array {
  const size = 8 + 16 + bodyBytes;
  if (!Number.isInteger(bodyBytes) || bodyBytes < 0 || size > 0xffffffff)
    throw new RangeError(`bad XMP size ${bodyBytes}`);
  const box = new Uint8Array(24);
  new DataView(box.buffer).setUint32(0, size);
  box.set([0x75, 0x75, 0x69, 0x64], 4); // 'uuid'
  box.set(XMP_UUID, 8);
  return box;
}
