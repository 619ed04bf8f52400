/**
 * The page of a procedure's one panel (issue 21, docs/procedures.md "One panel for the
 * procedure"): the inkoper seats a beoordelaar on every lot by the form, a lot's refusal is
 * shown naming the lot and writes nothing, the beoordelaar declares once and then scores per
 * lot, a conflict with one school takes it off only the lots where that school bid; another
 * organisation and a beoordelaar on one lot only get 404, an auditor reads without a form.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ImportedLot, importProcedure, openLots, procedureWorld } from '../helpers/procedure-world.js';
import { createMember, PASSWORD, type World } from '../helpers/seed.js';
import type { TestApp } from '../helpers/test-app.js';
import { loginPage, visibleText, type PageClient } from './page-client.js';

type Member = Awaited<ReturnType<typeof createMember>>;
let t: TestApp;
let w: World;
let id: string;
let lots: ImportedLot[];
let bert: Member;
let carla: Member;
let inkoper: PageClient;

const panelPath = () => `/procedures/${id}/panel`;
const countEvents = (action: string) => (t.db.sqlite.prepare('SELECT count(*) AS n FROM audit_events WHERE action = ?').get(action) as { n: number }).n;
const panelOf = async (tenderId: string) =>
  ((await w.almereInkoper.get(`/api/v1/tenders/${tenderId}/panel`)).body.members as { userId: string }[]).map((m) => m.userId);
/** The row of one member in the inkoper's table, as visible text. */
const rowOf = (html: string, name: string) => visibleText(new RegExp(`<tr[^>]*>(?:(?!</tr>)[\\s\\S])*?${name}[\\s\\S]*?</tr>`).exec(html)?.[0] ?? '');
const DATE = '\\d{1,2} [a-z]+ \\d{4}';

beforeAll(async () => {
  ({ t, w, id, lots } = await procedureWorld({ open: true }));
  bert = await createMember(t, w.admin, { organisationId: w.orgs.almere, role: 'beoordelaar' });
  carla = await createMember(t, w.admin, { organisationId: w.orgs.almere, role: 'beoordelaar' });
  inkoper = await loginPage(t, w.almereInkoper.email, PASSWORD);
}, 60_000);
afterAll(() => t.close());

describe('the inkoper on /procedures/:id/panel', () => {
  it('seats a beoordelaar on all three lots with the form, and the table shows it on each lot', async () => {
    const procedurePage = await inkoper.get(`/procedures/${id}`);
    expect(procedurePage.html).toContain(`href="${panelPath()}"`);
    expect(visibleText(procedurePage.html)).toContain('Het beoordelingspanel van alle percelen');

    const form = await inkoper.get(panelPath());
    expect(form.status).toBe(200);
    expect(visibleText(form.html)).toContain('Er zijn nog geen beoordelaars toegewezen aan een perceel van deze procedure.');
    expect(form.html).toContain(`action="/procedures/${id}/panel/beoordelaars"`);
    const bea = w.almereBeoordelaar;
    expect(form.html).toContain(`<option value="${bea.userId}">${bea.name} (${bea.email}, Gemeente Almere)</option>`);
    // Every beoordelaar of Almere, and nobody else (no inkoper, auditor, admin, nor Utrecht's people).
    expect([...form.html.matchAll(/<option value="([^"]+)"/g)].map((m) => m[1]).sort()).toEqual([bea.userId, bert.userId, carla.userId].sort());

    const seated = await inkoper.post(`/procedures/${id}/panel/beoordelaars`, { userId: bea.userId });
    expect(seated.status).toBe(303);
    expect(seated.location).toBe(panelPath());
    for (const lot of lots) expect(await panelOf(lot.tenderId)).toEqual([bea.userId]);
    expect(countEvents('procedure.panel.add')).toBe(1);

    const after = await inkoper.get(panelPath());
    const text = visibleText(after.html);
    expect(text).toContain('Naam E-mailadres Perceel L1 Perceel L2 Perceel L3');
    expect(rowOf(after.html, bea.name)).toBe(
      `${bea.name} ${bea.email} toegewezen, nog niet verklaard toegewezen, nog niet verklaard toegewezen, nog niet verklaard`,
    );
    // Seated: no longer offered.
    expect(after.html).not.toContain(`<option value="${bea.userId}"`);
    for (const lot of lots) expect(after.html).toContain(`href="/aanbestedingen/${lot.tenderId}/panel"`);
  });

  it("shows a lot's refusal in Dutch naming the lot, and writes nothing on any lot", async () => {
    // Bert is already on L2's panel, seated through that lot's own route.
    const l2 = lots[1]?.tenderId ?? '';
    expect((await w.almereInkoper.post(`/api/v1/tenders/${l2}/evaluators`, { userId: bert.userId })).status).toBe(201);
    const page = await inkoper.get(panelPath());
    // Not offered for every lot any more: the procedure's call would refuse him.
    expect(page.html).not.toContain(`<option value="${bert.userId}"`);
    expect(rowOf(page.html, bert.name)).toBe(`${bert.name} ${bert.email} niet in het panel toegewezen, nog niet verklaard niet in het panel`);

    const assigns = countEvents('panel.assign');
    // A page loaded before Bert was seated on L2 still offers him.
    const refused = await inkoper.post(`/procedures/${id}/panel/beoordelaars`, { userId: bert.userId });
    expect(refused.status).toBe(409);
    const text = visibleText(refused.html);
    expect(text).toContain('De beoordelaar is aan geen enkel perceel toegewezen');
    expect(text).toContain(`Beoordelaar: Perceel L2: ${bert.name} zit al in het beoordelingspanel`);
    expect(refused.html).toContain('href="#veld-userId"');
    expect(await panelOf(lots[0]?.tenderId ?? '')).toEqual([w.almereBeoordelaar.userId]);
    expect(await panelOf(l2)).toEqual([w.almereBeoordelaar.userId, bert.userId]);
    expect(await panelOf(lots[2]?.tenderId ?? '')).toEqual([w.almereBeoordelaar.userId]);
    expect(countEvents('panel.assign')).toBe(assigns);
    expect(countEvents('procedure.panel.add')).toBe(1);

    const empty = await inkoper.post(`/procedures/${id}/panel/beoordelaars`, { userId: '' });
    expect(empty.status).toBe(400);
    expect(visibleText(empty.html)).toContain('Beoordelaar:');
  });
});

describe('a procedure with decided lots', () => {
  it('offers no form while a lot is past open, and names those lots', async () => {
    const other = await importProcedure(w.almereInkoper, w.orgs.almere);
    await openLots(w.almereInkoper, other.lots.slice(1));
    expect((await w.almereInkoper.post(`/api/v1/procedures/${other.id}/award-decision`, { lots: ['L2', 'L3'] })).status).toBe(200);
    const page = await inkoper.get(`/procedures/${other.id}/panel`);
    expect(visibleText(page.html)).toContain(
      'Een beoordelaar kan alleen aan elk perceel tegelijk worden toegewezen zolang elk perceel in voorbereiding of open is; de percelen L2, L3 zijn dat niet meer.',
    );
    expect(page.html).not.toContain('<select id="veld-userId"');
  }, 30_000);
});

describe('the beoordelaar on /procedures/:id/panel', () => {
  it('sees the schools of every lot, declares once, and can then open each lot’s scoring page', async () => {
    const bea = await loginPage(t, w.almereBeoordelaar.email, PASSWORD);
    // Reachable from its tender list and from the procedure's page.
    expect((await bea.get('/aanbestedingen')).html).toContain(`href="/procedures/${id}"`);
    expect((await bea.get(`/procedures/${id}`)).html).toContain(`href="${panelPath()}"`);
    for (const lot of lots) expect((await bea.get(`/aanbestedingen/${lot.tenderId}/beoordelen`)).status).toBe(403);

    const form = await bea.get(panelPath());
    expect(form.status).toBe(200);
    const text = visibleText(form.html);
    expect(text).toContain(
      'U verklaart over deze 4 inschrijvers, op alle percelen samen: Taalschool IJsselland (KvK 05123456) NT2 Centrum Zwolle (KvK 05234567) Snel Inburgeren B.V. (KvK 05345678) Het Taalhuis Kampen (KvK 05456789)',
    );
    expect(form.html).toContain(`action="/procedures/${id}/verklaring"`);
    // No bid code, no price, nobody's score before (or after) the declaration; no form to seat anyone.
    expect(text).not.toMatch(/€|\(B\d\)|score/i);
    expect(form.html).not.toContain('/panel/beoordelaars');

    const unchosen = await bea.post(`/procedures/${id}/verklaring`, {});
    expect(unchosen.status).toBe(400);
    expect(visibleText(unchosen.html)).toContain('Verklaring: kies een van beide');
    const contradictory = await bea.post(`/procedures/${id}/verklaring`, { noConflict: 'ja', 'belang-05345678': 'ja' });
    expect(contradictory.status).toBe(400);
    expect(visibleText(contradictory.html)).toContain('Inschrijvers waarbij u een belang heeft: kies geen inschrijvers als u verklaart geen belang te hebben');
    // The form applies the route's schema (ProcedureDeclarationBody): its text rules, at the field.
    const bidi = await bea.post(`/procedures/${id}/verklaring`, { noConflict: 'ja', remarks: 'Geen \u202ebelang' });
    expect(bidi.status).toBe(400);
    expect(visibleText(bidi.html)).toContain('Toelichting: de toelichting mag geen richtingsteken bevatten (U+202E op positie 6)');
    expect(bidi.html).toContain('href="#veld-remarks"');
    expect(countEvents('panel.declare-no-conflict')).toBe(0);

    const declared = await bea.post(`/procedures/${id}/verklaring`, { noConflict: 'ja', remarks: 'Geen banden met de scholen.' });
    expect(declared.status).toBe(303);
    expect(declared.location).toBe(panelPath());
    expect(countEvents('panel.declare-no-conflict')).toBe(3);

    const after = await bea.get(panelPath());
    const afterText = visibleText(after.html);
    expect(afterText).toContain('U heeft verklaard geen belang te hebben bij de inschrijvers; u beoordeelt elk perceel.');
    expect(afterText).toMatch(
      new RegExp(`L2 Inburgering onderwijsroute regio IJsselland 2027-2029 geen belangenverstrengeling \\(${DATE}\\); naar het beoordelen van perceel L2`),
    );
    expect(after.html).not.toContain(`action="/procedures/${id}/verklaring"`);
    expect(afterText).not.toMatch(/€|score/i);
    const schoolOfB1 = ['Taalschool IJsselland', 'Taalschool IJsselland', 'NT2 Centrum Zwolle'];
    for (const [i, lot] of lots.entries()) {
      expect(after.html).toContain(`href="/aanbestedingen/${lot.tenderId}/beoordelen"`);
      const scoring = await bea.get(`/aanbestedingen/${lot.tenderId}/beoordelen`);
      expect(scoring.status).toBe(200);
      expect(visibleText(scoring.html)).toContain(`${schoolOfB1[i]} (B1)`);
    }
    // Declared once: the form is gone, and a stale post is refused naming the lot.
    const again = await bea.post(`/procedures/${id}/verklaring`, { noConflict: 'ja' });
    expect(again.status).toBe(409);
    expect(visibleText(again.html)).toContain('Perceel L1: u heeft uw verklaring al');
  });

  it('a conflict with one school takes the beoordelaar off only the lots where it bid, and the table shows it', async () => {
    expect((await inkoper.post(`/procedures/${id}/panel/beoordelaars`, { userId: carla.userId })).status).toBe(303);
    const client = await loginPage(t, carla.email, PASSWORD);
    // 05345678 (Snel Inburgeren B.V.) bid on L1 and L3, not on L2.
    const declared = await client.post(`/procedures/${id}/verklaring`, { noConflict: 'nee', 'belang-05345678': 'ja', remarks: 'Mijn zus werkt daar.' });
    expect(declared.status).toBe(303);
    const page = visibleText((await client.get(panelPath())).html);
    expect(page).toContain('U heeft belangenverstrengeling verklaard en maakt geen deel meer uit van het panel van de percelen L1, L3.');
    expect(page).toMatch(
      new RegExp(`L1 Inburgering B1-route regio IJsselland 2027-2029 belangenverstrengeling verklaard \\(${DATE}\\); u maakt geen deel meer uit`),
    );
    expect(page).toMatch(
      new RegExp(`L2 Inburgering onderwijsroute regio IJsselland 2027-2029 geen belangenverstrengeling \\(${DATE}\\); naar het beoordelen van perceel L2`),
    );
    const [l1, l2, l3] = lots;
    expect((await client.get(`/aanbestedingen/${l2?.tenderId}/beoordelen`)).status).toBe(200);
    expect((await client.get(`/aanbestedingen/${l1?.tenderId}/beoordelen`)).status).toBe(403);
    expect((await client.get(`/aanbestedingen/${l3?.tenderId}/beoordelen`)).status).toBe(403);

    const table = await inkoper.get(panelPath());
    expect(rowOf(table.html, carla.name)).toMatch(
      new RegExp(
        `^${carla.name} ${carla.email} belangenverstrengeling verklaard \\(${DATE}\\); niet meer in het panel ` +
          `geen belangenverstrengeling \\(${DATE}\\); nog niet verzegeld belangenverstrengeling verklaard \\(${DATE}\\); niet meer in het panel$`,
      ),
    );
    expect(visibleText(table.html)).not.toMatch(/€|score/i);
  });
});

describe('who may open /procedures/:id/panel', () => {
  it('is 404 to another organisation and to a beoordelaar on one lot only, for the page and its forms', async () => {
    const utrecht = await loginPage(t, w.utrechtInkoper.email, PASSWORD);
    const outsider = await utrecht.get(panelPath());
    expect(outsider.status).toBe(404);
    expect(visibleText(outsider.html)).not.toContain('ZWL-2027-INB');
    expect((await utrecht.post(`/procedures/${id}/panel/beoordelaars`, { userId: bert.userId })).status).toBe(404);
    // Bert sits on L2's panel only: the procedure does not exist for him.
    const client = await loginPage(t, bert.email, PASSWORD);
    expect((await client.get(panelPath())).status).toBe(404);
    expect((await client.post(`/procedures/${id}/verklaring`, { noConflict: 'ja' })).status).toBe(404);
    expect(countEvents('panel.declare-no-conflict')).toBe(4);
  });

  it('shows an auditor the table without a form', async () => {
    const auditor = await loginPage(t, w.almereAuditor.email, PASSWORD);
    const page = await auditor.get(panelPath());
    expect(page.status).toBe(200);
    expect(rowOf(page.html, w.almereBeoordelaar.name)).toContain('geen belangenverstrengeling');
    expect(page.html).not.toContain('<form method="post" action="/procedures/');
    expect(page.html).not.toContain('<select id="veld-userId"');
    expect((await auditor.post(`/procedures/${id}/panel/beoordelaars`, { userId: bert.userId })).status).toBe(403);
  });
});
