/**
 * @module
 * Field paths in the dossier spec's notation: `bids[2].scores.K1`, counted from 0.
 */

/**
 * @example formatFieldPath(['bids', 2, 'scores', 'K1']) // "bids[2].scores.K1"
 */
export function formatFieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

/** Joins a prefix (`dossier`) and a path (`bids[0].price`, `[1]` or empty). */
export function prefixFieldPath(prefix: string, path: string): string {
  if (path === '') return prefix;
  if (prefix === '') return path;
  return path.startsWith('[') ? `${prefix}${path}` : `${prefix}.${path}`;
}
