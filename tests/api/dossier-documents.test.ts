/**
 * The exported dossier names the bid documents (issue 20): `bids[].documents: [{name, size,
 * sha256, envelope, version}]`, every version, only for a bid that has any, so a tender
 * without documents exports as before. `POST /tenders/import` accepts the field and drops it
 * (the files are not in the dossier). The evaluation ignores it: tests/cli/dossier-documents.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createValidators, listOperations, strictly, type OpenApiDocument } from '../fuzz/openapi-operations.js';
import { createClient } from '../helpers/client.js';
import { documentQuery, pdfDocument, uploadDocument } from '../helpers/documents.js';
import { createPanelTender } from '../helpers/panel.js';
import { seedWorld, type World } from '../helpers/seed.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
let w: World;
let id: string;
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const plan = pdfDocument('Plan van aanpak B1');
const planAgain = pdfDocument('Plan van aanpak B1, met bijlage');
const sheet = pdfDocument('Prijsblad B1');

beforeAll(async () => {
  t = createTestApp();
  w = await seedWorld(t);
  id = await createPanelTender(w.almereInkoper, w.orgs.almere, { open: false });
}, 60_000);
afterAll(() => t.close());

const dossierOf = async (tenderId: string) => {
  const response = await w.almereInkoper.get(`/api/v1/tenders/${tenderId}/dossier`);
  expect(response.status).toBe(200);
  return response.body;
};

describe('bids[].documents in the exported dossier', () => {
  let before: string;

  it('is absent while no bid has a document: the export is the same text as before', async () => {
    const dossier = await dossierOf(id);
    before = JSON.stringify(dossier);
    expect(before).not.toContain('"documents"');
    for (const bid of dossier.bids) expect(bid).not.toHaveProperty('documents');
  });

  it('names every version of every document of a bid, quality and price, and leaves a bid without documents as it was', async () => {
    const upload = async (query: Record<string, string>, bytes: Uint8Array) => {
      const response = await uploadDocument(t, w.almereInkoper, `/api/v1/tenders/${id}/bids/B1/documents?${documentQuery(query)}`, bytes);
      expect(response.status, JSON.stringify(response.body)).toBe(201);
      return response.body.id as string;
    };
    const first = await upload({ envelope: 'quality', name: 'plan.pdf', criterionId: 'K1' }, plan);
    await upload({ envelope: 'quality', name: 'plan.pdf', replaces: first, reason: 'De bijlage ontbrak.' }, planAgain);
    await upload({ envelope: 'price', name: 'prijsblad.pdf' }, sheet);
    const dossier = await dossierOf(id);
    expect(dossier.bids[0].documents).toEqual([
      { name: 'plan.pdf', size: plan.length, sha256: sha256(plan), envelope: 'quality', version: 1 },
      { name: 'plan.pdf', size: planAgain.length, sha256: sha256(planAgain), envelope: 'quality', version: 2 },
      { name: 'prijsblad.pdf', size: sheet.length, sha256: sha256(sheet), envelope: 'price', version: 1 },
    ]);
    expect(dossier.bids[1]).not.toHaveProperty('documents');
    // Without the field the export is what it was before the documents came in.
    const { documents: _documents, ...b1 } = dossier.bids[0];
    expect(JSON.stringify({ ...dossier, bids: [b1, dossier.bids[1]] })).toBe(before);
    // The published contract describes it exactly (read strictly: a property it does not name fails).
    const doc = (await createClient(t).get('/api/v1/openapi.json')).body as OpenApiDocument;
    const exportOperation = listOperations(doc).find((op) => op.method === 'GET' && op.path === '/api/v1/tenders/{id}/dossier');
    const schema = exportOperation?.responses['200']?.['application/json'];
    expect(schema).toBeDefined();
    const strict = createValidators(strictly(doc) as OpenApiDocument);
    expect(strict.validator(schema!)(dossier), strict.explain(schema!, dossier)).toBe(true);
    const importOperation = listOperations(doc).find((op) => op.method === 'POST' && op.path === '/api/v1/tenders/import');
    expect(strict.validator(importOperation!.body!.schema)({ organisationId: w.orgs.almere, dossier })).toBe(true);
    // The auditor reads every document of a one-envelope tender, so its export names them too.
    const audited = await w.almereAuditor.get(`/api/v1/tenders/${id}/dossier`);
    expect(audited.body.bids[0].documents).toHaveLength(3);
  });

  it('is accepted by the import and dropped: the imported tender has no documents, and exports without the field', async () => {
    const exported = await dossierOf(id);
    // Scores make it a dossier the import takes (the tender was never scored).
    const dossier = { ...exported, bids: exported.bids.map((bid: object) => ({ ...bid, scores: { K1: 8, K2: 6 } })) };
    expect(dossier.bids[0].documents).toHaveLength(3);
    const imported = await w.almereInkoper.post('/api/v1/tenders/import', { organisationId: w.orgs.almere, dossier });
    expect(imported.status, JSON.stringify(imported.body)).toBe(201);
    const copy = await dossierOf(imported.body.id);
    expect(JSON.stringify(copy)).not.toContain('"documents"');
    expect((await w.almereInkoper.get(`/api/v1/tenders/${imported.body.id}/bids/B1/documents`)).body).toEqual([]);
    const events = (await w.almereInkoper.get(`/api/v1/tenders/${imported.body.id}/audit-events`)).body as { action: string; change: unknown }[];
    expect(JSON.stringify(events.find((e) => e.action === 'tender.import')?.change)).not.toContain('"documents"');
  });

  it('refuses a malformed document entry at its path', async () => {
    const exported = await dossierOf(id);
    const dossier = { ...exported, bids: exported.bids.map((bid: object) => ({ ...bid, scores: { K1: 8, K2: 6 } })) };
    dossier.bids[0].documents[0].sha256 = 'niet-een-hash';
    const refused = await w.almereInkoper.post('/api/v1/tenders/import', { organisationId: w.orgs.almere, dossier });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toContain('dossier.bids[0].documents[0].sha256');
  });
});
