/**
 * Issue 17 with issue 16: the text of every report and award letter is Dutch, never a code.
 * Reports and letters of every tender of the demo world (scripts/demo/: open, award proposed
 * and awarded tenders, with panels, consensus, low-bid reviews, corrections, withdrawals and
 * the formula check) and of every award method, are extracted with `pdftotext` and scanned
 * for the identifiers the page scan looks for (tests/helpers/identifier-scan.ts: the
 * vocabulary's statuses, methods, low-bid rules, presets, review states, verdicts, audit
 * actions and subjects).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_EMAIL, DEMO_PASSWORD, USERS } from '../../scripts/demo/demo-world.js';
import type { Award, Dossier } from '../../src/domain/evaluation/dossier.js';
import { parseDossier } from '../../src/domain/evaluation/dossier.schema.js';
import { knownIdentifiers } from '../../src/domain/vocabulary/index.js';
import { buildAwardLetterData } from '../../src/reports/award-letter-data.js';
import { renderAwardLetter } from '../../src/reports/render-award-letter.js';
import { evaluateProcedure } from '../../src/domain/procedure/evaluate-procedure.js';
import type { Procedure } from '../../src/domain/procedure/procedure.js';
import { procedureLetterData } from '../../src/reports/procedure-letter-data.js';
import { procedureReportData } from '../../src/reports/procedure-report-data.js';
import { renderEvaluationReport } from '../../src/reports/render-evaluation-report.js';
import { renderProcedureLetter } from '../../src/reports/render-procedure-letter.js';
import { renderProcedureReport } from '../../src/reports/render-procedure-report.js';
import { b1RouteDossier, buildEvaluationReportData, testCertificate as certificate } from '../fixtures/evaluation-report-data.js';
import { KVK, letterDocument, lotReportsOf, threeLotProcedure } from '../fixtures/procedure-report-data.js';
import { createClient, type TestClient } from '../helpers/client.js';
import { createDemoApp, type DemoApp } from '../helpers/demo-app.js';
import { identifierPattern, leakedIdentifiers } from '../helpers/identifier-scan.js';
import { pdfText } from '../unit/reports/poppler.js';

/**
 * Where a report names a bid by its code first or alone (issue 17): a heading or cover line
 * "B2 - School", or an analysis sentence "B1 had gewonnen ..." instead of "School (B1) ...".
 */
function codeFirst(name: string, text: string, bidIds: readonly string[]): string[] {
  const found: string[] = [];
  for (const id of bidIds) {
    const pattern = new RegExp(`(?<![\\w(-])${id}(?: - | had gewonnen| kan met geen enkele prijs| zou | winnen in plaats van)|in plaats van ${id}[):]`, 'g');
    for (const m of text.matchAll(pattern)) found.push(`${name}: ${text.slice(Math.max(0, (m.index ?? 0) - 30), (m.index ?? 0) + 50)}`);
  }
  return found;
}

/** "document: identifier (… the text around it …)" for every identifier found. */
function leaksIn(name: string, text: string): string[] {
  return [...text.matchAll(identifierPattern())].map((m) => {
    const at = m.index ?? 0;
    return `${name}: ${m[1]} (…${text.slice(Math.max(0, at - 50), at + 40)}…)`;
  });
}

let demo: DemoApp;

/** A stored report's bytes, as its download link serves them to `client`. */
async function pdfOf(client: TestClient, path: string): Promise<Buffer> {
  const response = await demo.app.app.request(path, { headers: client.cookie === null ? {} : { cookie: client.cookie } });
  expect(response.status).toBe(200);
  return Buffer.from(await response.arrayBuffer());
}

describe('the identifier scan of documents', () => {
  it('finds an identifier the report would print as a code', () => {
    expect(leakedIdentifiers('Regel mean-of-others: 38,73% onder het gemiddelde; methode lowest-relative.')).toEqual(['mean-of-others', 'lowest-relative']);
    expect(knownIdentifiers()).toEqual(expect.arrayContaining(['lowest-relative', 'quality-price-ratio', 'mean-of-others', 'cost-floor', 'bid.correct']));
  });
});

describe('reports and letters of every award method', () => {
  const b1 = b1RouteDossier();
  const withAward = (dossier: Dossier, award: Award): Dossier => {
    const parsed = parseDossier({ ...dossier, award });
    if (!parsed.ok) throw new Error(parsed.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
    return parsed.dossier;
  };
  const cases: [string, Dossier][] = [
    ['lowest-relative', b1],
    ['min-max-bids', withAward(b1, { method: 'min-max-bids', priceWeight: 30 })],
    ['min-max-set', withAward(b1, { method: 'min-max-set', priceWeight: 30, priceFloor: 300000, priceCeiling: 600000 })],
    ['quality-price-ratio', withAward(b1, { method: 'quality-price-ratio' })],
    ['utility-index', withAward(b1, { method: 'utility-index', priceWeight: 40 })],
    [
      'fixed-price',
      withAward({ ...b1, bids: b1.bids.map((bid) => ({ ...bid, price: undefined, priceLines: undefined })) }, { method: 'fixed-price', fixedPrice: 480000 }),
    ],
  ];

  it.each(cases)(
    'print no code in the report and the letters (%s)',
    async (method, dossier) => {
      const data = buildEvaluationReportData({ dossier, certificate });
      const reportText = pdfText(await renderEvaluationReport(data));
      const leaks = [
        ...leaksIn(`rapport ${method}`, reportText),
        ...codeFirst(
          `rapport ${method}`,
          reportText,
          dossier.bids.map((bid) => bid.id),
        ),
      ];
      if (data.result.winner !== null) {
        for (const bid of data.result.bids) {
          const letter = buildAwardLetterData({ report: data, bidId: bid.bidId, reportId: 'L-1', decisionDate: '2027-03-01', standstillEndsOn: '2027-03-21' });
          leaks.push(...leaksIn(`brief ${method} ${bid.bidId}`, pdfText(await renderAwardLetter(letter))));
        }
      }
      expect(leaks).toEqual([]);
    },
    60_000,
  );
});

describe('the report and letters of a procedure with several lots (issue 21)', () => {
  const example = threeLotProcedure();
  const cases: [string, Procedure][] = [
    ['lot order', example],
    ['bidder preference', { ...example, awardLimit: { maxLotsPerBidder: 1, rule: 'bidder-preference' }, preferences: { [KVK.zwolle]: ['L2', 'L1', 'L3'] } }],
    ['no limitation', { ...example, awardLimit: undefined }],
  ];

  it.each(cases)(
    'print no code and name bids by school first (%s)',
    async (name, procedure) => {
      const result = evaluateProcedure(procedure);
      const lotReports = lotReportsOf(procedure, certificate);
      const document = { ...letterDocument(certificate) };
      const bidIds = [...new Set(procedure.lots.flatMap((lot) => lot.dossier.bids.map((bid) => bid.id)))];
      const reportText = pdfText(await renderProcedureReport(procedureReportData(procedure, result, { lotReports, reportId: 'R-P', document })));
      const leaks = [...leaksIn(`procedurerapport ${name}`, reportText), ...codeFirst(`procedurerapport ${name}`, reportText, bidIds)];
      for (const kvk of Object.values(KVK)) {
        const letter = procedureLetterData(procedure, result, kvk, {
          lotReports,
          reportId: 'L-P',
          decisionDate: '2027-03-01',
          standstillEndsOn: '2027-03-21',
          document,
        });
        const letterText = pdfText(await renderProcedureLetter(letter));
        leaks.push(...leaksIn(`procedurebrief ${name} ${kvk}`, letterText), ...codeFirst(`procedurebrief ${name} ${kvk}`, letterText, bidIds));
      }
      expect(leaks).toEqual([]);
    },
    60_000,
  );
});

describe('reports and letters of the demo world', () => {
  beforeAll(async () => {
    demo = await createDemoApp();
  }, 120_000);
  afterAll(() => demo?.close());

  it('print no code, for any tender the demo has', async () => {
    const inkopers: TestClient[] = [];
    for (const email of [...USERS.filter((u) => u.email.startsWith('inkoper@')).map((u) => u.email), ADMIN_EMAIL]) {
      const client = createClient(demo.app);
      expect((await client.post('/api/v1/auth/login', { email, password: DEMO_PASSWORD })).status).toBe(200);
      inkopers.push(client);
    }
    const leaks: string[] = [];
    let reports = 0;
    let letters = 0;
    for (const tender of demo.summary.tenders) {
      for (const client of inkopers) {
        const report = await client.post(`/api/v1/tenders/${tender.id}/reports`, { kind: 'evaluation' });
        if (report.status !== 201) continue;
        reports++;
        const evaluation = (await client.get(`/api/v1/tenders/${tender.id}/evaluation`)).body as { bids: { bidId: string }[] };
        const reportText = pdfText(await pdfOf(client, report.body.url));
        leaks.push(...leaksIn(`rapport ${tender.reference}`, reportText));
        leaks.push(
          ...codeFirst(
            `rapport ${tender.reference}`,
            reportText,
            evaluation.bids.map((bid) => bid.bidId),
          ),
        );
        for (const { bidId } of evaluation.bids) {
          const letter = await client.post(`/api/v1/tenders/${tender.id}/reports`, { kind: 'award-letter', bidId });
          if (letter.status !== 201) continue;
          letters++;
          leaks.push(...leaksIn(`brief ${tender.reference} ${bidId}`, pdfText(await pdfOf(client, letter.body.url))));
        }
        break;
      }
    }
    // The walk reached documents: a report of most tenders, and letters of the decided ones.
    expect(reports).toBeGreaterThanOrEqual(Math.min(3, demo.summary.tenders.length));
    expect(letters).toBeGreaterThan(0);
    expect(leaks).toEqual([]);
  }, 600_000);
});
