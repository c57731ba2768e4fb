/**
 * Translated shot-clip labels ("Shot 12", "4.0 s", "Generated"), made once per text and
 * language: t is a new function when the language changes, so the labels are made again then.
 * A clip mounting as the view pans looks its labels up instead of calling i18next's t, which
 * costs more than the rest of the clip's render.
 */
import type { TFunction } from 'i18next';

const byT = new WeakMap<TFunction, Map<string, string>>();

export function clipLabel(t: TFunction, key: string, values?: Record<string, string | number>): string {
  let labels = byT.get(t);
  if (!labels) {
    labels = new Map();
    byT.set(t, labels);
  }
  const id = values ? `${key}|${JSON.stringify(values)}` : key;
  let label = labels.get(id);
  if (label === undefined) {
    label = values ? t(key, values) : t(key);
    labels.set(id, label);
  }
  return label;
}
