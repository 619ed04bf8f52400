/**
 * The page of a procedure with several lots (issue 21): its lots linked to their tender
 * pages, the award limitation in Dutch, the allocation with a reason per lot for an inkoper
 * or auditor and never for an evaluator; linked from the tender list and from each lot's
 * overview; 404 to another organisation, decided by the same access as the API.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ImportedLot, importProcedure, openLots, procedureWorld, seatOnEachLot } from '../helpers/procedure-world.js';
import { PASSWORD, type World } from '../helpers/seed.js';
import type { TestApp } from '../helpers/test-app.js';
import { loginPage, visibleText } from './page-client.js';

let t: TestApp;
let w: World;
let id: string;
let lots: ImportedLot[];

beforeAll(async () => {
  ({ t, w, id, lots } = await procedureWorld());
}, 60_000);
afterAll(() => t.close());

describe('GET /procedures/:id', () => {
  it('shows the lots with links, the limitation in Dutch and the allocation with its reasons', async () => {
    const page = await (await loginPage(t, w.almereInkoper.email, PASSWORD)).get(`/procedures/${id}`);
    expect(page.status).toBe(200);
    const text = visibleText(page.html);
    expect(text).toContain('Procedure ZWL-2027-INB: Inburgering regio IJsselland 2027-2029');
    expect(text).toContain('Ten hoogste 1 perceel per inschrijver, gegund in de volgorde van de percelen: L1, L2, L3.');
    for (const lot of lots) expect(page.html).toContain(`href="/aanbestedingen/${lot.tenderId}"`);
    expect(text).toContain('Toewijzing van de percelen');
    // L2: NT2 Centrum Zwolle won it on its own, but already has L1 under the lot order.
    expect(text).toMatch(/L2\s+Taalschool IJsselland \(B1\)\s+NT2 Centrum Zwolle \(B2\)\s+Gegund aan de op één na beste inschrijving/);
  });

  it('shows an evaluator on every lot the lots but not the allocation', async () => {
    await seatOnEachLot(w.almereInkoper, lots, w.almereBeoordelaar.userId);
    const page = await (await loginPage(t, w.almereBeoordelaar.email, PASSWORD)).get(`/procedures/${id}`);
    expect(page.status).toBe(200);
    const text = visibleText(page.html);
    expect(text).toContain('Inburgering Z-route regio IJsselland 2027-2029');
    expect(text).not.toContain('Toewijzing van de percelen');
    expect(text).not.toContain('Gegund aan');
  });

  it('is 404 to another organisation', async () => {
    const page = await (await loginPage(t, w.utrechtInkoper.email, PASSWORD)).get(`/procedures/${id}`);
    expect(page.status).toBe(404);
    expect(visibleText(page.html)).not.toContain('ZWL-2027-INB');
  });
});

describe('links to the procedure', () => {
  it('from the tender list and from the overview of each lot', async () => {
    const client = await loginPage(t, w.almereInkoper.email, PASSWORD);
    const list = await client.get('/aanbestedingen');
    expect(list.html).toContain(`href="/procedures/${id}"`);
    expect(visibleText(list.html)).toContain('ZWL-2027-INB: Inburgering regio IJsselland 2027-2029');
    const overview = await client.get(`/aanbestedingen/${lots[1]?.tenderId}`);
    expect(visibleText(overview.html)).toContain('Perceel L2 van procedure ZWL-2027-INB: Inburgering regio IJsselland 2027-2029');
    expect(overview.html).toContain(`href="/procedures/${id}"`);
  });
});

describe('the award decision and the reports on the procedure page', () => {
  it('asks for the confirmation, then decides every open lot for its allocated bid, and lists the reports with links', async () => {
    const procedure = await importProcedure(w.almereInkoper, w.orgs.almere);
    await openLots(w.almereInkoper, procedure.lots.slice(1));
    const client = await loginPage(t, w.almereInkoper.email, PASSWORD);
    const page = await client.get(`/procedures/${procedure.id}`);
    expect(visibleText(page.html)).toContain('De gunningsbeslissing voor de percelen L2, L3');
    expect(page.html).toContain(`action="/procedures/${procedure.id}/gunningsbeslissing"`);
    expect(visibleText(page.html)).toContain('Er zijn nog geen rapporten van de procedure gemaakt.');

    const unconfirmed = await client.post(`/procedures/${procedure.id}/gunningsbeslissing`, {});
    expect(unconfirmed.status).toBe(400);
    expect(visibleText(unconfirmed.html)).toContain('bevestig dat u begrijpt dat de beoordeling van de percelen daarmee vastligt');

    const decided = await client.post(`/procedures/${procedure.id}/gunningsbeslissing`, { bevestiging: 'ja' });
    expect(decided.status).toBe(303);
    const after = await client.get(decided.location ?? '');
    // The schools by name, with the bid's code second (issue 15), never the code alone.
    const notice = visibleText(after.html);
    expect(notice).toMatch(/De gunningsbeslissing is genomen: perceel L2 aan [^,]+ \(B1\), perceel L3 aan [^.]+ \(B2\)\./);
    expect(notice).not.toContain('aan B1');
    const lotsNow = (await w.almereInkoper.get(`/api/v1/procedures/${procedure.id}`)).body.lots.map((lot: { status: string }) => lot.status);
    expect(lotsNow).toEqual(['draft', 'award-proposed', 'award-proposed']);

    const made = await w.almereInkoper.post(`/api/v1/procedures/${procedure.id}/reports`, { kind: 'evaluation' });
    expect(made.status).toBe(201);
    const withReports = await client.get(`/procedures/${procedure.id}`);
    expect(withReports.html).toContain(`href="${made.body[0].url}"`);
    expect(visibleText(withReports.html)).toContain('Beoordelingsrapport van de procedure downloaden (PDF)');
    const auditor = await (await loginPage(t, w.almereAuditor.email, PASSWORD)).get(`/procedures/${procedure.id}`);
    expect(auditor.html).toContain(`href="${made.body[0].url}"`);
    expect(auditor.html).not.toContain('gunningsbeslissing"');
    expect(auditor.html).not.toContain('/rapporten"');

    // The letters from the page: one per school that bid on the decided lots, each named by school and KvK number.
    expect(withReports.html).toContain(`action="/procedures/${procedure.id}/rapporten"`);
    const letters = await client.post(`/procedures/${procedure.id}/rapporten`, { soort: 'award-letters' });
    expect(letters.status).toBe(303);
    const listed = await w.almereInkoper.get(`/api/v1/procedures/${procedure.id}/reports`);
    const madeLetters = listed.body.filter((r: { kind: string }) => r.kind === 'procedure-award-letter');
    expect(madeLetters.length).toBeGreaterThan(1);
    const withLetters = await client.get(letters.location ?? '');
    const text = visibleText(withLetters.html);
    expect(text).toContain(`${madeLetters.length} gunningsbrieven zijn gemaakt en ondertekend, één per inschrijver.`);
    const file = (await w.almereInkoper.get(`/api/v1/procedures/${procedure.id}/export`)).body as {
      lots: { dossier: { bids: { provider: { kvk: string; name: string } }[] } }[];
    };
    const schools = new Map(file.lots.flatMap((lot) => lot.dossier.bids.map((bid) => [bid.provider.kvk, bid.provider.name])));
    for (const letter of madeLetters)
      expect(text).toContain(`Gunningsbrief aan ${schools.get(letter.addresseeKvk)} (KvK ${letter.addresseeKvk}) downloaden (PDF)`);
    // A form that names no kind is refused at the page, with the reason.
    const none = await client.post(`/procedures/${procedure.id}/rapporten`, { soort: 'iets' });
    expect(none.status).toBe(400);
    expect(visibleText(none.html)).toContain('Kies het beoordelingsrapport of de gunningsbrieven.');
  }, 60_000);

  it('makes no reports before a decision, and never for an auditor or another organisation', async () => {
    const { id: procedureId } = await importProcedure(w.almereInkoper, w.orgs.almere);
    const client = await loginPage(t, w.almereInkoper.email, PASSWORD);
    const page = await client.get(`/procedures/${procedureId}`);
    expect(visibleText(page.html)).toContain('Na de gunningsbeslissing kunt u hier de rapporten maken.');
    const early = await client.post(`/procedures/${procedureId}/rapporten`, { soort: 'award-letters' });
    expect(early.status).toBe(409);
    expect(visibleText(early.html)).toContain('gunningsbeslissing');
    const auditor = await (await loginPage(t, w.almereAuditor.email, PASSWORD)).post(`/procedures/${procedureId}/rapporten`, { soort: 'evaluation' });
    expect([403, 404]).toContain(auditor.status);
    const outsider = await (await loginPage(t, w.utrechtInkoper.email, PASSWORD)).post(`/procedures/${procedureId}/rapporten`, { soort: 'evaluation' });
    expect(outsider.status).toBe(404);
    expect((await w.almereInkoper.get(`/api/v1/procedures/${procedureId}/reports`)).body).toEqual([]);
  }, 60_000);
});
