/**
 * Escaping of values placed inside a -filter_complex graph. A value such as a font path goes
 * through two parsers, so it is escaped twice, innermost first
 * (https://ffmpeg.org/ffmpeg-filters.html#Notes-on-filtergraph-escaping):
 *  1. the filter's option parser (key=value pairs split on ':'), where \ ' and : are special;
 *  2. the filtergraph parser (filters split on ',' ';' and labels in '[' ']'), where those
 *     and \ ' are special.
 * Windows paths (C:\Users\...) and macOS font names with quotes would otherwise cut the graph.
 */

/** Level 1: a value for one `key=value` option of a filter. */
export function escapeFilterOption(value: string): string {
  return value.replace(/[\\':]/g, (c) => `\\${c}`);
}

/** Level 2: a filter description placed inside a filtergraph. */
export function escapeFilterGraph(text: string): string {
  return text.replace(/[\\'[\],;]/g, (c) => `\\${c}`);
}

/**
 * A literal value for `key=<value>` inside a -filter_complex graph (both levels). Leading and
 * trailing whitespace would be trimmed by the parsers, and control characters have no escape,
 * so such values are rejected: callers pass paths they made themselves.
 */
export function escapeFilterValue(value: string): string {
  if (value.length === 0) throw new Error('An empty value cannot be placed in a filter graph');
  if (/^\s|\s$/.test(value)) throw new Error(`A filter value may not start or end with whitespace: "${value}"`);
  // eslint-disable-next-line no-control-regex -- control characters are exactly what we reject
  if (/[\u0000-\u001f\u007f]/.test(value)) throw new Error('A filter value may not contain control characters');
  return escapeFilterGraph(escapeFilterOption(value));
}
