/**
 * The kinds of request on which the published document and the server disagreed (issue 18),
 * each now judged alike: where the document refuses a request the server answers 400, and
 * where it accepts one the server does not refuse it for a reason it does not document.
 * The random counterpart is tests/fuzz/contract-valid-requests.test.ts; the response side is
 * tests/api/openapi-responses.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createValidators, listOperations, ruleCovers, strictly, type OpenApiDocument, type Operation } from '../fuzz/openapi-operations.js';
import { createClient } from '../helpers/client.js';
import { exampleDossier } from '../helpers/dossiers.js';
import { createPanelTender, panelTenderBody } from '../helpers/panel.js';
import { seedWorld, type World } from '../helpers/seed.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
let w: World;
let doc: OpenApiDocument;
let operations: Operation[];
let validators: ReturnType<typeof createValidators>;

beforeAll(async () => {
  t = createTestApp();
  w = await seedWorld(t);
  doc = (await createClient(t).get('/api/v1/openapi.json')).body;
  operations = listOperations(doc);
  validators = createValidators(doc);
});
afterAll(() => t.close());

const operation = (method: string, path: string) => {
  const found = operations.find((op) => op.method === method && op.path === `/api/v1${path}`);
  if (found === undefined) throw new Error(`${method} ${path} is not in the document`);
  return found;
};
/** Whether the document accepts this body for the operation. */
const accepts = (method: string, path: string, body: unknown) => validators.validator(operation(method, path).body!.schema)(body);
/** The response schema of a status, as the document gives it. */
const responseSchema = (method: string, path: string, status: number) => operation(method, path).responses[String(status)]!['application/json']!;
/** The document read strictly, as the demo walk reads answers: a property it does not name fails. */
let strictCache: ReturnType<typeof createValidators> | undefined;
const strictValidators = () => (strictCache ??= createValidators(strictly(doc) as OpenApiDocument));

describe('request schemas that say what the server checks', () => {
  it('POST /tenders: a template, or the award rules with lot and criteria; never both', async () => {
    const { organisationId: _o, ...fields } = panelTenderBody(w.orgs.almere);
    const both = { organisationId: w.orgs.almere, template: 'b1-route', reference: 'A-1', title: 'B1', award: fields.award };
    const neither = { organisationId: w.orgs.almere, reference: 'A-1', title: 'B1' };
    const template = { organisationId: w.orgs.almere, template: 'b1-route', reference: 'A-1', title: 'B1' };
    expect([accepts('POST', '/tenders', both), accepts('POST', '/tenders', neither), accepts('POST', '/tenders', template)]).toEqual([false, false, true]);
    expect((await w.almereInkoper.post('/api/v1/tenders', both)).status).toBe(400);
    expect((await w.almereInkoper.post('/api/v1/tenders', neither)).status).toBe(400);
    expect((await w.almereInkoper.post('/api/v1/tenders', template)).status).toBe(201);
  });

  it("requires the import's dossier and a bid's provider", async () => {
    expect(accepts('POST', '/tenders/import', { organisationId: w.orgs.almere })).toBe(false);
    expect((await w.almereInkoper.post('/api/v1/tenders/import', { organisationId: w.orgs.almere })).status).toBe(400);
    const id = await createPanelTender(w.almereInkoper, w.orgs.almere, { open: false });
    expect(accepts('POST', '/tenders/{id}/bids', { price: 1000 })).toBe(false);
    expect((await w.almereInkoper.post(`/api/v1/tenders/${id}/bids`, { price: 1000 })).status).toBe(400);
  });

  it('PATCH takes null only where it removes an optional field', async () => {
    const id = await createPanelTender(w.almereInkoper, w.orgs.almere, { open: false });
    expect([accepts('PATCH', '/tenders/{id}', { estimatedValue: null }), accepts('PATCH', '/tenders/{id}', { award: null })]).toEqual([true, false]);
    expect((await w.almereInkoper.patch(`/api/v1/tenders/${id}`, { estimatedValue: null })).status).toBe(200);
    expect((await w.almereInkoper.patch(`/api/v1/tenders/${id}`, { award: null })).status).toBe(400);
  });

  it('states a reason of a withdrawal as at least the 20 characters of a sentence', async () => {
    expect(accepts('POST', '/tenders/{id}/award-decision/withdraw', { reason: 'Fout gemaakt.' })).toBe(false);
    expect(accepts('POST', '/tenders/{id}/award-decision/withdraw', { reason: 'Het bezwaar van B2 is gegrond verklaard.' })).toBe(true);
    const id = await createPanelTender(w.almereInkoper, w.orgs.almere);
    const short = await w.almereInkoper.post(`/api/v1/tenders/${id}/award-decision/withdraw`, { reason: 'Fout gemaakt.' });
    expect(short.status).toBe(400);
    expect(short.body.errors).toEqual([{ path: 'reason', message: expect.stringContaining('minstens één volledige zin') }]);
  });

  it('gives the dates of a review as dates', () => {
    const request = (deadline: string) => ({ action: 'request-explanation', deadline, questions: 'Hoe komt u aan deze prijs?' });
    expect(['2026-03-20', '2026-13-01', '2026-02-30', '20260320'].map((d) => accepts('POST', '/tenders/{id}/bids/{bidId}/low-bid-review', request(d)))).toEqual(
      [true, false, false, false],
    );
    expect(
      accepts('POST', '/tenders/{id}/bids/{bidId}/low-bid-review', { action: 'record-explanation', explanation: 'De prijs klopt.', receivedAt: '2026-02-29' }),
    ).toBe(false);
  });

  it('tells the report kinds apart: an award letter names its bid, the evaluation report none', async () => {
    expect(accepts('POST', '/tenders/{id}/reports', { kind: 'award-letter' })).toBe(false);
    expect(accepts('POST', '/tenders/{id}/reports', { kind: 'evaluation', bidId: 'B1' })).toBe(false);
    expect(accepts('POST', '/tenders/{id}/reports', { kind: 'award-letter', bidId: 'B1' })).toBe(true);
    const id = await createPanelTender(w.almereInkoper, w.orgs.almere);
    const letter = await w.almereInkoper.post(`/api/v1/tenders/${id}/reports`, { kind: 'award-letter' });
    expect([letter.status, letter.body.errors]).toEqual([400, [{ path: 'bidId', message: 'verplicht voor een gunningsbrief' }]]);
    expect((await w.almereInkoper.post(`/api/v1/tenders/${id}/reports`, { kind: 'evaluation', bidId: 'B1' })).status).toBe(400);
  });

  it('judges an e-mail address as the server does', async () => {
    const user = (email: string) => ({
      email,
      name: 'Nieuwe Gebruiker',
      password: 'een lang wachtwoord',
      memberships: [{ organisationId: w.orgs.almere, role: 'auditor' }],
    });
    // zod's own e-mail check accepted this one, which the email format refuses.
    expect(accepts('POST', '/users', user('x@a-.nl'))).toBe(false);
    expect((await w.admin.post('/api/v1/users', user('x@a-.nl'))).status).toBe(400);
    expect(accepts('POST', '/users', user("o'brien@gemeente-almere.nl"))).toBe(true);
    expect((await w.admin.post('/api/v1/users', user("o'brien@gemeente-almere.nl"))).status).toBe(201);
  });

  it('refuses a name of spaces in the schema, as the server does', async () => {
    expect(accepts('POST', '/auth/tokens', { name: ' \u3000 ' })).toBe(false);
    expect((await w.almereInkoper.post('/api/v1/auth/tokens', { name: ' \u3000 ' })).status).toBe(400);
  });

  it('documents the rules beyond the schema on the 400 answer, by the field a 400 names', async () => {
    const id = await createPanelTender(w.almereInkoper, w.orgs.almere);
    const body = { score: 7, motivation: 'Het plan is sterk onderbouwd en haalbaar.' };
    expect(accepts('PUT', '/tenders/{id}/bids/{bidId}/consensus/{criterionId}', body)).toBe(true);
    const refused = await w.almereInkoper.put(`/api/v1/tenders/${id}/bids/B1/consensus/K1`, body);
    expect(refused.status).toBe(400);
    const rules = operation('PUT', '/tenders/{id}/bids/{bidId}/consensus/{criterionId}').validationRules;
    expect(refused.body.errors.map((e: { path: string }) => rules.some((r) => ruleCovers(r.path, e.path)))).toEqual([true]);
  });
});

/** Whether every field a 400 answer names is covered by a rule the operation documents. */
const documented = (method: string, path: string, errors: { path: string }[]) =>
  errors.map((e) => operation(method, path).validationRules.some((r) => ruleCovers(r.path, e.path)));

describe('the routes of issue 15, as exact as the others', () => {
  it('PATCH a bid: at least one field, null only for the price or the lines, and the bid rules documented', async () => {
    const id = await createPanelTender(w.almereInkoper, w.orgs.almere, { open: false });
    expect([
      accepts('PATCH', '/tenders/{id}/bids/{bidId}', {}),
      accepts('PATCH', '/tenders/{id}/bids/{bidId}', { price: null }),
      accepts('PATCH', '/tenders/{id}/bids/{bidId}', { provider: null }),
    ]).toEqual([false, true, false]);
    expect((await w.almereInkoper.patch(`/api/v1/tenders/${id}/bids/B1`, {})).status).toBe(400);
    expect((await w.almereInkoper.patch(`/api/v1/tenders/${id}/bids/B1`, { provider: null })).status).toBe(400);
    // Schema-valid, and refused by the bid's own rule (a price, except at a fixed price), which the operation lists.
    const noPrice = await w.almereInkoper.patch(`/api/v1/tenders/${id}/bids/B1`, { price: null });
    expect(noPrice.status).toBe(400);
    expect(documented('PATCH', '/tenders/{id}/bids/{bidId}', noPrice.body.errors)).toEqual([true]);
    const changed = await w.almereInkoper.patch(`/api/v1/tenders/${id}/bids/B1`, { price: 560000 });
    expect(changed.status).toBe(200);
    expect(strictValidators().validator(responseSchema('PATCH', '/tenders/{id}/bids/{bidId}', 200))(changed.body)).toBe(true);
  });

  it('a correction: price or price lines, a reason of at least 20 characters, and the rest of the reason rule documented', async () => {
    const id = await createPanelTender(w.almereInkoper, w.orgs.almere);
    const reason = 'De eenheidsprijs is verkeerd overgenomen uit de bijlage.';
    expect([
      accepts('POST', '/tenders/{id}/bids/{bidId}/correction', { reason }),
      accepts('POST', '/tenders/{id}/bids/{bidId}/correction', { price: 1, reason: 'Typefout.' }),
    ]).toEqual([false, false]);
    expect((await w.almereInkoper.post(`/api/v1/tenders/${id}/bids/B1/correction`, { reason })).status).toBe(400);
    expect((await w.almereInkoper.post(`/api/v1/tenders/${id}/bids/B1/correction`, { price: 1, reason: 'Typefout.' })).status).toBe(400);
    // Twenty characters, two words: the schema cannot count words; the rule on `reason` says it.
    const twoWords = { price: 560000, reason: 'Typefoutgecorrigeerd inprijs' };
    expect(accepts('POST', '/tenders/{id}/bids/{bidId}/correction', twoWords)).toBe(true);
    const refused = await w.almereInkoper.post(`/api/v1/tenders/${id}/bids/B1/correction`, twoWords);
    expect(refused.status).toBe(400);
    expect(documented('POST', '/tenders/{id}/bids/{bidId}/correction', refused.body.errors)).toEqual([true]);
    const corrected = await w.almereInkoper.post(`/api/v1/tenders/${id}/bids/B1/correction`, {
      price: 560000,
      reason: 'De prijs is verkeerd overgenomen uit de bijlage.',
    });
    expect(corrected.status).toBe(201);
    const strict = strictValidators();
    expect(strict.validator(responseSchema('POST', '/tenders/{id}/bids/{bidId}/correction', 201))(corrected.body)).toBe(true);
    // The listing carries the correction beside the bid, and the trail the correction's event.
    const bids = await w.almereInkoper.get(`/api/v1/tenders/${id}/bids`);
    expect(bids.body[0].corrections).toHaveLength(1);
    expect(strict.validator(responseSchema('GET', '/tenders/{id}/bids', 200))(bids.body)).toBe(true);
    const events = await w.almereInkoper.get(`/api/v1/tenders/${id}/audit-events`);
    expect(events.body.some((e: { action: string }) => e.action === 'bid.correct')).toBe(true);
    expect(strict.validator(responseSchema('GET', '/tenders/{id}/audit-events', 200))(events.body)).toBe(true);
  });

  it('a withdrawal: its day as a date, not after today as a documented rule', async () => {
    const id = await createPanelTender(w.almereInkoper, w.orgs.almere);
    const reason = 'De inschrijver trekt de inschrijving in wegens capaciteitsgebrek.';
    expect(
      ['2026-03-01', '2026-02-30', '1-3-2026'].map((receivedOn) => accepts('POST', '/tenders/{id}/bids/{bidId}/withdrawal', { reason, receivedOn })),
    ).toEqual([true, false, false]);
    expect((await w.almereInkoper.post(`/api/v1/tenders/${id}/bids/B2/withdrawal`, { reason, receivedOn: '2026-02-30' })).status).toBe(400);
    const future = await w.almereInkoper.post(`/api/v1/tenders/${id}/bids/B2/withdrawal`, { reason, receivedOn: '2099-01-01' });
    expect(future.status).toBe(400);
    expect(documented('POST', '/tenders/{id}/bids/{bidId}/withdrawal', future.body.errors)).toEqual([true]);
    const withdrawn = await w.almereInkoper.post(`/api/v1/tenders/${id}/bids/B2/withdrawal`, { reason, receivedOn: '2026-03-01' });
    expect(withdrawn.status).toBe(201);
    expect(strictValidators().validator(responseSchema('POST', '/tenders/{id}/bids/{bidId}/withdrawal', 201))(withdrawn.body)).toBe(true);
  });

  it('the roles of a user and a regio member: unknown or repeated organisations are documented rules', async () => {
    const memberships = [
      { organisationId: w.orgs.almere, role: 'auditor' },
      { organisationId: w.orgs.almere, role: 'inkoper' },
    ];
    expect(accepts('PUT', '/users/{id}/memberships', { memberships })).toBe(true);
    const repeated = await w.admin.put(`/api/v1/users/${w.almereBeoordelaar.userId}/memberships`, { memberships });
    expect(repeated.status).toBe(400);
    expect(documented('PUT', '/users/{id}/memberships', repeated.body.errors)).toEqual([true]);
    expect(operation('POST', '/organisations/{id}/members').validationRules.map((r) => r.path)).toEqual(['memberId']);
  });

  it('adopting agreed scores: a cell of this tender, and a motivation that is blank or a sentence', () => {
    expect(operation('POST', '/tenders/{id}/consensus/adopt-agreed').validationRules.map((r) => r.path)).toEqual([
      'cells[*]',
      'cells[*].motivation',
      'scores.*.*.motivation',
    ]);
    expect(ruleCovers('scores.*.*.motivation', 'scores.B1.K2.motivation')).toBe(true);
  });
});

describe('the document itself', () => {
  it('writes digits in patterns as [0-9] and "X or null" so that JSON Schema reads it so', () => {
    const text = JSON.stringify(doc);
    expect(text).not.toContain('\\\\d');
    const nullIdiom = (node: unknown): boolean =>
      typeof node === 'object' &&
      node !== null &&
      (Object.entries(node).some(([k, v]) => k === 'allOf' && JSON.stringify(v).includes('"null"')) || Object.values(node).some(nullIdiom));
    expect(nullIdiom(doc)).toBe(false);
  });

  it("types a beoordelaar's bids, and names the award answer apart from the dossier's award rules", async () => {
    const id = await createPanelTender(w.almereInkoper, w.orgs.almere, { open: false });
    expect((await w.almereInkoper.post(`/api/v1/tenders/${id}/evaluators`, { userId: w.almereBeoordelaar.userId })).status).toBe(201);
    expect((await w.almereBeoordelaar.post(`/api/v1/tenders/${id}/conflict-declaration`, { noConflict: true })).status).toBe(200);
    const bids = await w.almereBeoordelaar.get(`/api/v1/tenders/${id}/bids`);
    expect(bids.body[0]).toEqual({ id: 'B1', provider: expect.any(Object) });
    expect(validators.validator(responseSchema('GET', '/tenders/{id}/bids', 200))(bids.body)).toBe(true);
    const award = responseSchema('POST', '/tenders/{id}/award', 200) as { $ref: string };
    expect(award.$ref).toBe('#/components/schemas/TenderAwarded');
    expect(validators.resolve('#/components/schemas/Award').required).toEqual(['method']);
  });

  it('gives instants as date-time and days as date', () => {
    const tender = validators.resolve('#/components/schemas/Tender') as { properties: Record<string, { format?: string; anyOf?: { format?: string }[] }> };
    expect(tender.properties.createdAt!.format).toBe('date-time');
    const decision = validators.resolve('#/components/schemas/AwardDecision') as { properties: Record<string, { format?: string }> };
    expect(decision.properties.standstillEndsOn!.format).toBe('date');
  });
});

it('imports the example dossier, which the schema accepts', async () => {
  expect(accepts('POST', '/tenders/import', { organisationId: w.orgs.almere, dossier: exampleDossier() })).toBe(true);
  expect((await w.almereInkoper.post('/api/v1/tenders/import', { organisationId: w.orgs.almere, dossier: exampleDossier() })).status).toBe(201);
});
