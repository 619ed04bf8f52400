/**
 * @module
 * RFC 8785 (JCS) canonical JSON through the `canonicalize` package. The package is CommonJS
 * with an ESM-style `export default` typing, which NodeNext reads as `{ default }`; at run
 * time the import is the function itself. This file hides that mismatch in one place.
 */
import canonicalizeImport from 'canonicalize';

type Canonicalize = (input: unknown) => string | undefined;

const canonicalizeFn: Canonicalize =
  typeof canonicalizeImport === 'function' ? (canonicalizeImport as Canonicalize) : (canonicalizeImport as unknown as { default: Canonicalize }).default;

/**
 * @example canonicalJson({ b: 1, a: [true, 'x'] }) // '{"a":[true,"x"],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  const text = canonicalizeFn(value);
  if (text === undefined) throw new TypeError('value has no JSON representation');
  return text;
}
