/**
 * An accessible progress bar (role=progressbar with aria-valuenow in percent). Spans only, so
 * it may sit inside a button (a shot card).
 */
export function ProgressBar({ value, label, testId }: { value: number; label: string; testId?: string }) {
  const pct = Math.round(Math.min(1, Math.max(0, value)) * 100);
  return (
    <span
      className="progress"
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={pct}
      data-testid={testId}
    >
      <span className="progress-fill" style={{ width: `${pct}%` }} />
    </span>
  );
}
