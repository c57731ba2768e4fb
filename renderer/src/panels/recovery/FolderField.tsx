/** A folder path typed by the user (a monospace text field). */
interface Props {
  value: string;
  onChange(value: string): void;
  testId?: string;
  placeholder?: string;
}

export function FolderField({ value, onChange, testId, placeholder }: Props) {
  return (
    <input
      value={value}
      onChange={(e) => onChange(e.target.value)}
      spellCheck={false}
      className="mono"
      placeholder={placeholder}
      data-testid={testId}
    />
  );
}
