/**
 * "You can't write there", whoever finds it: the file system's EACCES / EPERM (permissions) and
 * EROFS (a read-only file system: even root is refused), and SQLite's CANTOPEN / READONLY / PERM
 * when it cannot make its file in the folder (https://www.sqlite.org/rescode.html#cantopen).
 * Callers turn it into one translated sentence naming the folder (serviceErrors.*ReadOnly).
 */
export function isNotWritable(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return false;
  return code === 'EACCES' || code === 'EPERM' || code === 'EROFS' || /^SQLITE_(CANTOPEN|READONLY|PERM)/.test(code);
}
