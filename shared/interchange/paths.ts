/**
 * Where a hand-off file points at the project's media. Writers get the project folder as an
 * absolute path (`root`) and join the assets' relative paths to it with forward slashes, or
 * keep them relative when the file travels with the media (collect). Pure string work: a
 * Windows root (C:\… or \\server\…) keeps working because every separator becomes '/'.
 */

/** `root` + `rel` with one '/' between; `root` '' keeps `rel` relative. */
export function mediaPath(root: string, rel: string): string {
  if (!root) return rel;
  return `${root.replace(/[\\/]+$/, '').replace(/\\/g, '/')}/${rel.replace(/^\/+/, '')}`;
}

/**
 * A file URL for an absolute path (RFC 8089): percent-encoded per segment so spaces, '#' and
 * CJK names survive; a drive letter gets the third slash (file:///C:/…). A relative path stays a
 * relative URL reference.
 */
export function fileUrl(path: string): string {
  const p = path.replace(/\\/g, '/');
  const encoded = p
    .split('/')
    .map((seg, i) => (i === 0 && /^[A-Za-z]:$/.test(seg) ? seg : encodeURIComponent(seg)))
    .join('/');
  if (p.startsWith('/')) return `file://${encoded}`;
  if (/^[A-Za-z]:\//.test(p)) return `file:///${encoded}`;
  return encoded;
}
