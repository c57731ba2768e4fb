/**
 * The foot of every take-run dialog (bridge, chain extend / long take, upscale): the error of
 * its place, the estimate against the budget until a run starts, the run's progress once it
 * has, and the dialog's action buttons.
 */
import type { ReactNode } from 'react';
import type { BatchEstimate } from '../../../../shared/api/contract';
import { ErrorMessage } from '../../components/ErrorMessage';
import type { Place } from '../../store/state';
import { GenerateEstimate } from '../GenerateEstimate';

export interface TakeRunProgress {
  testId: string;
  state: string;
  max: number;
  value: number;
  text: string;
}

export function TakeRunFooter({
  place,
  estimate,
  labels,
  progress,
  children,
}: {
  place: Place;
  /** Shown while no run is under way; null or undefined while none has come yet. */
  estimate: BatchEstimate | null | undefined;
  labels: Record<string, string>;
  progress?: TakeRunProgress | null;
  children: ReactNode;
}) {
  return (
    <>
      <ErrorMessage place={place} />
      {!progress && estimate && <GenerateEstimate estimate={estimate} labels={labels} />}
      {progress && (
        <div className="take-run-progress" data-testid={progress.testId} data-state={progress.state}>
          <progress max={progress.max} value={progress.value} />
          <span className="small">{progress.text}</span>
        </div>
      )}
      <div className="row take-run-actions">{children}</div>
    </>
  );
}
