/** A button bound to an action: disabled when the action can't run or its place is busy. */
import type { ActionId } from '../actions';
import type { ActionPayloads } from '../actions/payloads';
import { useAction } from '../app/context';

interface Props<Id extends ActionId> {
  action: Id;
  payload: ActionPayloads[Id];
  variant?: 'primary' | 'secondary' | 'danger' | 'ghost';
  /** Shown instead of the action's own label. */
  label?: string;
  busyLabel?: string;
  testId?: string;
  type?: 'button' | 'submit';
  className?: string;
}

export function ActionButton<Id extends ActionId>({
  action,
  payload,
  variant = 'secondary',
  label,
  busyLabel,
  testId,
  type = 'button',
  className,
}: Props<Id>) {
  const a = useAction(action, payload);
  return (
    <button
      type={type}
      className={`btn btn-${variant}${className ? ` ${className}` : ''}`}
      disabled={!a.enabled}
      aria-busy={a.busy}
      title={a.title}
      aria-label={label !== undefined && label !== a.label ? a.label : undefined}
      data-testid={testId}
      onClick={type === 'button' ? () => void a.run() : undefined}
    >
      {a.busy && busyLabel ? busyLabel : (label ?? a.label)}
    </button>
  );
}
