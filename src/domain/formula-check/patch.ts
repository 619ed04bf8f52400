/**
 * @module
 * A suggestion's change to the tender as a JSON Patch (RFC 6902) over the dossier, so that
 * the edit page can apply exactly what the check re-checked. Only `add` is used: on an object
 * member it creates the member or replaces its value (RFC 6902, 4.1), which is what setting a
 * field means; paths are JSON Pointers (RFC 6901) such as `/award/priceWeight` or
 * `/criteria/0/minimum`. Array elements are never inserted, only their members set.
 */
import type { FormulaTender } from './formula-tender.js';

export type PatchOperation = { op: 'add'; path: string; value: unknown };

function unescapeToken(token: string): string {
  return token.replace(/~1/g, '/').replace(/~0/g, '~');
}

/**
 * The tender with the patch applied; the input is not changed.
 * @example applyPatch(tender, [{ op: 'add', path: '/award/priceWeight', value: 40 }]).award.priceWeight // 40
 */
export function applyPatch<T extends FormulaTender>(tender: T, patch: readonly PatchOperation[]): T {
  const copy = structuredClone(tender);
  for (const operation of patch) {
    const tokens = operation.path.split('/').slice(1).map(unescapeToken);
    const key = tokens.pop();
    if (key === undefined) throw new RangeError(`patch path "${operation.path}" names no member`);
    let node: unknown = copy;
    for (const token of tokens) {
      node = Array.isArray(node) ? node[Number(token)] : (node as Record<string, unknown> | undefined)?.[token];
      if (typeof node !== 'object' || node === null) throw new RangeError(`patch path "${operation.path}" does not exist`);
    }
    if (Array.isArray(node)) throw new RangeError(`patch path "${operation.path}" would insert into a list`);
    (node as Record<string, unknown>)[key] = structuredClone(operation.value);
  }
  return copy;
}
