/** The timeline's zoom slider: logarithmic from the whole of a 500-shot film to single frames. */
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { actions, runAction } from '../actions';
import { useAppContext } from '../app/context';
import { MAX_PX_PER_FRAME, MIN_PX_PER_FRAME } from '../timeline/geometry';
import { viewport } from '../store/uiEditor';

const LO = Math.log(MIN_PX_PER_FRAME);
const HI = Math.log(MAX_PX_PER_FRAME);
const STEPS = 1000;

export const zoomToSlider = (pxPerFrame: number) => Math.round(((Math.log(pxPerFrame) - LO) / (HI - LO)) * STEPS);
export const sliderToZoom = (v: number) => Math.exp(LO + (v / STEPS) * (HI - LO));

export function ZoomSlider({ disabled }: { disabled: boolean }) {
  const { t } = useTranslation();
  const ctx = useAppContext();
  const value = useStore(viewport, (s) => zoomToSlider(s.pxPerFrame));
  return (
    <input
      type="range"
      className="zoom-slider"
      min={0}
      max={STEPS}
      step={1}
      value={value}
      disabled={disabled}
      aria-label={t('workspace.zoom')}
      data-testid="zoom-slider"
      onChange={(e) =>
        void runAction(ctx, actions['timeline.zoomTo'], { pxPerFrame: sliderToZoom(Number(e.target.value)) })
      }
    />
  );
}
