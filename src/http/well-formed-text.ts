/**
 * @module
 * Refuses JSON bodies with text that is not well-formed Unicode (a lone UTF-16 surrogate,
 * e.g. `"\uD800"`). JSON admits it, but SQLite stores text as UTF-8 and would silently put
 * U+FFFD in its place: the tender would then differ from what was accepted and audited. A
 * clear 400 naming the field is the only honest answer. The parsed body is cached by Hono,
 * so the route's own validation does not parse it again.
 *
 * Also refuses a JSON body that starts with a UTF-8 byte order mark (400 `malformed-json`).
 * RFC 8259 §8.1 forbids sending one and lets a parser choose; the Fetch standard's JSON
 * reading drops it silently, so without this check `\uFEFF{}` would pass as `{}` on a route
 * whose body is all optional (`POST .../consensus/adopt-agreed`) while every other route
 * refused it by chance. One rule for all routes: JSON text starts with JSON.
 */
import type { MiddlewareHandler } from 'hono';
import { AppError } from '../lib/app-error.js';
import { SAFE_METHODS } from './methods.js';
import type { AppEnv } from './types.js';

const LONE_SURROGATE = /\p{Cs}/u;

/** The path of the first ill-formed string (or key); iterative, as bodies may nest deeply. */
function findIllFormed(root: unknown): string | null {
  const stack: [unknown, string][] = [[root, '']];
  while (stack.length > 0) {
    const [value, path] = stack.pop() as [unknown, string];
    if (typeof value === 'string') {
      if (LONE_SURROGATE.test(value)) return path;
    } else if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push([value[i], `${path}[${i}]`]);
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, child] of Object.entries(value).reverse()) {
        const childPath = path === '' ? key : `${path}.${key}`;
        if (LONE_SURROGATE.test(key)) return childPath;
        stack.push([child, childPath]);
      }
    }
  }
  return null;
}

export function rejectIllFormedText(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    // No route reads the body of a GET; reading it would cost a full WHATWG Request.
    if (SAFE_METHODS.has(c.req.method)) return next();
    const type = c.req.header('content-type') ?? '';
    if (!/^application\/(?:[\w.+-]+\+)?json\b/i.test(type)) return next();
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await c.req.arrayBuffer());
    } catch {
      // A body over the limit is the limit's to report, when the route reads it.
      return next();
    }
    if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
      throw new AppError('malformed-json', { detail: 'De JSON begint met een byte-order-markering (BOM); stuur UTF-8 zonder BOM (RFC 8259, par. 8.1).' });
    }
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      // Malformed JSON is the route's validation's to report.
      return next();
    }
    const path = findIllFormed(body);
    if (path !== null) {
      throw new AppError('invalid-input', {
        detail: 'De tekst bevat een ongeldig teken (een losse UTF-16-surrogaat); verwijder of vervang het.',
        errors: [{ path: path === '' ? 'body' : path, message: 'bevat een ongeldig teken (losse surrogaat)' }],
      });
    }
    return next();
  };
}
