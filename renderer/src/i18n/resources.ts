/**
 * The translations, one JSON file per domain and language: `en/<domain>.json` and
 * `zh-CN/<domain>.json` (core, dialogue, export, …). Each file holds top-level sections that
 * are merged into one tree per language, so every capability adds its own file instead of
 * editing one shared file. Bundled by Vite at build time (a plain JSON import would need the
 * files in tsconfig.web.json's include list).
 */
export type Tree = { [k: string]: string | Tree };

const enFiles = import.meta.glob<Tree>('./en/*.json', { eager: true, import: 'default' });
const zhFiles = import.meta.glob<Tree>('./zh-CN/*.json', { eager: true, import: 'default' });

/** Deep merge; two files defining the same leaf is a mistake the i18n test reports. */
export function mergeTrees(trees: readonly Tree[]): Tree {
  const out: Tree = {};
  for (const tree of trees) {
    for (const [key, value] of Object.entries(tree)) {
      const have = out[key];
      if (typeof value === 'object' && typeof have === 'object') out[key] = mergeTrees([have, value]);
      else out[key] = value;
    }
  }
  return out;
}

function sorted(files: Record<string, Tree>): Tree[] {
  return Object.keys(files)
    .sort()
    .map((name) => files[name]!);
}

export const en: Tree = mergeTrees(sorted(enFiles));
export const zhCN: Tree = mergeTrees(sorted(zhFiles));
/** Per-file trees, for the test that no two files define the same key. */
export const sourceFiles = { en: enFiles, 'zh-CN': zhFiles };

/** Key paths to strings ("a.b.c" -> value), for checks over every translation. */
export function flattenTree(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    if (typeof v === 'string') out.set(prefix + k, v);
    else for (const [kk, vv] of flattenTree(v, `${prefix}${k}.`)) out.set(kk, vv);
  }
  return out;
}
