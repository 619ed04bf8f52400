import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPanelTender } from '../helpers/panel.js';
import { PASSWORD, seedWorld, type World } from '../helpers/seed.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { errorSummaryOnTop, loginPage, visibleText, type PageClient } from './page-client.js';

let t: TestApp;
let w: World;
let inkoper: PageClient;
let evaluator: PageClient;
let id: string;
beforeEach(async () => {
  t = createTestApp();
  w = await seedWorld(t);
  id = await createPanelTender(w.almereInkoper, w.orgs.almere);
  inkoper = await loginPage(t, w.almereInkoper.email, PASSWORD);
  evaluator = await loginPage(t, w.almereBeoordelaar.email, PASSWORD);
});
afterEach(() => t.close());

const motivation = 'Het plan beschrijft de aanpak concreet en met voorbeelden.';

async function assignAndDeclare(): Promise<void> {
  expect((await inkoper.post(`/aanbestedingen/${id}/panel/beoordelaars`, { userId: w.almereBeoordelaar.userId })).status).toBe(303);
  expect((await evaluator.post(`/aanbestedingen/${id}/verklaring`, { noConflict: 'ja' })).status).toBe(303);
}

describe('the panel pages', () => {
  it("offers the gemeente's beoordelaars by name, assigns the one chosen, and refuses another organisation's user like an unknown one", async () => {
    const form = await inkoper.get(`/aanbestedingen/${id}/panel`);
    expect(form.html).toContain('<label class="utrecht-form-label" for="veld-userId">Beoordelaar</label>');
    expect(form.html).toContain(
      `<option value="${w.almereBeoordelaar.userId}">${w.almereBeoordelaar.name} (${w.almereBeoordelaar.email}, Gemeente Almere)</option>`,
    );
    // Only beoordelaars of Almere: not its inkoper, auditor or admin, nor Utrecht's people.
    expect(form.html.match(/<option /g)).toHaveLength(1);
    const unknown = await inkoper.post(`/aanbestedingen/${id}/panel/beoordelaars`, { userId: 'bestaat-niet' });
    expect(unknown.status).toBe(400);
    expect(visibleText(unknown.html)).toContain('Beoordelaar: geen gebruiker van Gemeente Almere');
    const other = await inkoper.post(`/aanbestedingen/${id}/panel/beoordelaars`, { userId: w.utrechtInkoper.userId });
    expect(visibleText(other.html)).toContain('Beoordelaar: geen gebruiker van Gemeente Almere');
    expect((await inkoper.post(`/aanbestedingen/${id}/panel/beoordelaars`, { userId: w.almereBeoordelaar.userId })).status).toBe(303);
    const after = await inkoper.get(`/aanbestedingen/${id}/panel`);
    expect(visibleText(after.html)).toContain(`${w.almereBeoordelaar.email} 2 maart 2026 nog niet afgelegd nog niet`);
    // Seated: no longer offered.
    expect(visibleText(after.html)).toContain('Er is geen beoordelaar meer die u kunt toewijzen.');
  });

  it('shows the evaluator no bid before its declaration', async () => {
    expect((await inkoper.post(`/aanbestedingen/${id}/panel/beoordelaars`, { userId: w.almereBeoordelaar.userId })).status).toBe(303);
    expect((await evaluator.get(`/aanbestedingen/${id}/beoordelen`)).status).toBe(403);
    const panel = await evaluator.get(`/aanbestedingen/${id}/panel`);
    expect(visibleText(panel.html)).toContain('Verklaring over belangenverstrengeling');
    // The declaration names the schools it is about, and nothing else of the bids: no code, no price.
    expect(visibleText(panel.html)).toContain('U verklaart over deze 2 inschrijvers: Taalhuis Flevoland (KvK 30123456) NT2 Centrum Almere (KvK 30234567)');
    expect(visibleText(panel.html)).toContain('Ik heb geen belang bij een van deze inschrijvers');
    expect(panel.html).not.toMatch(/\(B[12]\)|565\.000|598\.000/);
    expect((await w.almereBeoordelaar.get(`/api/v1/tenders/${id}/conflict-declaration`)).body).toEqual({
      schools: [
        { name: 'Taalhuis Flevoland', kvk: '30123456' },
        { name: 'NT2 Centrum Almere', kvk: '30234567' },
      ],
    });
    expect((await evaluator.post(`/aanbestedingen/${id}/verklaring`, {})).status).toBe(400);
    expect((await evaluator.post(`/aanbestedingen/${id}/verklaring`, { noConflict: 'ja' })).status).toBe(303);
    expect(visibleText((await evaluator.get(`/aanbestedingen/${id}/beoordelen`)).html)).toContain('Taalhuis Flevoland (B1) 0 van 2');
  });

  it('scores with scale radio buttons and a motivation, by form and by the autosave request', async () => {
    await assignAndDeclare();
    const form = await evaluator.get(`/aanbestedingen/${id}/beoordelen/B1`);
    expect(form.html).toContain(
      '<input class="utrecht-radio-button utrecht-radio-button--html-input utrecht-form-field__input" type="radio" id="score-K1-score-4" name="score" value="8"/>',
    );
    expect(form.html).not.toContain('565.000'); // prices stay hidden from evaluators by default
    const short = await evaluator.post(`/aanbestedingen/${id}/beoordelen/B1/K1`, { score: '8', motivation: 'Goed.' });
    expect(short.status).toBe(400);
    expect(short.html).toContain('href="#score-K1-motivation">Motivering: de motivering is te kort');
    const saved = await evaluator.post(`/aanbestedingen/${id}/beoordelen/B1/K1`, { score: '8', motivation });
    expect(saved.location).toBe(`/aanbestedingen/${id}/beoordelen/B1#criterium-K1`);
    const autosaved = await evaluator.post(`/aanbestedingen/${id}/beoordelen/B1/K2`, { score: '6', motivation }, { accept: 'application/json' });
    expect(autosaved.status).toBe(200);
    expect(JSON.parse(autosaved.html)).toEqual({ saved: true });
    const refused = await evaluator.post(`/aanbestedingen/${id}/beoordelen/B1/K2`, { score: '7', motivation }, { accept: 'application/json' });
    expect(refused.status).toBe(400);
    expect(JSON.parse(refused.html).message).toContain('score 7 komt niet voor op de schaal');
    const page = await evaluator.get(`/aanbestedingen/${id}/beoordelen/B1`);
    expect(page.html).toMatch(/id="score-K1-score-4" name="score" value="8" checked/);
  });

  it('shows sealing disabled with what is missing, asks before sealing, then opens the consensus to the inkoper', async () => {
    await assignAndDeclare();
    const early = await evaluator.get(`/aanbestedingen/${id}/panel`);
    expect(early.html).toContain('disabled="" aria-describedby="verzegelen-reden">Mijn scores verzegelen</button>');
    expect(visibleText(early.html)).toContain(
      'Kan nog niet: u heeft nog niet alles gescoord; er ontbreekt nog: Taalhuis Flevoland (B1) op K1, Taalhuis Flevoland (B1) op K2, NT2 Centrum Almere (B2) op K1, NT2 Centrum Almere (B2) op K2.',
    );
    // A stale page still posts: the service refuses, at the top.
    const stale = await evaluator.post(`/aanbestedingen/${id}/verzegelen`, { bevestiging: 'ja' });
    expect(stale.status).toBe(409);
    expect(errorSummaryOnTop(stale.html)).toBe(true);
    expect(visibleText(stale.html)).toContain(
      'er ontbreekt nog: Taalhuis Flevoland (B1) op K1, Taalhuis Flevoland (B1) op K2, NT2 Centrum Almere (B2) op K1, NT2 Centrum Almere (B2) op K2',
    );
    const before = visibleText((await inkoper.get(`/aanbestedingen/${id}/consensus`)).html);
    expect(before).toContain('nog niet verzegeld: beoordelaar');
    for (const bidId of ['B1', 'B2']) {
      for (const [criterionId, score] of [
        ['K1', '8'],
        ['K2', bidId === 'B1' ? '2' : '6'],
      ] as const) {
        expect((await evaluator.post(`/aanbestedingen/${id}/beoordelen/${bidId}/${criterionId}`, { score, motivation })).status).toBe(303);
      }
    }
    const ready = await evaluator.get(`/aanbestedingen/${id}/panel`);
    expect(visibleText(ready.html)).toContain('Na het verzegelen kunt u uw scores en motiveringen niet meer wijzigen, ook niet als u later een fout ziet.');
    expect(ready.html).toContain('id="verzegelen-bevestiging" name="bevestiging" value="ja"');
    expect(ready.html).toContain('Ja, verzegel mijn scores');
    const unconfirmed = await evaluator.post(`/aanbestedingen/${id}/verzegelen`, {});
    expect(unconfirmed.status).toBe(400);
    expect(errorSummaryOnTop(unconfirmed.html)).toBe(true);
    expect(unconfirmed.html).toContain(
      'href="#verzegelen-bevestiging">Bevestiging: bevestig dat u begrijpt dat u uw scores daarna niet meer kunt wijzigen</a>',
    );
    expect(t.db.sqlite.prepare('SELECT sealed_at FROM panel_members WHERE tender_id = ?').get(id)).toEqual({ sealed_at: null });
    expect((await evaluator.post(`/aanbestedingen/${id}/verzegelen`, { bevestiging: 'ja' })).status).toBe(303);
    const consensus = visibleText((await inkoper.get(`/aanbestedingen/${id}/consensus`)).html);
    expect(consensus).toContain('4 cellen: 0 met een consensusscore, 4 eensgezind zonder consensusscore');
  });

  it('shows "not saved" on the scoring page only after a refused save, at the top with the field', async () => {
    await assignAndDeclare();
    const fresh = await evaluator.get(`/aanbestedingen/${id}/beoordelen/B1`);
    expect(visibleText(fresh.html)).not.toContain('Niet opgeslagen');
    expect(visibleText(fresh.html)).toContain('Nog niet gescoord.');
    const refused = await evaluator.post(`/aanbestedingen/${id}/beoordelen/B1/K2`, { score: '6', motivation: 'Goed.' });
    expect(refused.status).toBe(400);
    expect(errorSummaryOnTop(refused.html)).toBe(true);
    expect(visibleText(refused.html)).toContain('De score op K2 is niet opgeslagen');
    const k2 = /<form[^>]*id="criterium-K2"[\s\S]*?<\/form>/.exec(refused.html)?.[0] ?? '';
    expect(visibleText(k2)).toContain('Niet opgeslagen: zie de melding bovenaan de pagina.');
    const k1 = /<form[^>]*id="criterium-K1"[\s\S]*?<\/form>/.exec(refused.html)?.[0] ?? '';
    expect(visibleText(k1)).toContain('Nog niet gescoord.');
  });
});
