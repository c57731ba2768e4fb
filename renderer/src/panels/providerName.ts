/**
 * A provider's name in the UI's language: the translation under providers.<id> when there is
 * one (it already says "offline" / "local GPU"), else the adapter's own label (a brand name,
 * kept as is) with the translated "local" mark for offline providers. One name per provider
 * and language: never "Animatic (offline)" beside "动态分镜（离线）".
 */
import type { TFunction } from 'i18next';

export function providerName(
  t: TFunction,
  p: { id: string; label: string; offline?: boolean },
  exists: (key: string) => boolean,
): string {
  const key = `providers.${p.id}`;
  if (exists(key)) return t(key);
  return p.offline ? `${p.label} · ${t('generate.offline')}` : p.label;
}
