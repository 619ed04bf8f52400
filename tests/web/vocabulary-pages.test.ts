/**
 * Issue 16, one Dutch vocabulary: no internal identifier reaches a person. Every page of the
 * app's own route table (tests/helpers/routes.ts), for every person of the demo world
 * (scripts/demo/) including the platform administrator, on every tender (open, award
 * proposed, awarded, and a draft added here), is scanned for the identifiers of the
 * vocabulary module (`knownIdentifiers`, its keys and the audit actions) in its visible text.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { knownIdentifiers } from '../../src/domain/vocabulary/index.js';
import { createDemoApp, type DemoApp } from '../helpers/demo-app.js';
import { identifierPattern, leakedIdentifiers } from '../helpers/identifier-scan.js';
import { demoPages, importDraftTender, procedureIds } from './demo-pages.js';

describe('the identifier scan', () => {
  const pattern = identifierPattern(knownIdentifiers());
  it('is made from the vocabulary: statuses, rules, presets, review states, verdicts, audit actions and subjects', () => {
    const ids = knownIdentifiers();
    for (const id of [
      'award-proposed',
      'below-estimate',
      'mean-of-others',
      'nl-default',
      'explanation-requested',
      'resists-underbidding',
      'tender.import',
      'low-bid-review.request-explanation',
      'bid',
    ]) {
      expect(ids).toContain(id);
    }
    expect(ids).not.toContain('open');
  });

  it('finds an identifier as a word and not inside another word', () => {
    expect(leakedIdentifiers('Handeling tender.import door bid B3 (below-estimate).', pattern)).toEqual(['tender.import', 'bid', 'below-estimate']);
    expect(leakedIdentifiers('De bidder heeft een inschrijving; status open, gunnen op waarde.', pattern)).toEqual([]);
  });
});

describe('every page of the demo world', () => {
  let demo: DemoApp;
  let draftId: string;

  beforeAll(async () => {
    demo = await createDemoApp();
    draftId = await importDraftTender(demo);
  }, 120_000);
  afterAll(() => demo?.close());

  it('shows no internal identifier in the visible text of any page, for any person', async () => {
    const pattern = identifierPattern(knownIdentifiers());
    const pages = await demoPages(demo, draftId);
    // "route: identifier" once, with the first person and page that showed it.
    const leaks = new Map<string, string>();
    for (const page of pages) {
      for (const id of leakedIdentifiers(page.text, pattern)) {
        if (!leaks.has(`${page.route}: ${id}`)) leaks.set(`${page.route}: ${id}`, `${page.email} ${page.path}`);
      }
    }
    const shown = new Set(pages.map((p) => p.path));
    const tenderIds = [...demo.summary.tenders.map((t) => t.id), draftId];
    // The walk reached the pages: every page of every tender in each status, and the administrator's pages.
    for (const id of tenderIds)
      for (const tab of ['', '/instellingen', '/inschrijvingen', '/uitslag', '/audit']) expect(shown).toContain(`/aanbestedingen/${id}${tab}`);
    for (const path of ['/beheer/gebruikers', '/beheer/organisaties', '/mijn-account', `/regio/${demo.summary.organisations.regio}/vergelijking`])
      expect(shown).toContain(path);
    expect(shown).toContain(`/aanbestedingen/${draftId}/openen`);
    for (const id of procedureIds(demo)) for (const tab of ['', '/panel']) expect(shown).toContain(`/procedures/${id}${tab}`);
    // The procedure's panel page as its beoordelaar reads it (the declaration), besides the inkoper's and auditor's.
    expect(pages.filter((p) => p.route === '/procedures/:id/panel').map((p) => p.email)).toContain('beoordelaar2@zwolle.demo');
    // The demo's procedure in preparation (scripts/demo/demo-world.ts) and the one imported here.
    expect(procedureIds(demo)).toHaveLength(2);
    // Its inkoper reads the draft forms: the limitation, adding a lot, copying settings.
    const draft = pages.find((p) => p.path === `/procedures/${demo.summary.procedures[0]!.id}` && p.email === 'inkoper@raalte.demo');
    for (const words of ['Gunningsbeperking', 'Percelen inrichten', 'Perceel toevoegen', 'Instellingen overnemen', 'Ten hoogste 1 perceel per inschrijver'])
      expect(draft?.text).toContain(words);
    expect([...leaks.keys()]).toEqual([]);
  }, 600_000);
});
