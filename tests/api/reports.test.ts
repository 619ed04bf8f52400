/**
 * Signed reports through the API: the evaluation report and award letters are rendered from
 * the tender's state, signed, stored byte for byte, served unchanged, and verified by their
 * signature (not only by lookup).
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDutchNumber } from '../../src/domain/money.js';
import { binaryRequest, type TestClient } from '../helpers/client.js';
import { derivedSecrets, findSecrets, otherBiddersSecrets } from '../helpers/confidential-figures.js';
import { exampleDossier } from '../helpers/dossiers.js';
import { createPanelTender, runPanel, setConsensus } from '../helpers/panel.js';
import { seedWorld, type World } from '../helpers/seed.js';
import { createTestApp, LONG_SESSIONS, type TestApp } from '../helpers/test-app.js';
import { normaliseWhitespace, pdfsig, pdfText } from '../unit/reports/poppler.js';

let t: TestApp;
let w: World;
let tenderId: string;
let panelTenderId: string;

const SCORES = { B1: { K1: 8, K2: 6 }, B2: { K1: 6, K2: 6 } };

const binary = (client: TestClient, method: string, path: string, body?: Uint8Array, type?: string) => binaryRequest(t, client, method, path, body, type);

beforeAll(async () => {
  t = createTestApp(LONG_SESSIONS);
  w = await seedWorld(t);
  const imported = await w.almereInkoper.post('/api/v1/tenders/import', { organisationId: w.orgs.almere, dossier: exampleDossier() });
  tenderId = imported.body.id;
  expect((await w.almereInkoper.post(`/api/v1/tenders/${tenderId}/open`)).status).toBe(200);
  panelTenderId = await createPanelTender(w.regioInkoper, w.orgs.regio);
  await runPanel(w.regioInkoper, panelTenderId, [{ evaluator: w.almereBeoordelaar, scores: SCORES }]);
  await setConsensus(w.regioInkoper, panelTenderId, SCORES);
}, 60_000);
afterAll(() => t.close());

describe('POST /api/v1/tenders/:id/reports {kind: evaluation}', () => {
  let created: { id: string; sha256: string; url: string };
  let pdf: Buffer;
  let headBefore: string;

  beforeAll(async () => {
    headBefore = (await w.almereInkoper.get('/api/v1/audit/verify')).body.head;
    const response = await w.almereInkoper.post(`/api/v1/tenders/${tenderId}/reports`, { kind: 'evaluation' });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    created = response.body;
    pdf = (await binary(w.almereInkoper, 'GET', created.url)).bytes;
  });

  it('stores the signed bytes and serves them unchanged, with their SHA-256', async () => {
    expect(created.url).toBe(`/api/v1/reports/${created.id}`);
    expect(createHash('sha256').update(pdf).digest('hex')).toBe(created.sha256);
    const again = await binary(w.almereAuditor, 'GET', created.url);
    expect(again.status).toBe(200);
    expect(again.headers.get('content-type')).toBe('application/pdf');
    expect(again.bytes.equals(pdf)).toBe(true);
  });

  it('is a PDF signature that pdfsig accepts over the whole document', () => {
    const report = pdfsig(pdf);
    expect(report).toContain('Signature is Valid');
    expect(report).toContain('Total document signed');
  });

  it('reads back the tender, the winner, every criterion and the audit head', async () => {
    const text = normaliseWhitespace(pdfText(pdf));
    const dossier = exampleDossier();
    expect(text).toContain(dossier.tender.reference);
    const evaluation = (await w.almereInkoper.get(`/api/v1/tenders/${tenderId}/evaluation`)).body;
    const winner = dossier.bids.find((b) => b.id === evaluation.winner);
    expect(text).toContain(winner?.provider.name);
    for (const criterion of dossier.criteria) expect(text).toContain(criterion.title);
    // The report shows the chain's head as it was when it was made, before its own event.
    expect(headBefore).toMatch(/^[0-9a-f]{64}$/);
    expect(text.replace(/\s/g, '')).toContain(headBefore);
  });

  it('includes the formula check in the method section', async () => {
    const text = normaliseWhitespace(pdfText(pdf));
    const check = (await w.almereInkoper.get(`/api/v1/tenders/${tenderId}/formula-check`)).body;
    expect(text).toContain('Formulecheck: lokt deze formule onderbieden uit?');
    expect(text).toContain(normaliseWhitespace(check.verdictSentence).slice(0, 60));
  });

  it('lists the issued reports of the tender', async () => {
    const list = await w.almereAuditor.get(`/api/v1/tenders/${tenderId}/reports`);
    expect(list.status).toBe(200);
    expect(list.body).toEqual([expect.objectContaining({ id: created.id, kind: 'evaluation', bidId: null, sha256: created.sha256 })]);
  });

  it('answers 404 to another organisation and to an evaluator off the panel, 403 to one on it', async () => {
    expect((await binary(w.utrechtInkoper, 'GET', created.url)).status).toBe(404);
    expect((await binary(w.utrechtAuditor, 'GET', created.url)).status).toBe(404);
    expect((await binary(w.almereBeoordelaar, 'GET', created.url)).status).toBe(404);
    const ofPanelTender = await w.regioInkoper.post(`/api/v1/tenders/${panelTenderId}/reports`, { kind: 'evaluation' });
    expect(ofPanelTender.status).toBe(201);
    expect((await binary(w.almereBeoordelaar, 'GET', ofPanelTender.body.url)).status).toBe(403);
    expect((await w.almereAuditor.post(`/api/v1/tenders/${tenderId}/reports`, { kind: 'evaluation' })).status).toBe(403);
  });

  it('verifies the signature cryptographically and recognises its own report', async () => {
    const verified = await binary(w.utrechtAuditor, 'POST', '/api/v1/reports/verify', pdf);
    const body = JSON.parse(verified.bytes.toString());
    expect(verified.status).toBe(200);
    expect(body).toMatchObject({ signatureValid: true, coversWholeDocument: true, knownReport: true, reportId: created.id, sha256: created.sha256 });
    expect(body.signer.subject).toContain('Gunningswijzer');
  });

  it('records the signature as validated right after signing, lists it, and verify gives it with the embedded proof re-computed', async () => {
    const expected = {
      valid: true,
      padesLevel: 'B-B',
      signer: { subject: expect.stringContaining('Gunningswijzer'), fingerprintSha256: expect.stringMatching(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/) },
      timestamp: null,
      problems: [],
      validatedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    };
    const list = await w.almereAuditor.get(`/api/v1/tenders/${tenderId}/reports`);
    expect(list.body[0].signatureCheck).toEqual(expected);
    const body = JSON.parse((await binary(w.utrechtAuditor, 'POST', '/api/v1/reports/verify', pdf)).bytes.toString());
    expect(body.issuedSignatureCheck).toEqual(list.body[0].signatureCheck);
    expect(body).toMatchObject({
      intact: true,
      document: {
        pdfa: '3B',
        record: { reportId: created.id },
        proof: { dossierValid: true, embeddedResultMatches: true, printedWinnerMatches: true, printedRankingMatches: true },
      },
    });
    const events = (await w.almereAuditor.get('/api/v1/audit/verify')).body;
    expect(events.valid).toBe(true);
  });

  it('is PAdES B-B without TSA_URL, and its cover says it carries no trusted time', async () => {
    const body = JSON.parse((await binary(w.almereAuditor, 'POST', '/api/v1/reports/verify', pdf)).bytes.toString());
    expect(body).toMatchObject({ padesLevel: 'B-B', timestamp: null });
    expect(pdfsig(pdf)).toContain('ETSI.CAdES.detached');
    expect(normaliseWhitespace(pdfText(pdf))).toContain('geen: dit document draagt geen vertrouwd tijdstip (PAdES B-B)');
  });

  it('rejects a report with one byte changed', async () => {
    const tampered = Buffer.from(pdf);
    const at = Math.max(100, tampered.indexOf('Beoordelingsrapport'));
    tampered.writeUInt8(tampered.readUInt8(at) ^ 0x01, at);
    const body = JSON.parse((await binary(w.almereInkoper, 'POST', '/api/v1/reports/verify', tampered)).bytes.toString());
    expect(body.signatureValid).toBe(false);
    expect(body.knownReport).toBe(false);
    expect(body.problems.length).toBeGreaterThan(0);
  });

  it('asks for a PDF body and a logged-in caller', async () => {
    expect((await binary(w.almereInkoper, 'POST', '/api/v1/reports/verify', Buffer.from('{}'), 'application/json')).status).toBe(415);
    expect((await binary(w.almereInkoper, 'POST', '/api/v1/reports/verify', new Uint8Array(0))).status).toBe(400);
    const anonymous = await t.app.request('/api/v1/reports/verify', { method: 'POST', headers: { 'content-type': 'application/pdf' }, body: pdf });
    expect(anonymous.status).toBe(401);
    const garbage = JSON.parse((await binary(w.almereInkoper, 'POST', '/api/v1/reports/verify', Buffer.from('geen pdf'))).bytes.toString());
    expect(garbage).toMatchObject({ signatureValid: false, knownReport: false, reportId: null });
  });

  it('writes an audit event with the kind and the hash', async () => {
    const events = (await w.almereInkoper.get(`/api/v1/tenders/${tenderId}/audit-events`)).body as { action: string; entityId: string; change: any }[];
    const event = events.find((e) => e.action === 'report.created' && e.entityId === created.id);
    expect(event?.change.after).toMatchObject({ kind: 'evaluation', bidId: null, sha256: created.sha256 });
  });
});

describe('POST /api/v1/tenders/:id/reports {kind: award-letter}', () => {
  it('is refused before the award decision', async () => {
    const response = await w.regioInkoper.post(`/api/v1/tenders/${panelTenderId}/reports`, { kind: 'award-letter', bidId: 'B2' });
    expect(response.status).toBe(409);
    expect(response.body.detail).toContain('gunningsbeslissing');
  });

  it('writes a letter per bidder after the decision: the winner is told, the loser sees both scores', async () => {
    t.clock.set('2026-10-24T21:30:00Z');
    expect((await w.regioInkoper.post(`/api/v1/tenders/${panelTenderId}/award-decision`)).status).toBe(200);
    const unknown = await w.regioInkoper.post(`/api/v1/tenders/${panelTenderId}/reports`, { kind: 'award-letter', bidId: 'B9' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([{ path: 'bidId', message: 'onbekende inschrijving B9' }]);
    const missing = await w.regioInkoper.post(`/api/v1/tenders/${panelTenderId}/reports`, { kind: 'award-letter' });
    expect(missing.body.errors).toEqual([{ path: 'bidId', message: 'verplicht voor een gunningsbrief' }]);

    const loser = await w.regioInkoper.post(`/api/v1/tenders/${panelTenderId}/reports`, { kind: 'award-letter', bidId: 'B2' });
    expect(loser.status, JSON.stringify(loser.body)).toBe(201);
    expect(loser.body).toMatchObject({ kind: 'award-letter', bidId: 'B2' });
    const loserText = normaliseWhitespace(pdfText((await binary(w.regioInkoper, 'GET', loser.body.url)).bytes));
    expect(loserText).toContain('NT2 Centrum Almere');
    expect(loserText).toContain('Taalhuis Flevoland');
    expect(loserText).toContain('13 november 2026');
    expect(loserText).toContain('Na overleg in het panel: 6 punten voor B2 op K1.');

    const winner = await w.regioInkoper.post(`/api/v1/tenders/${panelTenderId}/reports`, { kind: 'award-letter', bidId: 'B1' });
    const winnerPdf = (await binary(w.regioInkoper, 'GET', winner.body.url)).bytes;
    expect(normaliseWhitespace(pdfText(winnerPdf)).toLowerCase()).toContain('voorgenomen');
    expect(pdfsig(winnerPdf)).toContain('Signature is Valid');
  });

  it('will not make an evaluation report while consensus scores are missing', async () => {
    const open = await createPanelTender(w.regioInkoper, w.orgs.regio);
    const response = await w.regioInkoper.post(`/api/v1/tenders/${open}/reports`, { kind: 'evaluation' });
    expect(response.status).toBe(409);
    expect(response.body.detail).toContain('consensusscores');
  });
});

describe('award letters through the API keep the other losing bidders confidential (issue 14)', () => {
  it("gives each loser its own result and the winner's, and no name, price or score of the other losers", async () => {
    // The example: Inburgering Direct (B3) is flagged; rejected after the art. 2.116 review, NT2 (B2) wins.
    const review = (body: unknown) => w.almereInkoper.post(`/api/v1/tenders/${tenderId}/bids/B3/low-bid-review`, body);
    expect((await review({ action: 'request-explanation', deadline: '2026-11-07', questions: ['Hoe dekt uw prijs de kostenvloer?'] })).status).toBe(200);
    expect((await review({ action: 'record-explanation', explanation: 'Wij werken met grotere groepen.' })).status).toBe(200);
    expect((await review({ action: 'decide', decision: 'rejected', motivation: 'Grotere groepen voldoen niet aan het bestek.' })).status).toBe(200);
    const decided = await w.almereInkoper.post(`/api/v1/tenders/${tenderId}/award-decision`);
    expect(decided.body).toMatchObject({ winner: 'B2' });
    const scores = (await w.almereInkoper.get(`/api/v1/tenders/${tenderId}/evaluation`)).body.bids as { bidId: string; score: number | null }[];
    const dossier = exampleDossier();
    for (const recipient of ['B1', 'B3', 'B4']) {
      const created = await w.almereInkoper.post(`/api/v1/tenders/${tenderId}/reports`, { kind: 'award-letter', bidId: recipient });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      const text = pdfText((await binary(w.almereInkoper, 'GET', created.body.url)).bytes);
      expect(text).toContain('NT2 Centrum Almere');
      expect(text).toContain('€ 612.000,00');
      const others = scores
        .filter((bid) => ![recipient, 'B2'].includes(bid.bidId) && bid.score !== null)
        .map((bid) => ({ label: `${bid.bidId} score`, text: formatDutchNumber(bid.score ?? 0, 2) }));
      const secrets = [...otherBiddersSecrets(dossier, [recipient, 'B2']), ...derivedSecrets(dossier, recipient, [recipient, 'B2']), ...others];
      expect(findSecrets(text, secrets), recipient).toEqual([]);
    }
  });
});
