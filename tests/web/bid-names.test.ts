/**
 * Bids are named by their school, with the bid code second (issue 15): on the overview, the
 * reports page, the audit page and the timeline, for every reader that may see the bids;
 * the award decision's winner also for an admin, who may not list the bids.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PASSWORD, seedWorld, type World } from '../helpers/seed.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { loginPage, visibleText, type PageClient } from './page-client.js';
import { ijssellandB1Example } from '../helpers/dossiers.js';
import { importAlmereTender } from '../helpers/tenders.js';

const EXAMPLE = ijssellandB1Example();

let t: TestApp;
let w: World;
let inkoper: PageClient;
let id: string;
beforeEach(async () => {
  t = createTestApp();
  w = await seedWorld(t);
  inkoper = await loginPage(t, w.almereInkoper.email, PASSWORD);
  id = await importAlmereTender(w, EXAMPLE);
  expect((await w.almereInkoper.post(`/api/v1/tenders/${id}/open`)).status).toBe(200);
});
afterEach(() => t.close());

async function decide(): Promise<void> {
  const review = (body: unknown) => w.almereInkoper.post(`/api/v1/tenders/${id}/bids/B3/low-bid-review`, body);
  expect((await review({ action: 'decide', decision: 'accepted', motivation: 'De prijs is per regel onderbouwd en marktconform.' })).status).toBe(200);
  expect((await w.almereInkoper.post(`/api/v1/tenders/${id}/award-decision`)).status).toBe(200);
}

describe('bids named by their school', () => {
  it('names the winner on the overview, for the inkoper by the evaluation and for an admin by the decision', async () => {
    const before = visibleText((await inkoper.get(`/aanbestedingen/${id}`)).html);
    expect(before).toContain('Winnaar volgens de beoordeling NT2 Centrum Zwolle (B2)');
    await decide();
    expect(visibleText((await inkoper.get(`/aanbestedingen/${id}`)).html)).toContain('Gunningsbeslissing 2 maart 2026, aan NT2 Centrum Zwolle (B2)');
    const admin = await loginPage(t, w.almereAdmin.email, PASSWORD);
    const overview = visibleText((await admin.get(`/aanbestedingen/${id}`)).html);
    // The admin lists no bids (no count, no evaluation) but reads whom the decision names: every bidder does.
    expect(overview).toContain('Inschrijvingen -');
    expect(overview).toContain('Gunningsbeslissing 2 maart 2026, aan NT2 Centrum Zwolle (B2)');
  });

  it('names the addressee of an award letter on the reports page', async () => {
    await decide();
    const form = (await inkoper.get(`/aanbestedingen/${id}/rapporten`)).html;
    expect(form).toContain('<option value="B2">NT2 Centrum Zwolle (B2)</option>');
    const made = await inkoper.post(`/aanbestedingen/${id}/rapporten`, { kind: 'award-letter', bidId: 'B2' });
    expect(made.status).toBe(303);
    const list = visibleText((await inkoper.get(made.location ?? '')).html);
    expect(list).toContain('De gunningsbrief voor NT2 Centrum Zwolle (B2) is gemaakt en ondertekend.');
    expect(list).toContain('Gunningsbrief NT2 Centrum Zwolle (B2)');
    expect(list).toContain('Gunningsbrief NT2 Centrum Zwolle (B2) downloaden (PDF)');
  });

  it('names the bid of an audit event by its school, on the audit page and in the timeline', async () => {
    await decide();
    const audit = visibleText((await inkoper.get(`/aanbestedingen/${id}/audit?actie=low-bid-review.decide`)).html);
    expect(audit).toContain('onderzoek lage prijs afgerond inschrijving Snel Inburgeren B.V. (B3) Onderzoek naar Snel Inburgeren B.V. (B3) afgerond');
    const timeline = (await w.almereAuditor.get(`/api/v1/tenders/${id}/timeline`)).body as { description: string }[];
    expect(timeline.map((e) => e.description)).toContain(
      'Gunningsbeslissing genomen: voorlopig gegund aan NT2 Centrum Zwolle (B2); de opschortende termijn loopt tot en met 22 maart 2026.',
    );
    expect(timeline.some((e) => e.description.startsWith('Onderzoek naar Snel Inburgeren B.V. (B3) afgerond: aanvaard.'))).toBe(true);
  });
});
