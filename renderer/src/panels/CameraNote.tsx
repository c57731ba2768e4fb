/**
 * The note beside the shot's camera picker when its model ignores camera moves (capabilities
 * `cameraMoves` absent or 'ignored': e.g. a ComfyUI workflow that does not map the `camera`
 * input). Providers that take the move — as their own field or as words in the prompt — show none.
 */
import { useTranslation } from 'react-i18next';
import { cameraHandling } from '../../../shared/generation/capabilities';
import type { Shot } from '../../../shared/model/entities';
import type { ShotProvider } from './ShotProviderFields';

/** The translated note, or undefined when the shot's model takes camera moves (or is unknown). */
export function useCameraNote(shot: Shot, { caps, label }: ShotProvider): string | undefined {
  const { t } = useTranslation();
  if (!caps || cameraHandling(caps, shot.model) !== 'ignored') return undefined;
  return t('cameraMoves.ignored', { provider: label });
}
