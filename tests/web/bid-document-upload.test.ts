/**
 * The bids page receives bid documents (issue 20): a PDF sent through its form is streamed
 * into the same receipt as the API's, listed on the page (name, version, size, SHA-256,
 * received) and served with the same SHA-256; a replacement needs its reason. An upload over
 * the limit gets the Dutch 413 page without the server reading the body; another
 * organisation gets 404; an evaluator and an auditor get no form.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfDocument } from '../helpers/documents.js';
import { createPanelTender } from '../helpers/panel.js';
import { PASSWORD, seedWorld, type World } from '../helpers/seed.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { loginPage, ORIGIN, visibleText, type PageClient } from './page-client.js';

/** Small, so that "over the limit" needs no large test file. */
const LIMIT = 64 * 1024;

let t: TestApp;
let w: World;
let id: string;
let inkoper: PageClient;
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const uploadPath = (bidId = 'B1') => `/aanbestedingen/${id}/inschrijvingen/${bidId}/documenten`;

function uploadForm(fields: Record<string, string>, file: Uint8Array, name = 'plan.pdf', type = 'application/pdf'): FormData {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.append(key, value);
  // Last, as the page's form sends it.
  form.append('bestand', new Blob([Buffer.from(file)], { type }), name);
  return form;
}

/**
 * A multipart body sent as a stream of 64 KiB pieces, counting what the server pulls; with
 * or without a declared Content-Length.
 */
async function streamedUpload(
  client: PageClient,
  path: string,
  fileBytes: number,
  declareLength: boolean,
): Promise<{ status: number; html: string; pulled: number; total: number }> {
  const boundary = '----gw-test-boundary';
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="envelope"\r\n\r\nquality\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="bestand"; filename="groot.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
  );
  const file = pdfDocument('Te groot', fileBytes);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const whole = Buffer.concat([head, file, tail]);
  let pulled = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled >= whole.length) return controller.close();
      const piece = whole.subarray(pulled, pulled + 64 * 1024);
      pulled += piece.length;
      controller.enqueue(piece);
    },
  });
  const headers: Record<string, string> = {
    host: 'localhost',
    origin: ORIGIN,
    'sec-fetch-site': 'same-origin',
    'content-type': `multipart/form-data; boundary=${boundary}`,
    cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
  };
  if (declareLength) headers['content-length'] = String(whole.length);
  const response = await t.app.request(`${ORIGIN}${path}`, { method: 'POST', headers, body, duplex: 'half' } as RequestInit);
  return { status: response.status, html: await response.text(), pulled, total: whole.length };
}

beforeAll(async () => {
  t = createTestApp({ documentMaxBytes: LIMIT });
  w = await seedWorld(t);
  id = await createPanelTender(w.almereInkoper, w.orgs.almere, { open: false });
  inkoper = await loginPage(t, w.almereInkoper.email, PASSWORD);
}, 60_000);
afterAll(() => t.close());

describe('documents on the bids page', () => {
  const plan = pdfDocument('Plan van aanpak B1');
  let documentId: string;

  it('receives a PDF through the form, lists it and serves it with the same SHA-256', async () => {
    const page = await inkoper.get(`/aanbestedingen/${id}/inschrijvingen`);
    expect(page.html).toContain(`action="${uploadPath()}" enctype="multipart/form-data"`);
    const sent = await inkoper.post(
      uploadPath(),
      uploadForm({ envelope: 'quality', criterionId: 'K1', replaces: '', reason: '' }, plan, 'plan van aanpak.pdf'),
    );
    expect(sent.status, visibleText(sent.html).slice(0, 500)).toBe(303);
    const listed = (await w.almereInkoper.get(`/api/v1/tenders/${id}/bids/B1/documents`)).body as { id: string; sha256: string; criterionId: string }[];
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ sha256: sha256(plan), criterionId: 'K1' });
    documentId = listed[0]?.id ?? '';
    const after = await inkoper.get(sent.location ?? '');
    const text = visibleText(after.html);
    expect(text).toContain('Document ontvangen: B1, plan van aanpak.pdf.');
    expect(text).toContain(`plan van aanpak.pdf (kwaliteitsenvelop, versie 1, bij K1,`);
    expect(text).toContain(`SHA-256 ${sha256(plan).slice(0, 12)}`);
    const link = `/api/v1/tenders/${id}/bids/B1/documents/${documentId}`;
    expect(after.html).toContain(`href="${link}"`);
    const download = await t.app.request(link, { headers: { cookie: w.almereInkoper.cookie ?? '' } });
    expect(download.status).toBe(200);
    expect(sha256(Buffer.from(await download.arrayBuffer()))).toBe(sha256(plan));
  });

  it('takes a replacement with its reason and refuses one without, at the field', async () => {
    const again = pdfDocument('Plan van aanpak B1, met bijlage');
    const without = await inkoper.post(uploadPath(), uploadForm({ envelope: 'quality', replaces: documentId, reason: '' }, again));
    expect(without.status).toBe(400);
    expect(visibleText(without.html)).toContain('Het document voor B1 is niet ontvangen');
    expect(without.html).toContain(`href="#document-B1-veld-reason"`);
    const replaced = await inkoper.post(uploadPath(), uploadForm({ envelope: 'quality', replaces: documentId, reason: 'De bijlage ontbrak.' }, again));
    expect(replaced.status).toBe(303);
    const text = visibleText((await inkoper.get(`/aanbestedingen/${id}/inschrijvingen`)).html);
    expect(text).toContain('versie 2');
    expect(text).toContain('Reden: De bijlage ontbrak.');
  });

  it('refuses what is not a PDF with the Dutch 415 page', async () => {
    const refused = await inkoper.post(uploadPath(), uploadForm({ envelope: 'quality' }, Buffer.from('geen pdf, alleen tekst'), 'plan.pdf'));
    expect(refused.status).toBe(415);
    expect(visibleText(refused.html)).toContain('Het bestand is geen');
  });

  it('answers an upload over the limit with the Dutch 413 page, before reading its body', async () => {
    const declared = await streamedUpload(inkoper, uploadPath(), 4 * 1024 * 1024, true);
    expect(declared.status).toBe(413);
    expect(visibleText(declared.html)).toContain('Het document is groter dan');
    expect(declared.pulled).toBeLessThan(declared.total / 4);
    // Without a declared length the receipt stops at the limit: the rest is never read.
    const chunked = await streamedUpload(inkoper, uploadPath(), 4 * 1024 * 1024, false);
    expect(chunked.status).toBe(413);
    expect(chunked.pulled).toBeLessThan(declared.total / 4);
    expect((await w.almereInkoper.get(`/api/v1/tenders/${id}/bids/B1/documents`)).body).toHaveLength(2);
  });

  it('is not found for another organisation, and gives an evaluator and an auditor no form', async () => {
    const outsider = await loginPage(t, w.utrechtInkoper.email, PASSWORD);
    expect((await outsider.post(uploadPath(), uploadForm({ envelope: 'quality' }, plan))).status).toBe(404);
    const auditor = await loginPage(t, w.almereAuditor.email, PASSWORD);
    const audited = await auditor.get(`/aanbestedingen/${id}/inschrijvingen`);
    expect(audited.html).not.toContain('data-document-upload');
    expect(audited.html).toContain(`/documents/${documentId}`);
    expect((await auditor.post(uploadPath(), uploadForm({ envelope: 'quality' }, plan))).status).toBe(403);
    expect((await w.almereInkoper.post(`/api/v1/tenders/${id}/evaluators`, { userId: w.almereBeoordelaar.userId })).status).toBe(201);
    const evaluator = await loginPage(t, w.almereBeoordelaar.email, PASSWORD);
    const seen = await evaluator.get(`/aanbestedingen/${id}/inschrijvingen`);
    expect(seen.html).not.toContain('data-document-upload');
    expect((await evaluator.post(uploadPath(), uploadForm({ envelope: 'quality' }, plan))).status).toBe(403);
    expect((await w.almereInkoper.get(`/api/v1/tenders/${id}/bids/B1/documents`)).body).toHaveLength(2);
  });
});
