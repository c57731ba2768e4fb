/**
 * What a deliverable is made of, and what the creator did: a provenance sidecar (JSON, per
 * exported file: per shot the provider, model, prompt, seed, time, cost and the human edits)
 * and an authorship report (Markdown and print-ready HTML) listing the creator's own
 * contributions — prompts written, elements drawn or chosen, takes picked among N, trims,
 * order, sound — the evidence copyright offices and courts have weighed for AI-assisted works
 * (US Copyright Office, "Copyright and Artificial Intelligence, Part 2", 2025; Beijing Internet
 * Court, Li v. Liu, 2023). Pure: the service writes the files.
 */
import type { ProjectSnapshot } from '../model/entities.js';
import { framesToSeconds } from '../model/time.js';
import { isAiTake, type CutAiFacts } from './aiLabel.js';
import type { ExportPlan } from './plan.js';

export interface ShotProvenance {
  number: number;
  shotId: string;
  origin: 'generated' | 'imported' | 'animatic';
  provider: string;
  model: string | null;
  prompt: string;
  negativePrompt: string;
  seed: number | null;
  generatedAt: string;
  cost: number | null;
  /** Human edits that shaped this shot in the cut. */
  edits: {
    takesToChooseFrom: number;
    trimmed: boolean;
    inSec: number;
    durationSec: number;
    transitionIn: string;
    elements: string[];
    firstFramePicture: boolean;
  };
}

export interface ProvenanceSidecar {
  format: 'storyboard-provenance/1';
  file: string;
  tool: string;
  exportedAt: string;
  project: { name: string; aspect: string; fps: string };
  digitalSourceType: string | null;
  providers: string[];
  models: string[];
  shots: ShotProvenance[];
  sound: { lane: string; file: string; startSec: number; gainDb: number }[];
}

export function shotProvenance(doc: ProjectSnapshot, plan: Pick<ExportPlan, 'clips' | 'fps'>): ShotProvenance[] {
  const takes = new Map(doc.takes.map((t) => [t.id, t]));
  const shots = new Map(doc.shots.map((s) => [s.id, s]));
  const jobs = new Map(doc.jobs.map((j) => [j.id, j]));
  const elements = new Map(doc.elements.map((e) => [e.id, e]));
  return plan.clips.map((clip) => {
    const take = takes.get(clip.takeId);
    const shot = shots.get(clip.shotId);
    const job = take?.jobId ? jobs.get(take.jobId) : undefined;
    const provider = take?.provider ?? 'import';
    const origin = take && isAiTake(take) ? 'generated' : provider === 'animatic' ? 'animatic' : 'imported';
    const mediaFrames = Math.round((clip.info.durationSec * plan.fps.num) / plan.fps.den);
    return {
      number: clip.number,
      shotId: clip.shotId,
      origin,
      provider,
      model: take?.model ?? null,
      prompt: shot?.prompt ?? '',
      negativePrompt: shot?.negativePrompt ?? '',
      seed: take?.seed ?? null,
      generatedAt: take?.createdAt ?? '',
      cost: job?.costActual ?? take?.cost ?? null,
      edits: {
        takesToChooseFrom: doc.takes.filter((t) => t.shotId === clip.shotId).length,
        trimmed: clip.inFrames > 0 || (clip.info.kind === 'video' && clip.frames < mediaFrames - 1),
        inSec: framesToSeconds(clip.inFrames, plan.fps),
        durationSec: framesToSeconds(clip.frames, plan.fps),
        transitionIn: clip.transition,
        elements: (shot?.elementIds ?? []).map((id) => elements.get(id)?.name ?? id),
        firstFramePicture: (shot?.firstFrameAssetId ?? null) !== null,
      },
    };
  });
}

export function provenanceSidecar(
  doc: ProjectSnapshot,
  plan: Pick<ExportPlan, 'clips' | 'fps'>,
  facts: CutAiFacts,
  file: string,
  tool: string,
  exportedAt: string,
): ProvenanceSidecar {
  const assets = new Map(doc.assets.map((a) => [a.id, a]));
  return {
    format: 'storyboard-provenance/1',
    file,
    tool,
    exportedAt,
    project: {
      name: doc.project.name,
      aspect: doc.project.aspect,
      fps: `${doc.project.fps.num}/${doc.project.fps.den}`,
    },
    digitalSourceType: facts.digitalSourceType,
    providers: facts.providers,
    models: facts.models,
    shots: shotProvenance(doc, plan),
    sound: doc.audioItems.map((a) => ({
      lane: a.lane,
      file: assets.get(a.assetId)?.originalName ?? a.assetId,
      startSec: framesToSeconds(a.startFrame, plan.fps),
      gainDb: a.gainDb,
    })),
  };
}

export interface AuthorshipSection {
  title: string;
  items: string[];
}

/** The creator's contributions, section by section (the same content for Markdown and HTML). */
export function authorshipSections(doc: ProjectSnapshot, shots: readonly ShotProvenance[]): AuthorshipSection[] {
  const prompts = shots.filter((s) => s.prompt.trim()).map((s) => `Shot ${s.number}: “${s.prompt.trim()}”`);
  if (doc.project.stylePrompt.trim()) prompts.unshift(`Project style: “${doc.project.stylePrompt.trim()}”`);
  const elements = doc.elements.map(
    (e) => `${e.name} (${e.kind}, ${e.refAssetIds.length} reference picture${e.refAssetIds.length === 1 ? '' : 's'})`,
  );
  const picks = shots
    .filter((s) => s.edits.takesToChooseFrom > 1)
    .map((s) => `Shot ${s.number}: chose 1 of ${s.edits.takesToChooseFrom} takes`);
  const trims = shots
    .filter((s) => s.edits.trimmed)
    .map((s) => `Shot ${s.number}: from ${s.edits.inSec.toFixed(2)} s, ${s.edits.durationSec.toFixed(2)} s kept`);
  const transitions = shots
    .filter((s) => s.edits.transitionIn !== 'cut')
    .map((s) => `Shot ${s.number}: ${s.edits.transitionIn.replace(/_/g, ' ')} in`);
  const own = shots
    .filter((s) => s.origin !== 'generated')
    .map(
      (s) =>
        `Shot ${s.number}: ${s.origin === 'imported' ? "the creator's own clip" : "animatic from the creator's picture or text"}`,
    );
  const sound = doc.audioItems.map(
    (a) =>
      `${a.lane}: ${doc.assets.find((x) => x.id === a.assetId)?.originalName ?? a.assetId} at ${framesToSeconds(a.startFrame, doc.project.fps).toFixed(2)} s, ${a.gainDb} dB`,
  );
  return [
    { title: 'Prompts written', items: prompts },
    { title: 'Elements drawn or chosen', items: elements },
    { title: 'Takes picked', items: picks },
    { title: 'Trims', items: trims },
    {
      title: 'Order and transitions',
      items: [`${shots.length} shots arranged in this order: ${shots.map((s) => s.number).join(', ')}`, ...transitions],
    },
    { title: 'Own material', items: own },
    { title: 'Sound', items: sound },
  ];
}

export function authorshipMarkdown(
  title: string,
  tool: string,
  at: string,
  sections: readonly AuthorshipSection[],
): string {
  const lines = [`# Authorship report: ${title}`, '', `Made with ${tool}, exported ${at}.`, ''];
  for (const s of sections) {
    lines.push(`## ${s.title}`, '');
    lines.push(...(s.items.length > 0 ? s.items.map((i) => `- ${i}`) : ['- none']), '');
  }
  return lines.join('\n');
}

function html(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Print-ready: A4 margins, no scripts, no external resources. */
export function authorshipHtml(
  title: string,
  tool: string,
  at: string,
  sections: readonly AuthorshipSection[],
): string {
  const body = sections
    .map(
      (s) =>
        `<h2>${html(s.title)}</h2>\n<ul>${(s.items.length > 0 ? s.items : ['none']).map((i) => `<li>${html(i)}</li>`).join('')}</ul>`,
    )
    .join('\n');
  return `<!doctype html>
<html><head><meta charset="utf-8"><title>Authorship report: ${html(title)}</title>
<style>@page{size:A4;margin:18mm}body{font:11pt/1.45 system-ui,"Noto Sans CJK SC",sans-serif;color:#111}h1{font-size:18pt}h2{font-size:13pt;margin-top:1.2em;break-after:avoid}li{break-inside:avoid}</style>
</head><body>
<h1>Authorship report: ${html(title)}</h1>
<p>Made with ${html(tool)}, exported ${html(at)}.</p>
${body}
</body></html>
`;
}
