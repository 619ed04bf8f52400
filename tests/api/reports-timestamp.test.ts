/**
 * Reports with `TSA_URL` configured, against a real RFC 3161 authority on loopback: every
 * report is PAdES B-T, `POST /reports/verify` names the authority and its time, and when the
 * authority fails nothing is stored and the inkoper gets a Dutch 503 to try again (JSON API
 * and page alike).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { binaryRequest, type TestClient } from '../helpers/client.js';
import { exampleDossier } from '../helpers/dossiers.js';
import { PASSWORD, seedWorld, type World } from '../helpers/seed.js';
import { createTestApp, LONG_SESSIONS, type TestApp } from '../helpers/test-app.js';
import { startTimestampAuthority, type TestTimestampAuthority } from '../helpers/timestamp-authority.js';
import { normaliseWhitespace, pdfsig, pdfText } from '../unit/reports/poppler.js';
import { loginPage, visibleText } from '../web/page-client.js';
import { importAlmereTender } from '../helpers/tenders.js';

let tsa: TestTimestampAuthority;
let t: TestApp;
let w: World;
let tenderId: string;

const binary = (client: TestClient, method: string, path: string, body?: Uint8Array) => binaryRequest(t, client, method, path, body);

async function reportCount(): Promise<{ reports: number; events: number }> {
  const reports = (await w.almereInkoper.get(`/api/v1/tenders/${tenderId}/reports`)).body as unknown[];
  const events = (await w.almereInkoper.get(`/api/v1/tenders/${tenderId}/audit-events`)).body as { action: string }[];
  return { reports: reports.length, events: events.filter((e) => e.action === 'report.created').length };
}

beforeAll(async () => {
  tsa = await startTimestampAuthority();
  t = createTestApp(LONG_SESSIONS, { timestamping: { url: tsa.url, timeoutMs: 1000 } });
  w = await seedWorld(t);
  tenderId = await importAlmereTender(w, exampleDossier());
  expect((await w.almereInkoper.post(`/api/v1/tenders/${tenderId}/open`)).status).toBe(200);
}, 60_000);
afterAll(async () => {
  t.close();
  await tsa.close();
});

describe('reports with a timestamp authority (TSA_URL)', () => {
  it('are PAdES B-T: verify names the authority and its time, and the cover says the time is trusted', async () => {
    const created = await w.almereInkoper.post(`/api/v1/tenders/${tenderId}/reports`, { kind: 'evaluation' });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const pdf = (await binary(w.almereInkoper, 'GET', created.body.url)).bytes;
    const verified = await binary(w.almereAuditor, 'POST', '/api/v1/reports/verify', pdf);
    const body = JSON.parse(verified.bytes.toString());
    expect(body).toMatchObject({
      signatureValid: true,
      coversWholeDocument: true,
      knownReport: true,
      reportId: created.body.id,
      padesLevel: 'B-T',
      timestamp: { authority: { subject: tsa.subject, fingerprintSha256: tsa.fingerprintSha256 } },
      problems: [],
    });
    // The authority's clock, not the server's (the test clock stands in 2026-03).
    expect(Math.abs(Date.parse(body.timestamp.time) - Date.now())).toBeLessThan(60_000);
    expect(normaliseWhitespace(pdfText(pdf))).toContain('ja: een tijdstempeldienst (RFC 3161) legt het tijdstip van ondertekening vast (PAdES B-T)');
    const report = pdfsig(pdf);
    expect(report).toContain('Signature is Valid');
    expect(report).toContain('Total document signed');
  });

  it('are not stored when the authority fails: a Dutch 503 with Retry-After, no report, no audit event', async () => {
    const before = await reportCount();
    tsa.misbehave('http-error');
    try {
      const refused = await w.almereInkoper.post(`/api/v1/tenders/${tenderId}/reports`, { kind: 'evaluation' });
      expect(refused.status).toBe(503);
      expect(refused.headers.get('content-type')).toContain('application/problem+json');
      expect(refused.headers.get('retry-after')).toBe('60');
      expect(refused.body).toMatchObject({ type: '/problems/unavailable', status: 503 });
      expect(refused.body.detail).toContain('Het rapport is niet gemaakt: de tijdstempeldienst');
      expect(refused.body.detail).toContain('antwoordde met HTTP 500');
      expect(refused.body.detail).toContain('probeer het over enkele minuten opnieuw');
      expect(await reportCount()).toEqual(before);
    } finally {
      tsa.misbehave('none');
    }
  });

  it('give up on an authority that does not answer within the timeout', async () => {
    const before = await reportCount();
    tsa.misbehave('no-answer');
    try {
      const started = Date.now();
      const refused = await w.almereInkoper.post(`/api/v1/tenders/${tenderId}/reports`, { kind: 'evaluation' });
      expect(refused.status).toBe(503);
      expect(refused.body.detail).toContain('antwoordde niet binnen 1 seconde');
      expect(Date.now() - started).toBeLessThan(5000);
      expect(await reportCount()).toEqual(before);
    } finally {
      tsa.misbehave('none');
    }
    expect((await w.almereInkoper.post(`/api/v1/tenders/${tenderId}/reports`, { kind: 'evaluation' })).status).toBe(201);
  });

  it('on the reports page: the refusal is shown with status 503, and the verify page names the timestamp', async () => {
    const page = await loginPage(t, w.almereInkoper.email, PASSWORD);
    tsa.misbehave('rejection');
    try {
      const refused = await page.post(`/aanbestedingen/${tenderId}/rapporten`, { kind: 'evaluation' });
      expect(refused.status).toBe(503);
      expect(visibleText(refused.html)).toContain('Het rapport is niet gemaakt: de tijdstempeldienst');
      expect(visibleText(refused.html)).toContain('weigerde het tijdstempel');
    } finally {
      tsa.misbehave('none');
    }
    const list = (await w.almereInkoper.get(`/api/v1/tenders/${tenderId}/reports`)).body as { url: string }[];
    const pdf = (await binary(w.almereInkoper, 'GET', list.at(-1)?.url ?? '')).bytes;
    const form = new FormData();
    form.set('pdf', new File([new Uint8Array(pdf)], 'rapport.pdf'));
    const checked = visibleText((await page.post('/rapporten/controleren', form)).html);
    expect(checked).toContain('PAdES B-T: tijdstempel van');
    expect(checked).toContain(`door ${tsa.subject}`);
  });
});
