/**
 * Issue 16: an API problem's `detail` and its field messages are Dutch, as the pages are.
 * The walk collects problems from every tender route (tests/helpers/routes.ts) as another
 * organisation (404), as an auditor on the writes (403), without logging in (401), and from
 * bad input (400 with field messages, zod's own included), and fails on English in any of them.
 * `title` stays the standard HTTP title (docs/vocabulary.md).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createClient, type TestClient } from '../helpers/client.js';
import { exampleDossier, createTenderBody } from '../helpers/dossiers.js';
import { fillTenderPath, tenderApiRoutes } from '../helpers/routes.js';
import { seedWorld, type World } from '../helpers/seed.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { importAlmereTender } from '../helpers/tenders.js';

/** Words that give English away; none is a Dutch word. */
const ENGLISH = /\b(the|not|found|only|may|must|does|invalid|required|expected|received|unknown|should|cannot|too|field|request|schema)\b/i;

type Problem = { where: string; status: number; detail?: string; errors?: { path: string; message: string }[] };

function englishIn(problem: Problem): string[] {
  const texts = [problem.detail ?? '', ...(problem.errors ?? []).map((e) => e.message)];
  return texts.filter((text) => ENGLISH.test(text)).map((text) => `${problem.where} (${problem.status}): ${text}`);
}

describe('problem details in Dutch', () => {
  let t: TestApp;
  let w: World;
  let tenderId: string;
  const problems: Problem[] = [];

  const collect = async (where: string, client: TestClient, method: string, path: string, body?: unknown) => {
    const response = await client.request(method, path, body === undefined ? {} : { json: body });
    if (response.status >= 400 && typeof response.body === 'object' && response.body !== null)
      problems.push({ where: `${method} ${path.replace(tenderId, ':id')} ${where}`, status: response.status, ...response.body });
    return response;
  };

  beforeAll(async () => {
    t = createTestApp();
    w = await seedWorld(t);
    tenderId = await importAlmereTender(w, exampleDossier());
    for (const { method, path } of tenderApiRoutes(t)) {
      const filled = fillTenderPath(path, tenderId);
      await collect('as another organisation', w.utrechtInkoper, method, filled, method === 'GET' ? undefined : {});
      if (method !== 'GET') await collect('as auditor', w.almereAuditor, method, filled, {});
      await collect('as inkoper with a wrong field', w.almereInkoper, method, filled, method === 'GET' ? undefined : { onbekend: 1 });
    }
    await collect('without logging in', createClient(t), 'GET', '/api/v1/tenders');
    await collect('with wrong types', w.almereInkoper, 'POST', '/api/v1/tenders', {
      ...createTenderBody(w.orgs.almere),
      title: 12,
      expectedLearners: 'veel',
      award: { method: 'onbekend' },
    });
    await collect('with a wrong password', createClient(t), 'POST', '/api/v1/auth/login', { email: 'iemand@example.org', password: 'fout-fout-fout' });
  }, 120_000);

  it('collects 400, 401, 403 and 404 problems from the walk', () => {
    const statuses = new Set(problems.map((p) => p.status));
    for (const status of [400, 401, 403, 404]) expect(statuses).toContain(status);
    expect(problems.length).toBeGreaterThan(50);
  });

  it('has no English detail or field message', () => {
    expect(problems.flatMap(englishIn)).toEqual([]);
  });

  it('names the role and the act in a refusal, and the missing tender', () => {
    const refusal = problems.find((p) => p.status === 403 && p.where.includes('as auditor'));
    expect(refusal?.detail).toMatch(/^Alleen een (inkoper|beoordelaar)/);
    expect(problems.find((p) => p.status === 404)?.detail).toBe(`Aanbesteding ${tenderId} bestaat niet of is niet van uw organisatie.`);
  });
});
