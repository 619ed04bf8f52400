/**
 * @module
 * Where a redirect may go when the target comes from the request (`/inloggen?terug=...`):
 * only a path of this site. Anything else is an open redirect, which turns a link to our
 * login page into a phishing link that ends on someone else's site.
 *
 * Browsers read a redirect target more loosely than a string test does (WHATWG URL):
 * they drop tabs and newlines anywhere (`/\t/host` is `//host`), read `\` as `/` (`/\host`
 * is `//host`), and `//host` is another host. And a target may be decoded once more by a
 * proxy or by our own form, which sends it back percent-encoded. So a value is accepted only
 * when it, and every percent-decoding of it, starts with exactly one `/` followed by
 * something other than `/` or `\`, holds no control character or backslash, and
 * resolves, as a browser resolves it, to this site.
 */

/** Longer than any path of this site; a long value is a probe, not a page. */
export const MAX_REDIRECT_PATH_LENGTH = 2048;

/** Percent-decodings looked at; each one is a chance for a proxy to decode again. */
const MAX_DECODINGS = 3;

const ORIGIN = 'http://gunningswijzer.invalid';

/**
 * The value when it is a safe path of this site, else `fallback`.
 * @example safeRedirectPath('/aanbestedingen/t1', '/aanbestedingen') // '/aanbestedingen/t1'
 * @example safeRedirectPath('/\\evil.example', '/aanbestedingen') // '/aanbestedingen'
 */
export function safeRedirectPath(value: string | undefined, fallback: string): string {
  if (value === undefined || value.length > MAX_REDIRECT_PATH_LENGTH) return fallback;
  let current = value;
  for (let i = 0; i <= MAX_DECODINGS; i += 1) {
    if (!isLocalPath(current)) return fallback;
    const decoded = decodeOnce(current);
    if (decoded === null) return fallback;
    if (decoded === current) return value;
    current = decoded;
  }
  // Still encoded after that many rounds: nobody links to a page like that.
  return fallback;
}

/** One path-absolute reference to this site, as a browser would resolve it. */
function isLocalPath(value: string): boolean {
  // C0 and C1 controls and DEL (browsers drop tabs and newlines; a CR or LF would also break
  // the Location header), and the backslash, which browsers read as `/`.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
  if (/[\u0000-\u001f\u007f-\u009f\\]/.test(value)) return false;
  if (!value.startsWith('/') || value.startsWith('//')) return false;
  let url: URL;
  try {
    url = new URL(value, ORIGIN);
  } catch {
    return false;
  }
  // `/a/../..//host` resolves to the path `//host`: harmless as a Location here, but a
  // target that normalises to another host's form is refused, not reasoned about.
  return url.origin === ORIGIN && !url.pathname.startsWith('//');
}

function decodeOnce(value: string): string | null {
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}
