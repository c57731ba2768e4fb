/**
 * The provider × model × feature matrix, generated from the adapters' declared capabilities
 * (README "Providers and models"; `storyboard providers --markdown`). Pure.
 */
import { modelCapabilities, type DurationRule, type ProviderCapabilities } from './capabilities.js';
import { MULTI_SHOT_FINDINGS, type MultiShotCapability } from './multiShot.js';

export interface MatrixProvider {
  id: string;
  label: string;
  offline: boolean;
  capabilities: ProviderCapabilities;
}

const yes = (b: boolean): string => (b ? 'yes' : '—');
const CAMERA = { field: 'provider field', prompt: 'in the prompt', ignored: 'ignored' } as const;

function durations(d: DurationRule): string {
  return d.kind === 'range' ? (d.max > 0 ? `${d.min}–${d.max} s` : 'any') : `${d.values.join(', ')} s`;
}

function multiShot(m: MultiShotCapability | undefined): string {
  return m ? `2–${m.maxShots} shots, ${m.minTotalSec}–${m.maxTotalSec} s` : '—';
}

/** Text → video: a reference-only model makes video from the prompt only beside its reference pictures. */
function textCell(c: ProviderCapabilities): string {
  return c.textToVideo && c.needsReferences ? 'with references only' : yes(c.textToVideo);
}

function referencesCell(c: ProviderCapabilities): string {
  if (c.referenceImagesMax <= 0) return '—';
  if (c.needsReferences === 'always')
    return `${c.referenceImagesMax === 1 ? '1' : `1–${c.referenceImagesMax}`}, required`;
  if (c.needsReferences) return `up to ${c.referenceImagesMax}, required without a first frame`;
  return `up to ${c.referenceImagesMax}`;
}

function list(v: readonly string[] | 'any'): string {
  return v === 'any' ? 'any' : v.join(', ');
}

/** A Markdown table: one row per provider model (or one per provider that lists none). */
export function capabilityMatrixMarkdown(providers: readonly MatrixProvider[]): string {
  const head =
    '| Provider | Model | Text → video | First frame | Last frame | Reference images | Extend | Video in | Audio | Camera moves | Multi-shot | Durations | Aspects | Resolutions |';
  const rule = '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|';
  const rows = [...providers]
    .sort((a, b) => a.id.localeCompare(b.id))
    .flatMap((p) => {
      const models = p.capabilities.models.length > 0 ? p.capabilities.models : [{ id: '', label: '(default)' }];
      return models.map((m) => {
        const c = modelCapabilities(p.capabilities, m.id || null);
        const model = m.id ? `\`${m.id}\`${'note' in m && m.note ? ` (${m.note})` : ''}` : m.label;
        const provider = `${p.label} (\`${p.id}\`)`;
        return `| ${provider} | ${model} | ${textCell(c)} | ${yes(c.imageToVideo)} | ${yes(c.lastFrame)} | ${referencesCell(c)} | ${yes(c.extend)} | ${c.videoInput ?? '—'} | ${yes(c.audio)} | ${CAMERA[c.cameraMoves ?? 'ignored']} | ${multiShot(c.multiShot)} | ${durations(c.durations)} | ${list(c.aspects)} | ${list(c.resolutions)} |`;
      });
    });
  return [head, rule, ...rows].join('\n');
}

/** The rules models declare (ProviderModel.rules), one line each with its source. */
function ruleNotes(providers: readonly MatrixProvider[]): string[] {
  return [...providers]
    .sort((a, b) => a.id.localeCompare(b.id))
    .flatMap((p) =>
      p.capabilities.models.flatMap((m) =>
        (m.rules ?? []).map(
          (r) =>
            `- **\`${m.id}\` (\`${p.id}\`):** ${r.rule} Source: ${r.source} (${r.firstParty ? 'first-party' : 'secondary'}).`,
        ),
      ),
    );
}

/** The table, then why the models without multi-shot have none (MULTI_SHOT_FINDINGS), then the models' rules, with sources. */
export function capabilitySection(providers: readonly MatrixProvider[]): string {
  const notes = MULTI_SHOT_FINDINGS.map(
    (f) => `- **Multi-shot, \`${f.provider}\`: no.** ${f.finding} Source: ${f.source}.`,
  );
  return [capabilityMatrixMarkdown(providers), '', ...notes, ...ruleNotes(providers)].join('\n');
}

export const MATRIX_START = '<!-- capability-matrix:start (generated: npm run docs:capabilities) -->';
export const MATRIX_END = '<!-- capability-matrix:end -->';

/** `readme` with the text between the markers replaced by `table`; throws when markers are missing. */
export function replaceMatrix(readme: string, table: string): string {
  const start = readme.indexOf(MATRIX_START);
  const end = readme.indexOf(MATRIX_END);
  if (start < 0 || end < start) throw new Error('README has no capability-matrix markers');
  return `${readme.slice(0, start + MATRIX_START.length)}\n${table}\n${readme.slice(end)}`;
}
