import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PASSWORD, type World } from '../helpers/seed.js';
import type { TestApp } from '../helpers/test-app.js';
import { errorSummaryOnTop, loginPage, visibleText, type PageClient } from './page-client.js';
import { ijssellandB1Example } from '../helpers/dossiers.js';
import { pageWorld } from './page-world.js';
import { importAlmereTender } from '../helpers/tenders.js';

const EXAMPLE = ijssellandB1Example();

let t: TestApp;
let w: World;
let page: PageClient;
let id: string;
beforeEach(async () => {
  ({ t, w, page } = await pageWorld());
  id = await importAlmereTender(w, EXAMPLE, { open: true });
});
afterEach(() => t.close());

/** The art. 2.116 review of B3, the one flagged bid, asked, answered and decided through the API. */
async function decideReview(decision: 'accepted' | 'rejected'): Promise<void> {
  const review = (body: unknown) => w.almereInkoper.post(`/api/v1/tenders/${id}/bids/B3/low-bid-review`, body);
  expect((await review({ action: 'request-explanation', deadline: '2026-03-16', questions: ['Hoeveel contacturen rekent u?'] })).status).toBe(200);
  expect((await review({ action: 'record-explanation', explanation: 'Wij werken met groepen van 16 en een eigen lesmethode.' })).status).toBe(200);
  expect((await review({ action: 'decide', decision, motivation: 'De toelichting maakt de prijs aannemelijk en is onderbouwd.' })).status).toBe(200);
}

describe('the results page', () => {
  it('shows the ranking in Dutch formats, the flagged bid with its message and the review state', async () => {
    const evaluation = (await w.almereInkoper.get(`/api/v1/tenders/${id}/evaluation`)).body;
    const response = await page.get(`/aanbestedingen/${id}/uitslag`);
    expect(response.status).toBe(200);
    const text = visibleText(response.html);
    // Every bid named by its school, the code second (issue 15): the winner is never only "B2".
    expect(evaluation.winner).toBe('B2');
    expect(text).toContain('Winnaar volgens de beoordeling: NT2 Centrum Zwolle (B2)');
    expect(text).toContain('1 NT2 Centrum Zwolle (B2) , winnaar €\u00a0495.000,00 54,00 17,52 71,52 2 Taalschool IJsselland (B1) €\u00a0468.000,00');
    expect(text).toContain('Afwijzen van Snel Inburgeren B.V. (B3) verandert de winnaar niet.');
    expect(text).toContain('Taalschool IJsselland (B1) had gewonnen bij een prijs van ten hoogste');
    const b3 = evaluation.bids.find((b: { bidId: string }) => b.bidId === 'B3');
    expect(b3.lowBidFlags.length).toBeGreaterThan(0);
    expect(response.html).toContain(
      '<h3 class="utrecht-heading-3 utrecht-heading-3--distanced" id="onderzoek-B3-kop"><span class="gw-bid">Snel Inburgeren B.V. <span class="gw-bid__code">(B3)</span></span></h3>',
    );
    expect(text).toContain(b3.lowBidFlags[0].message);
    expect(text).toContain('Stand van het onderzoek nog niet onderzocht');
    expect(text).toContain('Gevoeligheid van de uitslag');
  });

  it('draws an accessible quality-price chart with the winner marked and a data table', async () => {
    const html = (await page.get(`/aanbestedingen/${id}/uitslag`)).html;
    expect(html).toMatch(/<svg class="gw-chart"[^>]*role="img"[^>]*aria-labelledby="grafiek-titel grafiek-uitleg"/);
    expect(html).toContain('<title id="grafiek-titel">Kwaliteit tegen prijs</title>');
    expect(html).toMatch(/>NT2 Centrum Zwolle \(B2\), winnaar<\/text>/);
    expect(html).toMatch(/>Taalschool IJsselland \(B1\)<\/text>/);
    expect(visibleText(html)).toContain(
      'Gegevens van de grafiek Inschrijving Prijs Kwaliteit (% van het maximum) In de grafiek Mogelijk abnormaal laag NT2 Centrum Zwolle (B2) €\u00a0495.000,00',
    );
  });

  it('marks the flagged bid by a diamond and the winner by a ring, with a legend, in the description and in the table', async () => {
    const html = (await page.get(`/aanbestedingen/${id}/uitslag`)).html;
    const svg = /<svg class="gw-chart"[\s\S]*?<\/svg>/.exec(html)?.[0] ?? '';
    // Each point is a group: its symbol, then its label. B3 (flagged) is a diamond; B2 (winner) a dot with a ring.
    const pointOf = (label: string) => new RegExp(`<g>((?:(?!<g>)[\\s\\S])*?)<text[^>]*>${label.replace(/[()]/g, '\\$&')}</text></g>`).exec(svg)?.[1] ?? '';
    // An empty element is written <circle ...></circle> by hono/jsx.
    const end = (tag: string) => `(?:\\/>|><\\/${tag}>)`;
    expect(pointOf('Snel Inburgeren B.V. (B3)')).toMatch(new RegExp(`^<polygon points="[^"]+" fill="#01689b" class="gw-chart__flagged"${end('polygon')}$`));
    expect(pointOf('NT2 Centrum Zwolle (B2), winnaar')).toMatch(
      new RegExp(`^<circle[^>]*r="7"[^>]*${end('circle')}<circle[^>]*r="12"[^>]*fill="none"[^>]*${end('circle')}$`),
    );
    expect(pointOf('Taalschool IJsselland (B1)')).toMatch(new RegExp(`^<circle[^>]*r="6" fill="#01689b"${end('circle')}$`));
    expect((svg.match(/class="gw-chart__flagged"/g) ?? []).length).toBe(1);
    const text = visibleText(html);
    expect(html).toMatch(/<ul class="gw-chart-legend" aria-label="Legenda">/);
    expect(text).toContain('Winnaar: stip met ring Inschrijving: stip Mogelijk abnormaal laag (art. 2.116 Aanbestedingswet): ruit');
    expect(html).toMatch(/<desc id="grafiek-uitleg">[^<]*Mogelijk abnormaal laag: Snel Inburgeren B\.V\. \(B3\)\./);
    expect(text).toMatch(/Snel Inburgeren B\.V\. \(B3\) €\u00a0[\d.]+,\d\d [\d,]+% gerangschikt ja/);
    expect(text).toMatch(/NT2 Centrum Zwolle \(B2\) €\u00a0495\.000,00 [\d,]+% winnaar nee/);
  });

  it('takes a review step through the form and shows the domain refusal next to the field', async () => {
    const bad = await page.post(`/aanbestedingen/${id}/inschrijvingen/B3/onderzoek`, {
      action: 'request-explanation',
      deadline: '2026-02-30',
      questions: 'Hoeveel lesuren?',
    });
    expect(bad.status).toBe(400);
    // At the top of the page, not at the form far below the ranking; and at the field.
    expect(errorSummaryOnTop(bad.html)).toBe(true);
    expect(visibleText(bad.html)).toContain('De stap in het onderzoek naar Snel Inburgeren B.V. (B3) is niet vastgelegd');
    expect(bad.html).toContain('id="onderzoek-B3-deadline-fout"');
    expect(bad.html).toContain('href="#onderzoek-B3-deadline">Termijn: moet een bestaande datum zijn in de vorm JJJJ-MM-DD</a>');
    const good = await page.post(`/aanbestedingen/${id}/inschrijvingen/B3/onderzoek`, {
      action: 'request-explanation',
      deadline: '2026-03-16',
      questions: 'Hoeveel contacturen met een docent levert u per inburgeraar?\nWelke groepsgrootte hanteert u?',
    });
    expect(good.status).toBe(303);
    const text = visibleText((await page.get(`/aanbestedingen/${id}/uitslag`)).html);
    expect(text).toContain('Stand van het onderzoek toelichting gevraagd Toelichting gevraagd op 2 maart 2026 Termijn voor de toelichting 16 maart 2026');
    expect(text).toContain('Conceptbrief met het verzoek om toelichting');
  });

  it('refuses questions that name another bidder next to the field: the letter goes to the bidder', async () => {
    const refused = await page.post(`/aanbestedingen/${id}/inschrijvingen/B3/onderzoek`, {
      action: 'request-explanation',
      deadline: '2026-03-16',
      questions: 'Waarom ligt uw prijs zo ver onder die van Taalschool IJsselland?',
    });
    expect(refused.status).toBe(400);
    expect(refused.html).toContain('href="#onderzoek-B3-questions">Vragen: noemt de inschrijver Taalschool IJsselland</a>');
  });

  it('shows the award decision disabled while a review is open, with the reason beside it', async () => {
    const html = (await page.get(`/aanbestedingen/${id}/uitslag`)).html;
    expect(html).toContain(
      '<button type="button" class="utrecht-button utrecht-button--primary-action" disabled="" aria-describedby="gunningsbeslissing-reden">Gunningsbeslissing nemen</button>',
    );
    const reason = /<div class="gw-unavailable__reason" id="gunningsbeslissing-reden">([\s\S]*?)<\/div>/.exec(html)?.[1] ?? '';
    expect(visibleText(reason)).toMatch(
      /^Kan nog niet: Snel Inburgeren B\.V\. \(B3\): Inschrijving B3 is gemarkeerd als mogelijk abnormaal laag .*niet afgerond/,
    );
    expect(html).not.toContain(`action="/aanbestedingen/${id}/gunningsbeslissing"`);
  });

  it('answers a refused award decision at the top of the page, with focus, and asks for the confirmation at its field', async () => {
    // A page that went stale (a review reopened in another tab) still posts: the service refuses, on top.
    const refused = await page.post(`/aanbestedingen/${id}/gunningsbeslissing`, { bevestiging: 'ja' });
    expect(refused.status).toBe(409);
    expect(errorSummaryOnTop(refused.html)).toBe(true);
    const summary = /id="foutmeldingen"[\s\S]*?<\/ul>/.exec(refused.html)?.[0] ?? '';
    expect(visibleText(summary)).toContain('De gunningsbeslissing is niet genomen');
    expect(visibleText(summary)).toContain('Het onderzoek naar mogelijk abnormaal lage inschrijvingen is niet afgerond voor Snel Inburgeren B.V. (B3): ');
    expect(visibleText(summary)).not.toContain('(open)');
    expect(refused.html).toContain('<title>Fout: Uitslag: ');

    await decideReview('accepted');
    const unconfirmed = await page.post(`/aanbestedingen/${id}/gunningsbeslissing`, {});
    expect(unconfirmed.status).toBe(400);
    expect(errorSummaryOnTop(unconfirmed.html)).toBe(true);
    expect(unconfirmed.html).toContain('href="#gunningsbeslissing-bevestiging">Bevestiging: bevestig dat u begrijpt dat de beoordeling daarmee vastligt</a>');
    expect(unconfirmed.html).toContain('id="gunningsbeslissing-bevestiging-fout"');
    expect((await w.almereInkoper.get(`/api/v1/tenders/${id}`)).body.status).toBe('open');
  });

  it('asks before the award decision in words that say what becomes fixed, with a dialog for JavaScript', async () => {
    await decideReview('accepted');
    const html = (await page.get(`/aanbestedingen/${id}/uitslag`)).html;
    const form = /<form method="post" action="[^"]*\/gunningsbeslissing" class="utrecht-form" data-confirm="true">[\s\S]*?<\/form>/.exec(html)?.[0] ?? '';
    expect(visibleText(form)).toContain('De gunningsbeslissing gunt aan NT2 Centrum Zwolle (B2) .');
    expect(visibleText(form)).toContain(
      'Daarna kunnen de scores, de consensus en het onderzoek naar abnormaal lage inschrijvingen niet meer worden gewijzigd.',
    );
    expect(form).toContain(
      '<input class="utrecht-checkbox utrecht-checkbox--html-input utrecht-form-field__input" type="checkbox" id="gunningsbeslissing-bevestiging" name="bevestiging" value="ja"',
    );
    expect(form).toContain(
      '<dialog class="gw-dialog" data-confirm-dialog="true" aria-labelledby="gunningsbeslissing-vraag" aria-describedby="gunningsbeslissing-gevolg">',
    );
    expect(visibleText(form)).toContain('De gunningsbeslissing nemen? Daarna kunnen de scores');
    const decided = await page.post(`/aanbestedingen/${id}/gunningsbeslissing`, { bevestiging: 'ja' });
    expect(decided.status).toBe(303);
    expect(decodeURIComponent(decided.location ?? '')).toContain('De gunningsbeslissing is genomen: gunnen aan NT2 Centrum Zwolle (B2).');
  });

  it('shows the award disabled during the standstill with the date it can, and asks before awarding', async () => {
    await decideReview('accepted');
    expect((await page.post(`/aanbestedingen/${id}/gunningsbeslissing`, { bevestiging: 'ja' })).status).toBe(303);
    const during = (await page.get(`/aanbestedingen/${id}/uitslag`)).html;
    expect(visibleText(during)).toContain('Gunningsbeslissing van 2 maart 2026: gunnen aan NT2 Centrum Zwolle (B2) .');
    expect(during).toContain('disabled="" aria-describedby="gunnen-reden">Definitief gunnen</button>');
    expect(visibleText(during)).toContain('Kan nog niet: De opschortende termijn loopt tot en met 22 maart 2026; definitief gunnen kan vanaf 23 maart 2026.');
    const early = await page.post(`/aanbestedingen/${id}/gunnen`, { bevestiging: 'ja' });
    expect(early.status).toBe(409);
    expect(errorSummaryOnTop(early.html)).toBe(true);
    expect(visibleText(early.html)).toContain('Er is niet definitief gegund Let op: De opschortende termijn loopt tot en met 22 maart 2026');

    t.clock.set('2026-03-23T09:00:00Z');
    page = await loginPage(t, w.almereInkoper.email, PASSWORD); // three weeks on, the session has ended
    const after = (await page.get(`/aanbestedingen/${id}/uitslag`)).html;
    expect(visibleText(after)).toContain(
      'Daarna is de aanbesteding vergrendeld: niets kan nog worden gewijzigd en de gunningsbeslissing kan niet meer worden ingetrokken.',
    );
    const unconfirmed = await page.post(`/aanbestedingen/${id}/gunnen`, {});
    expect(unconfirmed.status).toBe(400);
    expect(unconfirmed.html).toContain('href="#gunnen-bevestiging">Bevestiging: bevestig dat u begrijpt dat de aanbesteding daarna vergrendeld is</a>');
    const awarded = await page.post(`/aanbestedingen/${id}/gunnen`, { bevestiging: 'ja' });
    expect(awarded.status).toBe(303);
    const final = visibleText((await page.get(awarded.location ?? '')).html);
    expect(final).toContain('De aanbesteding is definitief gegund aan NT2 Centrum Zwolle (B2).');
    expect(final).toContain('aan NT2 Centrum Zwolle (B2) . De aanbesteding is vergrendeld.');
  });

  it('withdraws the award decision through the form, with the reason, and names the field when it is missing', async () => {
    await decideReview('accepted');
    const decided = await page.post(`/aanbestedingen/${id}/gunningsbeslissing`, { bevestiging: 'ja' });
    expect(decided.status).toBe(303);
    const shown = visibleText((await page.get(`/aanbestedingen/${id}/uitslag`)).html);
    expect(shown).toContain('Gunningsbeslissing intrekken');

    const empty = await page.post(`/aanbestedingen/${id}/gunningsbeslissing-intrekken`, { reason: '' });
    expect(empty.status).toBe(400);
    expect(visibleText(empty.html)).toContain('De gunningsbeslissing is niet ingetrokken');
    expect(visibleText(empty.html)).toContain('Reden van de intrekking');

    const withdrawn = await page.post(`/aanbestedingen/${id}/gunningsbeslissing-intrekken`, {
      reason: 'Het bezwaar van Taalschool IJsselland is gegrond verklaard.',
    });
    expect(withdrawn.status).toBe(303);
    expect((await w.almereInkoper.get(`/api/v1/tenders/${id}`)).body).toMatchObject({ status: 'open', awardDecision: null });
    const again = visibleText((await page.get(withdrawn.location ?? '')).html);
    expect(again).toContain('De gunningsbeslissing (NT2 Centrum Zwolle (B2)) is ingetrokken; de aanbesteding is weer geopend.');
    expect(again).toContain('Gunningsbeslissing nemen');
  });

  it("is not for a beoordelaar: the evaluation is the inkoper's and auditor's (403 on the panel, 404 off it)", async () => {
    const evaluator = await loginPage(t, w.almereBeoordelaar.email, PASSWORD);
    expect((await evaluator.get(`/aanbestedingen/${id}/uitslag`)).status).toBe(404);
    expect((await w.almereInkoper.post(`/api/v1/tenders/${id}/evaluators`, { userId: w.almereBeoordelaar.userId })).status).toBe(201);
    expect((await evaluator.get(`/aanbestedingen/${id}/uitslag`)).status).toBe(403);
  });
});

describe('the audit page', () => {
  it("lists the tender's events, filters by action and checks the chain", async () => {
    const all = visibleText((await page.get(`/aanbestedingen/${id}/audit`)).html);
    expect(all).toContain('dossier ingelezen');
    expect(all).not.toContain('tender.import');
    expect(all).toContain('aanbesteding geopend');
    const filtered = visibleText((await page.get(`/aanbestedingen/${id}/audit?actie=tender.open&controle=1`)).html);
    expect(filtered).toContain('Gebeurtenissen (1 van 2)');
    expect(filtered).toContain('De auditketen is intact');
  });
});
