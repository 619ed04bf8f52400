import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPanelTender } from '../helpers/panel.js';
import { PASSWORD, seedWorld, type World } from '../helpers/seed.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { loginPage, visibleText, type PageClient } from './page-client.js';

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
    expect(form.html).toContain(`<option value="${w.almereBeoordelaar.userId}">${w.almereBeoordelaar.name} (${w.almereBeoordelaar.email}, Gemeente Almere)</option>`);
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
    expect((await evaluator.post(`/aanbestedingen/${id}/verklaring`, {})).status).toBe(400);
    expect((await evaluator.post(`/aanbestedingen/${id}/verklaring`, { noConflict: 'ja' })).status).toBe(303);
    expect(visibleText((await evaluator.get(`/aanbestedingen/${id}/beoordelen`)).html)).toContain('B1 Taalhuis Flevoland 0 van 2');
  });

  it('scores with scale radio buttons and a motivation, by form and by the autosave request', async () => {
    await assignAndDeclare();
    const form = await evaluator.get(`/aanbestedingen/${id}/beoordelen/B1`);
    expect(form.html).toContain('<input class="utrecht-radio-button utrecht-radio-button--html-input utrecht-form-field__input" type="radio" id="score-K1-score-4" name="score" value="8"/>');
    expect(form.html).not.toContain('565.000'); // prices stay hidden from evaluators by default
    const short = await evaluator.post(`/aanbestedingen/${id}/beoordelen/B1/K1`, { score: '8', motivation: 'Goed.' });
    expect(short.status).toBe(400);
    expect(short.html).toContain('href="#score-K1-motivation">Motivering: de motivatie is te kort');
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

  it('seals only when everything is scored, then opens the consensus to the inkoper', async () => {
    await assignAndDeclare();
    const early = await evaluator.post(`/aanbestedingen/${id}/verzegelen`, {});
    expect(early.status).toBe(409);
    expect(visibleText(early.html)).toContain('er ontbreekt nog: B1 op K1, B1 op K2, B2 op K1, B2 op K2');
    const before = visibleText((await inkoper.get(`/aanbestedingen/${id}/consensus`)).html);
    expect(before).toContain('nog niet verzegeld: beoordelaar');
    for (const bidId of ['B1', 'B2']) {
      for (const [criterionId, score] of [['K1', '8'], ['K2', bidId === 'B1' ? '2' : '6']] as const) {
        expect((await evaluator.post(`/aanbestedingen/${id}/beoordelen/${bidId}/${criterionId}`, { score, motivation })).status).toBe(303);
      }
    }
    expect((await evaluator.post(`/aanbestedingen/${id}/verzegelen`, {})).status).toBe(303);
    const consensus = await inkoper.get(`/aanbestedingen/${id}/consensus`);
    const text = visibleText(consensus.html);
    expect(text).toContain(`B1 op K2 Voortgangsgesprekken en begeleiding Individuele scores: 2 tot 2, spreiding 0, gemiddeld 2,00.`);
    expect(text).toContain(motivation);
    const outside = await inkoper.post(`/aanbestedingen/${id}/consensus/B1/K2`, { score: '6', motivation: 'De commissie vindt het plan na bespreking voldoende.' });
    expect(outside.status).toBe(400);
    expect(outside.html).toContain('href="#consensus-B1-K2-deviationReason"');
    const agreed = await inkoper.post(`/aanbestedingen/${id}/consensus/B1/K2`, { score: '2', motivation: 'De commissie volgt de beoordelaar: het plan is te summier.' });
    expect(agreed.status).toBe(303);
    expect(visibleText((await inkoper.get(`/aanbestedingen/${id}/consensus`)).html)).toMatch(/Consensusscore: 2 ?\. De commissie volgt de beoordelaar/);
  });
});
