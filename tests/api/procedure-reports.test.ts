/**
 * A procedure's documents of record (issue 21): after the procedure's award decision, one
 * signed award letter per school that bid in the decided lots, and the procedure's signed
 * evaluation report; each stored, listed under the procedure, fetched at `GET /reports/{id}`,
 * accepted by `pdfsig` and recognised by `POST /reports/verify`; never to an evaluator, 404 to
 * another organisation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { binaryRequest, type TestClient } from '../helpers/client.js';
import { type ImportedLot, procedureWorld } from '../helpers/procedure-world.js';
import { exampleProcedure } from '../helpers/procedures.js';
import type { World } from '../helpers/seed.js';
import { LONG_SESSIONS, type TestApp } from '../helpers/test-app.js';
import { normaliseWhitespace, pdfsig, pdfText } from '../unit/reports/poppler.js';

let t: TestApp;
let w: World;
let id: string;
let lots: ImportedLot[];

const binary = (client: TestClient, method: string, path: string, body?: Uint8Array) => binaryRequest(t, client, method, path, body);

const ZWOLLE = '05234567';

beforeAll(async () => {
  ({ t, w, id, lots } = await procedureWorld({ config: LONG_SESSIONS, open: true }));
}, 60_000);
afterAll(() => t.close());

const reportsUrl = () => `/api/v1/procedures/${id}/reports`;

describe('POST /api/v1/procedures/{id}/reports', () => {
  it('refuses award letters before the award decision (409, the lots named)', async () => {
    const response = await w.almereInkoper.post(reportsUrl(), { kind: 'award-letters', lots: ['L2'] });
    expect(response.status).toBe(409);
    expect(response.body.detail).toContain('niet besloten: perceel L2');
  });

  it('makes one signed letter per school that bid in the decided lots, listed, fetched and verified', async () => {
    // L2 alone: lot order gives it to Taalschool IJsselland (B1), NT2 Centrum Zwolle keeps L1.
    expect((await w.almereInkoper.post(`/api/v1/procedures/${id}/award-decision`, { lots: ['L2'] })).status).toBe(200);
    const created = await w.almereInkoper.post(reportsUrl(), { kind: 'award-letters' });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const l2 = exampleProcedure().lots[1]?.dossier.bids.map((bid) => bid.provider.kvk) ?? [];
    expect(created.body.map((r: { kind: string; addresseeKvk: string }) => [r.kind, r.addresseeKvk])).toEqual(l2.map((kvk) => ['procedure-award-letter', kvk]));
    const listed = await w.almereAuditor.get(reportsUrl());
    expect(listed.status).toBe(200);
    expect(listed.body.map((r: { id: string; procedureId: string; tenderId: string }) => [r.id, r.procedureId, r.tenderId])).toEqual(
      created.body.map((r: { id: string }) => [r.id, id, lots[0]?.tenderId]),
    );
    const zwolle = created.body.find((r: { addresseeKvk: string }) => r.addresseeKvk === ZWOLLE);
    const pdf = await binary(w.almereAuditor, 'GET', zwolle.url);
    expect(pdf.status).toBe(200);
    const report = pdfsig(pdf.bytes);
    expect(report).toContain('Signature is Valid');
    expect(report).toContain('Total document signed');
    const text = normaliseWhitespace(pdfText(pdf.bytes));
    expect(text).toContain('perceel L2');
    expect(text).toContain('Taalschool IJsselland');
    const verified = JSON.parse((await binary(w.utrechtAuditor, 'POST', '/api/v1/reports/verify', pdf.bytes)).bytes.toString());
    expect(verified).toMatchObject({ signatureValid: true, knownReport: true, reportId: zwolle.id, document: { proof: null, procedureProof: null } });
  }, 60_000);

  it('makes the signed evaluation report of the procedure', async () => {
    const created = await w.almereInkoper.post(reportsUrl(), { kind: 'evaluation' });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.map((r: { kind: string; addresseeKvk: null }) => [r.kind, r.addresseeKvk])).toEqual([['procedure-evaluation', null]]);
    const pdf = await binary(w.almereInkoper, 'GET', created.body[0].url);
    expect(pdfsig(pdf.bytes)).toContain('Signature is Valid');
    const text = normaliseWhitespace(pdfText(pdf.bytes));
    expect(text).toContain('ZWL-2027-INB');
    expect(text).toContain('perceel L3');
    const verified = JSON.parse((await binary(w.almereAuditor, 'POST', '/api/v1/reports/verify', pdf.bytes)).bytes.toString());
    expect(verified).toMatchObject({ signatureValid: true, knownReport: true, reportId: created.body[0].id, intact: true });
    // The content is checked: the embedded procedure.json re-evaluated equals procedure-evaluation.json.
    expect(verified.document.procedureProof).toMatchObject({ procedureValid: true, embeddedResultMatches: true, differences: [], problems: [] });
    expect((await w.almereInkoper.get(reportsUrl())).body.at(-1).kind).toBe('procedure-evaluation');
  }, 60_000);

  it('is for an inkoper: 403 to an auditor, 404 to another organisation and to an evaluator, also for reading', async () => {
    const listed = (await w.almereInkoper.get(reportsUrl())).body as { url: string }[];
    expect((await w.almereAuditor.post(reportsUrl(), { kind: 'evaluation' })).status).toBe(403);
    for (const client of [w.utrechtInkoper, w.utrechtAuditor]) {
      expect((await client.post(reportsUrl(), { kind: 'evaluation' })).status).toBe(404);
      expect((await client.get(reportsUrl())).status).toBe(404);
      expect((await binary(client, 'GET', listed[0]?.url ?? '')).status).toBe(404);
    }
    expect((await w.almereBeoordelaar.get(reportsUrl())).status).toBe(404);
    expect((await binary(w.almereBeoordelaar, 'GET', listed[0]?.url ?? '')).status).toBe(404);
  });

  it('names only lots of the procedure, and lots only for letters (400)', async () => {
    const unknown = await w.almereInkoper.post(reportsUrl(), { kind: 'award-letters', lots: ['L9'] });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([{ path: 'lots[0]', message: 'geen perceel van deze procedure (L1, L2, L3)' }]);
    expect((await w.almereInkoper.post(reportsUrl(), { kind: 'evaluation', lots: ['L1'] })).status).toBe(400);
  });
});
