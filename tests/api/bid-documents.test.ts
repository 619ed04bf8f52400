/**
 * Bid documents (issue 20): received as the body, checked for what they are, stored in
 * chunks with their SHA-256 and audit event, never changed (a replacement is a new version),
 * served with safe headers, and only to whom the tender's access rules allow.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleSheetXlsx } from '../../src/web/sheet/example-sheet.js';
import { verifyAuditTrail } from '../../src/modules/audit/audit.service.js';
import { removeInterruptedUploads } from '../../src/modules/documents/documents.service.js';
import { documentQuery, downloadDocument, pdfDocument, uploadDocument, XLSX } from '../helpers/documents.js';
import { createPanelTender } from '../helpers/panel.js';
import { seedWorld, type World } from '../helpers/seed.js';
import { createTestApp, LONG_SESSIONS, type TestApp } from '../helpers/test-app.js';
import { importAlmereTender } from '../helpers/tenders.js';

const MIB = 1024 * 1024;
let t: TestApp;
let w: World;
let tender: string;

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const docs = (id: string, bidId: string, query: Record<string, string> = {}) =>
  `/api/v1/tenders/${id}/bids/${bidId}/documents${Object.keys(query).length === 0 ? '' : `?${documentQuery(query)}`}`;
const chunkRows = (documentId: string) =>
  (t.db.sqlite.prepare('SELECT count(*) AS n FROM document_chunks WHERE document_id = ?').get(documentId) as { n: number }).n;
const allChunkRows = () => (t.db.sqlite.prepare('SELECT count(*) AS n FROM document_chunks').get() as { n: number }).n;

beforeAll(async () => {
  t = createTestApp({ ...LONG_SESSIONS, documentMaxBytes: 4 * MIB });
  w = await seedWorld(t);
  tender = await createPanelTender(w.almereInkoper, w.orgs.almere, { open: false });
}, 60_000);
afterAll(() => t.close());

describe('receiving a document', () => {
  it('stores a PDF larger than the general body limit in 1 MiB chunks, with its SHA-256, and serves the same bytes back', async () => {
    const pdf = pdfDocument('Plan van aanpak Taalhuis', Math.floor(2.5 * MIB));
    const response = await uploadDocument(t, w.almereInkoper, docs(tender, 'B1', { envelope: 'quality', name: 'Plan van aanpak.pdf', criterionId: 'K1' }), pdf);
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    expect(response.body).toMatchObject({
      bidId: 'B1',
      envelope: 'quality',
      name: 'Plan van aanpak.pdf',
      mediaType: 'application/pdf',
      size: pdf.length,
      sha256: sha(pdf),
      receivedAt: '2026-03-02T09:00:00.000Z',
      version: 1,
      criterionId: 'K1',
      replaces: null,
      reason: null,
      replacedBy: null,
    });
    expect(chunkRows(response.body.id)).toBe(3);

    const got = await downloadDocument(t, w.almereInkoper, docs(tender, 'B1') + `/${response.body.id}`);
    expect(got.status).toBe(200);
    expect(sha(got.bytes)).toBe(sha(pdf));
    expect(got.headers.get('content-type')).toBe('application/pdf');
    expect(got.headers.get('content-length')).toBe(String(pdf.length));
    expect(got.headers.get('x-content-type-options')).toBe('nosniff');
    expect(got.headers.get('content-disposition')).toBe(`inline; filename="Plan van aanpak.pdf"; filename*=UTF-8''Plan%20van%20aanpak.pdf`);
    expect(got.headers.get('content-security-policy')).toMatch(/^sandbox; /);
    const attachment = await downloadDocument(t, w.almereInkoper, docs(tender, 'B1') + `/${response.body.id}?download=1`);
    expect(attachment.headers.get('content-disposition')).toMatch(/^attachment; /);
  });

  it('counts a body without Content-Length as it streams, and refuses it past the limit without leaving a chunk', async () => {
    const before = allChunkRows();
    const big = pdfDocument('Te groot', 5 * MIB);
    const chunked = await uploadDocument(t, w.almereInkoper, docs(tender, 'B1', { envelope: 'quality', name: 'groot.pdf' }), big, { chunked: true });
    expect(chunked.status).toBe(413);
    expect(chunked.body.detail).toBe('Het document is groter dan 4 MiB, het maximum.');
    expect(allChunkRows()).toBe(before);
    const declared = await uploadDocument(t, w.almereInkoper, docs(tender, 'B1', { envelope: 'quality', name: 'groot.pdf' }), big);
    expect(declared.status).toBe(413);
    const small = pdfDocument('Bijlage', 300 * 1024);
    const streamed = await uploadDocument(t, w.almereInkoper, docs(tender, 'B2', { envelope: 'quality', name: 'bijlage.pdf' }), small, { chunked: true });
    expect(streamed.status, JSON.stringify(streamed.body)).toBe(201);
    expect(streamed.body.sha256).toBe(sha(small));
  });

  it('judges the caller before the body: an auditor gets 403 for a body far over every limit, another organisation 404', async () => {
    const big = pdfDocument('Te groot', 5 * MIB);
    const auditor = await uploadDocument(t, w.almereAuditor, docs(tender, 'B1', { envelope: 'quality', name: 'x.pdf' }), big);
    expect(auditor.status).toBe(403);
    const other = await uploadDocument(t, w.lelystadInkoper, docs(tender, 'B1', { envelope: 'quality', name: 'x.pdf' }), big);
    expect(other.status).toBe(404);
    // Any other API route keeps the general 1 MiB limit.
    const bid = await t.app.request(`/api/v1/tenders/${tender}/bids`, {
      method: 'POST',
      headers: { cookie: w.almereInkoper.cookie ?? '', 'content-type': 'application/json', 'content-length': String(2 * MIB) },
      body: 'x'.repeat(2 * MIB),
    });
    expect(bid.status).toBe(413);
  });

  it('refuses what is not really a PDF or a workbook (415), whatever its Content-Type says', async () => {
    const path = docs(tender, 'B1', { envelope: 'quality', name: 'plan.pdf' });
    const text = await uploadDocument(t, w.almereInkoper, path, Buffer.from('Dit is geen PDF maar platte tekst.'));
    expect(text.status).toBe(415);
    expect(text.body.detail).toBe('Het bestand is geen PDF: de eerste bytes zijn niet die van een PDF.');
    const pdf = pdfDocument('Afgebroken');
    const cut = await uploadDocument(t, w.almereInkoper, path, pdf.subarray(0, pdf.length - 40));
    expect(cut.status).toBe(415);
    expect(cut.body.detail).toMatch(/^De PDF is onvolledig/);
    const sheet = await exampleSheetXlsx();
    const xlsxAsQuality = await uploadDocument(t, w.almereInkoper, docs(tender, 'B1', { envelope: 'quality', name: 'prijs.xlsx' }), sheet, { type: XLSX });
    expect(xlsxAsQuality.status).toBe(415);
    const wrongType = await uploadDocument(t, w.almereInkoper, path, pdf, { type: 'text/plain' });
    expect(wrongType.status).toBe(415);
    // A zip that is no workbook: the magic bytes match, the structure does not.
    const zip = Buffer.from('504b0506000000000000000000000000000000000000', 'hex');
    const notWorkbook = await uploadDocument(
      t,
      w.almereInkoper,
      docs(tender, 'B1', { envelope: 'price', name: 'prijs.xlsx' }),
      Buffer.concat([Buffer.from('PK\x03\x04'), zip]),
      { type: XLSX },
    );
    expect(notWorkbook.status).toBe(415);
    expect(allChunkRows()).toBe(3 + 1);
  });

  it('takes the price sheet as .xlsx in the price envelope', async () => {
    const sheet = await exampleSheetXlsx();
    const response = await uploadDocument(t, w.almereInkoper, docs(tender, 'B1', { envelope: 'price', name: 'Prijsblad B1.xlsx' }), sheet, { type: XLSX });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    expect(response.body).toMatchObject({ envelope: 'price', mediaType: XLSX, sha256: sha(sheet) });
    const got = await downloadDocument(t, w.almereInkoper, docs(tender, 'B1') + `/${response.body.id}`);
    expect(got.headers.get('content-disposition')).toMatch(/^attachment; filename="Prijsblad B1.xlsx"/);
  });

  it('refuses a criterion that does not exist and a reason without a replacement (400)', async () => {
    const pdf = pdfDocument('Plan');
    const unknown = await uploadDocument(t, w.almereInkoper, docs(tender, 'B1', { envelope: 'quality', name: 'p.pdf', criterionId: 'K9' }), pdf);
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([{ path: 'query.criterionId', message: 'onbekend criterium' }]);
    const reason = await uploadDocument(t, w.almereInkoper, docs(tender, 'B1', { envelope: 'quality', name: 'p.pdf', reason: 'Verkeerd bestand.' }), pdf);
    expect(reason.status).toBe(400);
    const noBid = await uploadDocument(t, w.almereInkoper, docs(tender, 'B9', { envelope: 'quality', name: 'p.pdf' }), pdf);
    expect(noBid.status).toBe(404);
  });
});

describe('an upload a crash interrupted', () => {
  it('leaves chunks that the next start removes, and only those', async () => {
    const pdf = pdfDocument('Blijft staan', Math.floor(1.5 * MIB));
    const kept = await uploadDocument(t, w.almereInkoper, docs(tender, 'B2', { envelope: 'quality', name: 'blijft.pdf' }), pdf);
    expect(kept.status).toBe(201);
    const before = allChunkRows();
    // What a killed process leaves: chunks written, the document row never.
    const insert = t.db.sqlite.prepare('INSERT INTO document_chunks (document_id, seq, bytes) VALUES (?, ?, ?)');
    for (const seq of [0, 1]) insert.run('afgebroken-upload', seq, Buffer.alloc(1024, 1));
    expect(allChunkRows()).toBe(before + 2);
    expect(removeInterruptedUploads(t.ctx)).toBe(2);
    expect(allChunkRows()).toBe(before);
    expect(chunkRows(kept.body.id)).toBe(2);
    expect(sha((await downloadDocument(t, w.almereInkoper, `${docs(tender, 'B2')}/${kept.body.id}`)).bytes)).toBe(sha(pdf));
    expect(removeInterruptedUploads(t.ctx)).toBe(0);
  });
});

describe('replacing a document', () => {
  it('adds a new version with its reason and keeps the old one; only the newest can be replaced', async () => {
    const first = await uploadDocument(t, w.almereInkoper, docs(tender, 'B2', { envelope: 'quality', name: 'plan.pdf' }), pdfDocument('Versie 1'));
    expect(first.status).toBe(201);
    const withoutReason = await uploadDocument(
      t,
      w.almereInkoper,
      docs(tender, 'B2', { envelope: 'quality', name: 'plan.pdf', replaces: first.body.id }),
      pdfDocument('Versie 2'),
    );
    expect(withoutReason.status).toBe(400);
    expect(withoutReason.body.errors).toEqual([{ path: 'query.reason', message: 'verplicht bij replaces' }]);
    const reason = 'Per abuis was het concept geüpload in plaats van het ingediende plan.';
    const second = await uploadDocument(
      t,
      w.almereInkoper,
      docs(tender, 'B2', { envelope: 'quality', name: 'plan.pdf', replaces: first.body.id, reason }),
      pdfDocument('Versie 2'),
    );
    expect(second.status, JSON.stringify(second.body)).toBe(201);
    expect(second.body).toMatchObject({ version: 2, replaces: first.body.id, reason });
    const again = await uploadDocument(
      t,
      w.almereInkoper,
      docs(tender, 'B2', { envelope: 'quality', name: 'plan.pdf', replaces: first.body.id, reason }),
      pdfDocument('Versie 3'),
    );
    expect(again.status).toBe(409);
    expect(again.body.detail).toBe(`Document ${first.body.id} is al vervangen door ${second.body.id}; vervang de nieuwste versie.`);
    const list = await w.almereInkoper.get(docs(tender, 'B2'));
    const plan = list.body.filter((d: { name: string }) => d.name === 'plan.pdf');
    expect(plan.map((d: { version: number; replacedBy: string | null }) => [d.version, d.replacedBy])).toEqual([
      [1, second.body.id],
      [2, null],
    ]);
    const old = await downloadDocument(t, w.almereInkoper, docs(tender, 'B2') + `/${first.body.id}`);
    expect(sha(old.bytes)).toBe(first.body.sha256);
  });

  it('keeps a bid, and its tender, that has documents (409)', async () => {
    const bid = await w.almereInkoper.request('DELETE', `/api/v1/tenders/${tender}/bids/B2`);
    expect(bid.status).toBe(409);
    expect(bid.body.detail).toMatch(/^Bij inschrijving B2 zijn \d+ documenten ontvangen; een ontvangen document is een vastlegging/);
    const whole = await w.almereInkoper.request('DELETE', `/api/v1/tenders/${tender}`);
    expect(whole.status).toBe(409);
  });
});

describe('after the opening', () => {
  let priceDoc: string;
  let qualityDoc: string;

  beforeAll(async () => {
    const list = await w.almereInkoper.get(docs(tender, 'B1'));
    priceDoc = list.body.find((d: { envelope: string }) => d.envelope === 'price').id;
    qualityDoc = list.body.find((d: { envelope: string }) => d.envelope === 'quality').id;
    expect((await w.almereInkoper.post(`/api/v1/tenders/${tender}/evaluators`, { userId: w.almereBeoordelaar.userId })).status).toBe(201);
    expect((await w.almereInkoper.post(`/api/v1/tenders/${tender}/open`)).status).toBe(200);
  });

  it('receives no new document (409 naming the step), but takes a replacement with a reason', async () => {
    const late = await uploadDocument(t, w.almereInkoper, docs(tender, 'B1', { envelope: 'quality', name: 'laat.pdf' }), pdfDocument('Laat'));
    expect(late.status).toBe(409);
    expect(late.body.detail).toMatch(/^Documenten van een inschrijving worden ontvangen zolang de aanbesteding in voorbereiding is/);
    const replaced = await uploadDocument(
      t,
      w.almereInkoper,
      docs(tender, 'B1', {
        envelope: 'quality',
        name: 'Plan van aanpak.pdf',
        criterionId: 'K1',
        replaces: qualityDoc,
        reason: 'De laatste pagina ontbrak in het geüploade bestand.',
      }),
      pdfDocument('Plan van aanpak Taalhuis, compleet'),
    );
    expect(replaced.status, JSON.stringify(replaced.body)).toBe(201);
    qualityDoc = replaced.body.id;
  });

  it('shows an evaluator on the panel, after its declaration, the quality envelope only; the price envelope does not exist for it', async () => {
    const before = await w.almereBeoordelaar.get(docs(tender, 'B1'));
    expect(before.status).toBe(403);
    expect((await w.almereBeoordelaar.post(`/api/v1/tenders/${tender}/conflict-declaration`, { noConflict: true })).status).toBe(200);
    const list = await w.almereBeoordelaar.get(docs(tender, 'B1'));
    expect(list.status).toBe(200);
    expect(new Set(list.body.map((d: { envelope: string }) => d.envelope))).toEqual(new Set(['quality']));
    expect(list.body.map((d: { id: string }) => d.id)).toContain(qualityDoc);
    expect((await downloadDocument(t, w.almereBeoordelaar, docs(tender, 'B1') + `/${qualityDoc}`)).status).toBe(200);
    const price = await downloadDocument(t, w.almereBeoordelaar, docs(tender, 'B1') + `/${priceDoc}`);
    expect(price.status).toBe(404);
    // The auditor reads both envelopes.
    expect((await downloadDocument(t, w.almereAuditor, docs(tender, 'B1') + `/${priceDoc}`)).status).toBe(200);
  });

  it('answers 404 to another organisation, to a beoordelaar off the panel, and for a document of another bid', async () => {
    const offPanel = await createMemberOffPanel();
    for (const client of [w.lelystadInkoper, w.utrechtAuditor, offPanel]) {
      expect((await client.get(docs(tender, 'B1'))).status).toBe(404);
      expect((await downloadDocument(t, client, docs(tender, 'B1') + `/${qualityDoc}`)).status).toBe(404);
    }
    expect((await downloadDocument(t, w.almereInkoper, docs(tender, 'B2') + `/${qualityDoc}`)).status).toBe(404);
    expect((await downloadDocument(t, w.almereInkoper, docs(tender, 'B1') + '/bestaat-niet')).status).toBe(404);
  });
});

async function createMemberOffPanel() {
  const { createMember } = await import('../helpers/seed.js');
  return createMember(t, w.admin, { organisationId: w.orgs.almere, role: 'beoordelaar' });
}

describe('the audit trail', () => {
  it('records each receipt, and the documents agree with their events', async () => {
    const events = await w.almereInkoper.get(`/api/v1/tenders/${tender}/audit-events`);
    const receipts = (events.body.events ?? events.body).filter((e: { action: string }) => e.action === 'bid-document.receive');
    const stored = (t.db.sqlite.prepare('SELECT count(*) AS n FROM bid_documents WHERE tender_id = ?').get(tender) as { n: number }).n;
    expect(receipts).toHaveLength(stored);
    const verification = verifyAuditTrail(t.ctx);
    expect(verification.stateMismatch).toBeNull();
    expect(verification.valid).toBe(true);
  });

  it('names a document whose stored bytes were swapped', () => {
    const row = t.db.sqlite.prepare("SELECT id FROM bid_documents WHERE tender_id = ? AND bid_id = 'B2' ORDER BY received_at LIMIT 1").get(tender) as {
      id: string;
    };
    const sqlite = t.db.sqlite;
    sqlite.exec('BEGIN');
    try {
      sqlite.prepare('UPDATE document_chunks SET bytes = ? WHERE document_id = ? AND seq = 0').run(pdfDocument('Vervalst plan'), row.id);
      const verification = verifyAuditTrail(t.ctx);
      expect(verification.valid).toBe(false);
      expect(verification.stateMismatch).toMatchObject({ table: 'bid_documents', key: { id: row.id }, column: 'sha256', problem: 'different' });
    } finally {
      sqlite.exec('ROLLBACK');
    }
  });
});

describe('the evaluation report', () => {
  it('lists every document, every version, with its SHA-256', async () => {
    const { exampleDossier } = await import('../helpers/dossiers.js');
    const { normaliseWhitespace, pdfText } = await import('../unit/reports/poppler.js');
    const id = await importAlmereTender(w, exampleDossier());
    const plan = pdfDocument('Plan B2');
    const first = await uploadDocument(t, w.almereInkoper, docs(id, 'B2', { envelope: 'quality', name: 'Plan B2.pdf' }), plan);
    const price = await uploadDocument(t, w.almereInkoper, docs(id, 'B2', { envelope: 'price', name: 'Prijzen B2.pdf' }), pdfDocument('Prijzen'));
    expect([first.status, price.status]).toEqual([201, 201]);
    expect((await w.almereInkoper.post(`/api/v1/tenders/${id}/open`)).status).toBe(200);
    const created = await w.almereInkoper.post(`/api/v1/tenders/${id}/reports`, { kind: 'evaluation' });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const response = await t.app.request(created.body.url, { headers: { cookie: w.almereInkoper.cookie ?? '' } });
    const text = normaliseWhitespace(pdfText(Buffer.from(await response.arrayBuffer())));
    expect(text).toContain('Documenten van de inschrijvingen');
    expect(text).toContain(`B2, kwaliteitsenvelop: Plan B2.pdf (versie 1, ${plan.length.toLocaleString('nl-NL')} bytes, ontvangen`);
    expect(text).toContain(sha(plan));
    expect(text).toContain('B2, prijsenvelop: Prijzen B2.pdf (versie 1,');
    expect(text).toContain(price.body.sha256);
  });
});
