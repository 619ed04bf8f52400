/**
 * `safeRedirectPath`: only a path of this site, for the known ways out of it (open redirect
 * bypasses) and for any string of the characters they are made of.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_REDIRECT_PATH_LENGTH, safeRedirectPath } from '../../../src/lib/safe-redirect-path.js';

const HOME = '/aanbestedingen';
const safe = (value: string | undefined) => safeRedirectPath(value, HOME);

describe('safeRedirectPath', () => {
  it.each([
    '/',
    '/aanbestedingen',
    '/aanbestedingen/5f0c2d7e-9a7b-4d0e-8a55-3f1c2b9e4d10/uitslag',
    '/aanbestedingen?zoek=caf%C3%A9&status=open',
    '/regio/r1/vergelijking#aanbieders',
    '/rapporten/a%2Fb',
    '/aanbestedingen?melding=Het%20is%20klaar',
  ])('keeps the path of this site %j', (path) => {
    expect(safe(path)).toBe(path);
  });

  it.each([
    ['another host, protocol-relative', '//evil.example/inloggen'],
    ['a backslash read as a slash', '/\\evil.example'],
    ['two backslashes', '\\\\evil.example'],
    ['a tab browsers drop, percent-encoded', '/%09/evil.example'],
    ['a tab browsers drop', '/\t/evil.example'],
    ['a newline browsers drop', '/\n/evil.example'],
    ['encoded slashes without a leading slash', '%2F%2Fevil.example'],
    ['an encoded slash after the first', '/%2F/evil.example'],
    ['an encoded backslash', '/%5Cevil.example'],
    ['encoded twice', '/%252F%252Fevil.example'],
    ['an encoded tab encoded twice', '/%2509/evil.example'],
    ['an absolute URL', 'https://evil.example/aanbestedingen'],
    ['a scheme with one slash', 'https:/evil.example'],
    ['javascript:', 'javascript:alert(document.cookie)'],
    ['javascript: after a slash-looking start', '/\u0000javascript:alert(1)'],
    ['a header break', '/aanbestedingen\r\nSet-Cookie: gw_session=x'],
    ['an encoded header break', '/aanbestedingen%0d%0aSet-Cookie:%20gw_session=x'],
    ['a DEL', '/aanbestedingen\u007f'],
    ['a C1 control', '/aanbestedingen\u0085'],
    ['a path that normalises to another host', '/a/../..//evil.example'],
    ['a relative path', 'aanbestedingen'],
    ['malformed percent-encoding', '/aanbestedingen%E0%A4%A'],
    ['empty', ''],
    ['too long', `/${'a'.repeat(MAX_REDIRECT_PATH_LENGTH)}`],
  ])('refuses %s', (_why, value) => {
    expect(safe(value)).toBe(HOME);
  });

  it('refuses an absent value, and takes a value up to the length limit', () => {
    expect(safe(undefined)).toBe(HOME);
    const longest = `/${'a'.repeat(MAX_REDIRECT_PATH_LENGTH - 1)}`;
    expect(safe(longest)).toBe(longest);
  });

  it('never answers anything a browser, or a second decoding, takes to another host', () => {
    const base = 'https://gunningswijzer.example/inloggen';
    const pieces = [
      '/',
      '\\',
      '%',
      '2',
      'F',
      'f',
      '5',
      'C',
      '0',
      '9',
      '%2F',
      '%5C',
      '%09',
      '%25',
      '\t',
      '\n',
      ' ',
      ':',
      '.',
      '..',
      'a',
      'evil.example',
      'javascript:',
      'http:',
    ];
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...pieces), { maxLength: 12 }).map((parts) => parts.join('')),
        (value) => {
          const result = safe(value);
          const forms = [result];
          try {
            forms.push(decodeURIComponent(result), decodeURIComponent(decodeURIComponent(result)));
          } catch {
            // A form that cannot be decoded is not a URL anyone follows.
          }
          for (const form of forms) {
            const url = new URL(form, base);
            expect(url.origin, `${JSON.stringify(value)} -> ${JSON.stringify(form)}`).toBe('https://gunningswijzer.example');
            expect(url.pathname.startsWith('//')).toBe(false);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });
});
