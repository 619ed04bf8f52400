/**
 * Input that is not what a route expects, on every operation of `/openapi.json`: malformed
 * JSON (truncated, trailing commas, BOMs, invalid UTF-8, prototype-polluting keys), wrong
 * content types, bodies over the 1 MiB limit (with and without Content-Length), bodies nested
 * 10,000 levels deep and as deep as the limit allows, and methods no route has. Every answer
 * passes the checks of `fuzz-world.ts` and is a 4xx. Then: text in odd Unicode comes back
 * from the database exactly as it was accepted.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { exampleDossier } from '../helpers/dossiers.js';
import { assertWithFileSeed, createFuzzWorld, RUNS, seedFor } from './fuzz-world.js';
import { oddString } from './odd-strings.js';

const BODY_LIMIT = 1024 * 1024;
/** `POST .../bids/:bidId/documents`: its body may exceed BODY_LIMIT, for an inkoper of the tender. */
const DOCUMENT_UPLOAD = /\/bids\/[^/]+\/documents$/;

const f = await createFuzzWorld();
const { w, ids } = f;
afterAll(() => f.close());

function nested(levels: number, open: string, close: string): string {
  return `${open.repeat(levels)}1${close.repeat(levels)}`;
}

describe('bodies that are not what a route expects', () => {
  const MALFORMED: (string | Uint8Array)[] = [
    '',
    '{',
    '{"a":',
    '{"a":1,}',
    "{'a':1}",
    'nul',
    'NaN',
    '[1,2',
    '{"a":1}}',
    '\uFEFF{}',
    '{"a":1}\u0000',
    '"alleen een tekst"',
    '123',
    'true',
    'null',
    '[]',
    '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}',
    '{"a":"\\ud800","b":"\\u0000"}',
    '{"a":1e999999}',
    new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]), // invalid UTF-8
    new Uint8Array([0xef, 0xbb, 0xbf, 0x7b, 0x7d]), // UTF-8 BOM then {}
  ];

  it('answers malformed JSON with a 4xx problem and changes nothing, on every route', async () => {
    f.resetFingerprint();
    const problems: string[] = [];
    for (const { method, url, hasBody } of f.concreteUrls()) {
      if (!hasBody) continue;
      for (const body of MALFORMED) {
        const answer = await f.send('inkoper', method, url, { body, headers: { 'content-type': 'application/json' } });
        problems.push(...f.checkAnswer(`${method} ${url} ${String(body).slice(0, 40)}`, answer));
        if (answer.status < 400) problems.push(`${method} ${url}: accepted malformed ${String(body).slice(0, 40)}`);
      }
    }
    expect(problems).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  }, 60_000);

  it('answers wrong content types with a 4xx problem and changes nothing', async () => {
    const CONTENT_TYPES = [
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=xyz',
      'application/xml',
      'application/json; charset=latin1',
      'application/json;;;',
      'APPLICATION/JSON',
      'application/problem+json',
      'application/vnd.api+json',
      'application/jsonx',
      'image/png',
      '',
    ];
    f.resetFingerprint();
    const problems: string[] = [];
    for (const { method, url, hasBody } of f.concreteUrls()) {
      if (!hasBody) continue;
      for (const contentType of CONTENT_TYPES) {
        // A body in some other format, and a JSON body under the wrong label.
        for (const body of ['--xyz\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--xyz--\r\n', '{"onbekend":1}']) {
          const answer = await f.send('inkoper', method, url, { body, headers: contentType === '' ? {} : { 'content-type': contentType } });
          problems.push(...f.checkAnswer(`${method} ${url} as ${contentType}`, answer));
        }
      }
    }
    expect(problems).toEqual([]);
  }, 60_000);

  it('answers a body over 1 MiB with 413 on every route, with or without Content-Length', async () => {
    f.resetFingerprint();
    const problems: string[] = [];
    const huge = JSON.stringify({ motivation: 'x'.repeat(BODY_LIMIT) });
    for (const { method, url, hasBody } of f.concreteUrls()) {
      if (!hasBody) continue;
      for (const actor of ['inkoper', 'anonymous'] as const) {
        const withLength = await f.send(actor, method, url, {
          body: huge,
          headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(huge)) },
        });
        const streamed = await f.send(actor, method, url, {
          body: new ReadableStream({
            start(controller) {
              for (let i = 0; i < 20; i += 1) controller.enqueue(new TextEncoder().encode('x'.repeat(64 * 1024)));
              controller.close();
            },
          }),
          headers: { 'content-type': 'application/json' },
        });
        for (const [how, answer] of [
          ['with Content-Length', withLength],
          ['streamed', streamed],
        ] as const) {
          problems.push(...f.checkAnswer(`${method} ${url} ${how}`, answer));
          // The one route with a larger limit of its own (bid documents, issue 20) refuses this
          // body before reading it: JSON is no document, and an upload needs its query and role.
          // Its own limit: tests/api/bid-documents.test.ts.
          if (DOCUMENT_UPLOAD.test(url)) {
            if (![400, 401, 415].includes(answer.status)) problems.push(`${method} ${url} ${how} as ${actor}: ${answer.status}, not refused before the body`);
          } else if (answer.status !== 413) problems.push(`${method} ${url} ${how} as ${actor}: ${answer.status}, not 413`);
        }
      }
    }
    expect(problems).toEqual([]);
  }, 60_000);

  it('answers bodies nested 10,000 levels deep (and as deep as 1 MiB allows) without a 5xx', async () => {
    f.resetFingerprint();
    const problems: string[] = [];
    const bodies = [nested(10_000, '[', ']'), nested(10_000, '{"a":', '}'), `{"dossier":${nested(10_000, '{"a":', '}')},"organisationId":"x"}`];
    for (const { method, url, hasBody } of f.concreteUrls()) {
      if (!hasBody) continue;
      for (const body of bodies) {
        const answer = await f.send('inkoper', method, url, { body, headers: { 'content-type': 'application/json' } });
        problems.push(...f.checkAnswer(`${method} ${url} nested ${body.slice(0, 12)}`, answer));
        if (answer.status < 400) problems.push(`${method} ${url}: accepted a 10,000-level body`);
      }
    }
    // The deepest arrays that fit in the limit, on the two routes that take free-form JSON.
    const deepest = nested(Math.floor((BODY_LIMIT - 64) / 2), '[', ']');
    for (const url of ['/api/v1/tenders/import', `/api/v1/tenders/${ids.draftTender}`]) {
      const answer = await f.send('inkoper', url.endsWith('import') ? 'POST' : 'PATCH', url, {
        body: deepest,
        headers: { 'content-type': 'application/json' },
      });
      problems.push(...f.checkAnswer(`${url} nested to the limit`, answer));
    }
    expect(problems).toEqual([]);
  }, 60_000);
});

describe('paths and methods no route has', () => {
  it('answers other methods on every documented path with a 4xx problem', async () => {
    f.resetFingerprint();
    const problems: string[] = [];
    const byPath = new Map<string, Set<string>>();
    for (const { method, url } of f.concreteUrls()) byPath.set(url, new Set([...(byPath.get(url) ?? []), method]));
    for (const [url, methods] of byPath) {
      for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']) {
        if (methods.has(method) || (method === 'GET' && methods.has('HEAD'))) continue;
        const answer = await f.send('inkoper', method, url, method === 'GET' ? {} : { body: '{}', headers: { 'content-type': 'application/json' } });
        problems.push(...f.checkAnswer(`${method} ${url}`, answer));
        if (answer.status < 400) problems.push(`${method} ${url}: ${answer.status}`);
      }
    }
    expect(problems).toEqual([]);
  }, 60_000);
});

describe('text is stored exactly as accepted', () => {
  const withoutLoneSurrogates = oddString.filter((v) => !/\p{Cs}/u.test(v) && v.length < 5000);

  /** Imports a dossier with `text` in four free-text fields; answers what the export holds, or null when refused. */
  async function roundTrip(text: string): Promise<{ sent: string[]; stored: string[] } | { refused: number }> {
    const dossier = exampleDossier();
    dossier.tender.title = `Titel ${text}`;
    dossier.tender.reference = `REF-${text}`;
    dossier.criteria[0]!.title = `Criterium ${text}`;
    dossier.bids[0]!.provider.name = `School ${text}`;
    const imported = await f.send('inkoper', 'POST', '/api/v1/tenders/import', {
      body: JSON.stringify({ organisationId: w.orgs.almere, dossier }),
      headers: { 'content-type': 'application/json' },
    });
    const problems = f.checkAnswer('import with odd text', imported);
    expect(problems).toEqual([]);
    if (imported.status !== 201) return { refused: imported.status };
    const id = (JSON.parse(imported.text) as { id: string }).id;
    const exported = JSON.parse((await f.send('inkoper', 'GET', `/api/v1/tenders/${id}/dossier`)).text) as typeof dossier;
    return {
      sent: [dossier.tender.title, dossier.tender.reference, dossier.criteria[0]!.title, dossier.bids[0]!.provider.name],
      stored: [exported.tender.title, exported.tender.reference, exported.criteria[0]!.title, exported.bids[0]!.provider.name],
    };
  }

  it('returns odd Unicode (combining marks, RTL, NUL, emoji, long text) unchanged in the exported dossier', async () => {
    f.resetFingerprint();
    await assertWithFileSeed(
      fc.asyncProperty(withoutLoneSurrogates, async (text) => {
        const result = await roundTrip(text);
        if ('refused' in result) expect(result.refused).toBe(400);
        else expect(result.stored).toEqual(result.sent);
      }),
      { numRuns: Math.max(5, Math.floor(RUNS / 2)), seed: seedFor(0) },
    );
  }, 60_000);

  // SQLite would store U+FFFD in place of a lone surrogate, changing the dossier silently;
  // src/http/well-formed-text.ts refuses it with 400 instead.
  it('refuses a lone surrogate, or keeps it exactly', async () => {
    f.resetFingerprint();
    const result = await roundTrip('\uD800 en \uDFFF');
    if ('refused' in result) expect(result.refused).toBe(400);
    else expect(result.stored).toEqual(result.sent);
  });
});

describe('after all of it', () => {
  it('the audit chain verifies and the database is intact', async () => {
    const verify = await f.send('inkoper', 'GET', '/api/v1/audit/verify');
    expect(verify.status).toBe(200);
    expect(JSON.parse(verify.text)).toMatchObject({ valid: true, firstBroken: null });
    expect(f.t.db.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});
