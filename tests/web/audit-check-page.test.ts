/**
 * The audit page's check (`?controle=1`) in Dutch: the chain, the chain against the heads the
 * server signed, and the data against the chain, each with what was found and where.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { anchorAuditHead } from '../../src/modules/audit/audit-anchor.service.js';
import { exampleDossier } from '../helpers/dossiers.js';
import { PASSWORD, type World } from '../helpers/seed.js';
import type { TestApp } from '../helpers/test-app.js';
import { loginPage, visibleText, type PageClient } from './page-client.js';
import { pageWorld } from './page-world.js';
import { importAlmereTender } from '../helpers/tenders.js';

let t: TestApp;
let w: World;
let page: PageClient;
let id: string;
beforeEach(async () => {
  ({ t, w, page } = await pageWorld((world) => world.almereAuditor));
  id = await importAlmereTender(w, exampleDossier(), { open: true });
});
afterEach(() => t.close());

const check = async () => {
  const response = await page.get(`/aanbestedingen/${id}/audit?controle=1`);
  expect(response.status).toBe(200);
  return visibleText(response.html);
};
const lastSeq = () => (t.db.sqlite.prepare('SELECT max(seq) AS seq FROM audit_events').get() as { seq: number }).seq;

describe('the check on the audit page', () => {
  it('says that the chain matches its newest signed head and that the data match the chain', async () => {
    expect((await w.almereInkoper.post(`/api/v1/tenders/${id}/reports`, { kind: 'evaluation' })).status).toBe(201);
    const signed = lastSeq();
    await loginPage(t, w.almereInkoper.email, PASSWORD);
    const text = await check();
    expect(text).toContain('De auditketen is intact');
    expect(text).toContain(
      `De auditketen klopt met elke ondertekende stand (1). De laatste: gebeurtenis ${signed}, ondertekend op 2 maart 2026, 10:00 met het certificaat`,
    );
    expect(text).toContain('1 nieuwere gebeurtenis is (sinds 2 maart 2026, 10:00) nog niet ondertekend');
    expect(text).toMatch(
      /De gegevens kloppen met de auditketen: \d+ rijen \(inschrijvingen, prijzen, scores, besluiten en meer\) zijn wat hun nieuwste gebeurtenis zegt\./,
    );
  });

  it('warns while no head has been signed', async () => {
    expect(await check()).toContain('Er is nog geen door deze server ondertekende stand van de auditketen.');
  });

  it('names the bid whose price was changed in the table', async () => {
    t.db.sqlite.prepare("UPDATE bids SET price_cents = 1 WHERE tender_id = ? AND id = 'B2'").run(id);
    expect(await check()).toContain(
      `De gegevens wijken af van de auditketen: Tabel bids, rij tender_id=${id}, id=B2: kolom price_cents wijkt af van wat gebeurtenis`,
    );
  });

  it('says that the newest events were deleted after they were signed', async () => {
    anchorAuditHead(t.ctx, 'schedule');
    const signed = lastSeq();
    t.db.sqlite.prepare('DELETE FROM audit_events WHERE seq > ?').run(signed - 1);
    const text = await check();
    expect(text).toContain('De auditketen is intact');
    expect(text).toContain(
      `De auditketen klopt niet met wat de server eerder ondertekende. De keten eindigt bij gebeurtenis ${signed - 1}, maar de server ondertekende al een stand tot en met gebeurtenis ${signed}: de nieuwste gebeurtenissen zijn verwijderd.`,
    );
  });
});
