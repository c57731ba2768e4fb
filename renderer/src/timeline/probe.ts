/**
 * Render counting for the UI-2 benchmark (quality.md): components call noteRender; it costs
 * one boolean check unless a bench page turned it on.
 */
export const renderProbe = {
  enabled: false,
  counts: new Map<string, number>(),
};

export function noteRender(name: string): void {
  if (!renderProbe.enabled) return;
  renderProbe.counts.set(name, (renderProbe.counts.get(name) ?? 0) + 1);
}
