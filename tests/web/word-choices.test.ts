/**
 * Issue 16, words consistent across pages, reports and letters: one of aanvaard/geaccepteerd,
 * motivering/motivatie, inburgeraar/leerling, inschrijver/school (docs/vocabulary.md, the
 * patterns in src/domain/vocabulary/word-choices.ts). Scanned: the visible text of every page of
 * the demo world for every person, the report texts (templates/reports/nl.json), the tender
 * templates, the draft letters asking for an explanation, the demo's start banner, and the
 * command line's tables.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, USERS } from '../../scripts/demo/demo-world.js';
import { demoBanner } from '../../scripts/demo/demo-banner.js';
import { runCli } from '../../src/cli/run-cli.js';
import { FOREIGN_SOURCES, foreignTermsWithoutExplanation } from '../../src/domain/vocabulary/foreign-sources.js';
import { VOCABULARY } from '../../src/domain/vocabulary/index.js';
import { rejectedWordsIn, WORD_CHOICES } from '../../src/domain/vocabulary/word-choices.js';
import { createClient } from '../helpers/client.js';
import { createDemoApp, type DemoApp } from '../helpers/demo-app.js';
import { type DemoPage, demoPages, importDraftTender } from './demo-pages.js';

/** Every string in a JSON value, with its path, for the texts kept as JSON. */
function stringsOf(value: unknown, path = ''): { path: string; text: string }[] {
  if (typeof value === 'string') return [{ path, text: value }];
  if (Array.isArray(value)) return value.flatMap((v, i) => stringsOf(v, `${path}[${i}]`));
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => stringsOf(v, `${path}.${k}`));
  return [];
}

/** "where: rejected → chosen" for every rejected word in the texts. */
function findings(texts: readonly { where: string; text: string }[]): string[] {
  return [...new Set(texts.flatMap(({ where, text }) => rejectedWordsIn(text).map((found) => `${where}: ${found}`)))];
}

describe('the word choices', () => {
  it('find each rejected word in its forms, and not the chosen word or a bid named by its school', () => {
    expect(rejectedWordsIn('De prijs is geaccepteerd; wij accepteren dit. Motivaties van de scores. Twaalf leerlingen per groep.')).toEqual([
      'geaccepteerd → aanvaard',
      'accepteren → aanvaard',
      'motivaties → motivering',
      'leerlingen → inburgeraar',
    ]);
    expect(rejectedWordsIn('U verklaart over deze scholen; de school heeft een keurmerk; 3 scholen; maximaal 1 perceel per school; één school.')).toEqual([
      'deze scholen → inschrijver',
      'de school → inschrijver',
      'scholen → inschrijver',
      'per school → inschrijver',
      'één school → inschrijver',
    ]);
    expect(
      rejectedWordsIn('De prijs is aanvaard. Motivering van de score. Twaalf inburgeraars per groep. Taalschool Noord (B2) schreef in; de inschrijver.'),
    ).toEqual([]);
    expect(rejectedWordsIn('De prijsenveloppe is verzegeld; de enveloppe gaat open.')).toEqual(['prijsenveloppe → envelop', 'enveloppe → envelop']);
    expect(rejectedWordsIn('De prijsenvelop en de kwaliteitsenvelop; beide enveloppen.')).toEqual([]);
    expect(rejectedWordsIn('Kies een template; de templates leveren de criteria.')).toEqual(['template → sjabloon', 'templates → sjabloon']);
    // A file path and an API field are names, not words.
    expect(rejectedWordsIn('Uit templates/tenders/b1-route.json, het veld `template`, "template"; het sjabloon, de sjablonen.')).toEqual([]);
    expect(WORD_CHOICES.map((c) => c.use)).toEqual(['aanvaard', 'motivering', 'inburgeraar', 'inschrijver', 'envelop', 'sjabloon']);
  });
});

describe('every text a person reads', () => {
  let demo: DemoApp;
  let pages: DemoPage[];

  beforeAll(async () => {
    demo = await createDemoApp();
    pages = await demoPages(demo, await importDraftTender(demo));
  }, 600_000);
  afterAll(() => demo?.close());

  it('pages of the demo world use the chosen words, for every person', () => {
    expect(pages.length).toBeGreaterThan(100);
    expect(findings(pages.map((p) => ({ where: `${p.route} (${p.email})`, text: p.text })))).toEqual([]);
  });

  it('pages of the demo world name a foreign source only with what it is', () => {
    const mentions = pages.filter((p) => /ProZorro|Aufgreifschwelle|Koninklijk Besluit/.test(p.text));
    // The settings pages offer the presets by name, so the walk met them.
    expect(mentions.length).toBeGreaterThan(0);
    const problems = pages.flatMap((p) => foreignTermsWithoutExplanation(p.text).map((problem) => `${p.route}: ${problem}`));
    expect([...new Set(problems)]).toEqual([]);
  });

  it('the draft letters asking for an explanation use the chosen words', async () => {
    const letters: { where: string; text: string }[] = [];
    for (const user of USERS) {
      const client = createClient(demo.app);
      expect((await client.post('/api/v1/auth/login', { email: user.email, password: DEMO_PASSWORD })).status).toBe(200);
      for (const tender of demo.summary.tenders) {
        for (const bidId of ['B1', 'B2', 'B3', 'B4', 'B5', 'B6']) {
          const response = await client.get(`/api/v1/tenders/${tender.id}/bids/${bidId}/low-bid-review/letter`);
          if (response.status === 200) letters.push({ where: `brief ${tender.reference} ${bidId}`, text: String(response.body) });
        }
      }
    }
    // The demo world asks at least one explanation, so a letter was read.
    expect(letters.length).toBeGreaterThan(0);
    expect(letters[0]?.text).toMatch(/Aanbestedingswet/);
    expect(findings(letters)).toEqual([]);
  }, 120_000);

  it('the demo banner uses the chosen words', () => {
    const banner = demoBanner({ address: 'http://localhost:3000', summary: demo.summary, seconds: 1, database: 'demo.db' });
    expect(findings([{ where: 'demo', text: banner }])).toEqual([]);
  });
});

describe('report texts, tender templates and the command line', () => {
  it('the report and letter texts (templates/reports/nl.json) use the chosen words', () => {
    const texts = stringsOf(JSON.parse(readFileSync('templates/reports/nl.json', 'utf8'))).map((s) => ({ where: `nl.json${s.path}`, text: s.text }));
    expect(texts.length).toBeGreaterThan(100);
    expect(findings(texts)).toEqual([]);
  });

  it('the report texts and the vocabulary name each foreign source with what it is', () => {
    const report = stringsOf(JSON.parse(readFileSync('templates/reports/nl.json', 'utf8')));
    const terms = Object.values(VOCABULARY).flatMap((kind) => Object.values(kind).flatMap((term) => [term.label, term.explanation]));
    const texts = [...report.map((s) => s.text), ...terms];
    // Each source is met, and every mention is explained; "KB" for the Belgian decree nowhere.
    for (const source of FOREIGN_SOURCES) expect(texts.some((t) => t.search(source.term) >= 0)).toBe(true);
    expect(texts.flatMap(foreignTermsWithoutExplanation)).toEqual([]);
    expect(foreignTermsWithoutExplanation('Regel: België (KB 18 april 2017, art. 36); bron ProZorro (Oekraïne).')).toEqual([
      'ProZorro: "elgië (KB 18 april 2017, art. 36); bron ProZorro (Oekraïne)."',
      'KB: "Regel: België (KB 18 april 2017, art. 36); bron ProZorro (Oekraïne)."',
    ]);
  });

  it('the tender templates use the chosen words', () => {
    const files = readdirSync('templates/tenders').filter((f) => f.endsWith('.json'));
    expect(files.length).toBeGreaterThan(0);
    const texts = files.flatMap((file) =>
      stringsOf(JSON.parse(readFileSync(join('templates/tenders', file), 'utf8'))).map((s) => ({ where: `${file}${s.path}`, text: s.text })),
    );
    expect(findings(texts)).toEqual([]);
  });

  it('the tables of evaluate and formula-check use the chosen words', async () => {
    const examples = readdirSync('templates/examples').map((f) => join('templates/examples', f));
    const templates = readdirSync('templates/tenders').map((f) => join('templates/tenders', f));
    const tables: { where: string; text: string }[] = [];
    for (const file of examples) {
      const outcome = runCli(['evaluate', file, '--format', 'table']);
      expect(outcome.code, outcome.stderr).toBe(0);
      tables.push({ where: `evaluate ${file}`, text: outcome.stdout ?? '' });
    }
    for (const file of [...examples.filter((f) => f.endsWith('.dossier.json')), ...templates]) {
      const outcome = await runCli(['formula-check', file, '--format', 'table', '--estimated-value', '400000', '--expected-learners', '40']);
      expect(outcome.code, outcome.stderr).toBe(0);
      tables.push({ where: `formula-check ${file}`, text: outcome.stdout ?? '' });
    }
    expect(tables.map((t) => t.text).join('\n')).toMatch(/Inschrijver|inschrijving/i);
    expect(findings(tables)).toEqual([]);
  });
});
