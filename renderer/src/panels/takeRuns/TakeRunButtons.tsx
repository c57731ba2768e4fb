/**
 * New footage from footage, where the footage is: on a take, "Extend from last frame…" and
 * "Long take…" (its shot's selected clip, any model that starts from a picture) and "Upscale…";
 * on the shot, "Insert bridge shot after" (when a shot follows it). Each opens its dialog
 * through the action registry; the dialogs show the estimate before anything is sent.
 */
import { useTranslation } from 'react-i18next';
import type { Take } from '../../../../shared/model/entities';
import { ActionButton } from '../../components/ActionButton';
import { useAppState } from '../../app/context';
import { canChain } from '../../actions/takeRunActions';
import { bridgeAfter } from '../../actions/bridgeActions';

export function TakeRunButtons({ take }: { take: Take }) {
  const { t } = useTranslation();
  const chainable = useAppState((s) => canChain(s, take.id));
  if ((take.kind ?? 'video') !== 'video') return null;
  return (
    <>
      {chainable && (
        <>
          <ActionButton action="chain.open" payload={{ takeId: take.id }} variant="ghost" testId="chain-take" />
          <ActionButton
            action="chain.open"
            payload={{ takeId: take.id, long: true }}
            label={t('chain.openLong')}
            variant="ghost"
            testId="long-take"
          />
        </>
      )}
      <ActionButton action="upscale.open" payload={{ takeId: take.id }} variant="ghost" testId="upscale-take" />
    </>
  );
}

export function BridgeButton({ shotId }: { shotId: string }) {
  const can = useAppState((s) => bridgeAfter(s, shotId) !== null);
  if (!can) return null;
  return <ActionButton action="bridge.open" payload={{ afterShotId: shotId }} variant="ghost" testId="insert-bridge" />;
}
