/**
 * Issue 21, outputs: the evaluation report of a procedure with several lots
 * (src/reports/procedure-report-data.ts, render-procedure-report.ts), on the three-lot
 * example: the procedure part with the limitation and its rule in Dutch and the allocation
 * table (winner, winner without the limitation, reason per lot), then a part per lot with
 * the single report's sections, and the procedure and its result embedded.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluateProcedure, type ProcedureResult } from '../../../src/domain/procedure/evaluate-procedure.js';
import type { Procedure } from '../../../src/domain/procedure/procedure.js';
import { procedureReportData } from '../../../src/reports/procedure-report-data.js';
import { PROCEDURE_EVALUATION_FILE, PROCEDURE_FILE, renderProcedureReport } from '../../../src/reports/render-procedure-report.js';
import type { EvaluationReportData } from '../../../src/reports/report-data.js';
import { wording } from '../../../src/reports/wording.js';
import { KVK, letterDocument, lotReportsOf, threeLotProcedureTiedOnL2 } from '../../fixtures/procedure-report-data.js';
import { evaluatedThreeLotProcedure } from '../../helpers/evaluated-procedure.js';
import { normaliseWhitespace, pdfText } from './poppler.js';
import { pdfdetachList, pdfdetachSave } from './poppler-extra.js';

let procedure: Procedure;
let result: ProcedureResult;
let reports: Record<string, EvaluationReportData>;

beforeAll(() => {
  ({ procedure, result, reports } = evaluatedThreeLotProcedure());
});

const data = (p = procedure, r = result, lotReports = reports) => procedureReportData(p, r, { lotReports, reportId: 'RPT-P1', document: letterDocument() });

describe('the report data of a procedure (pure)', () => {
  it('holds per lot the allocated winner, the winner without the limitation and the reason, by school', () => {
    const report = data();
    expect(report.allocation.map((row) => [row.lotId, row.lot, row.winner, row.winnerWithoutLimit])).toEqual([
      ['L1', 'B1-route', 'NT2 Centrum Zwolle (B2)', 'NT2 Centrum Zwolle (B2)'],
      ['L2', 'onderwijsroute', 'Taalschool IJsselland (B1)', 'NT2 Centrum Zwolle (B2)'],
      ['L3', 'Z-route', 'Het Taalhuis Kampen (B2)', 'NT2 Centrum Zwolle (B1)'],
    ]);
    expect(report.allocation[1]?.reason).toBe(result.allocation[1]?.reason);
    expect(report.limit).toEqual({ maxLotsPerBidder: 1, rule: 'lot-order', lotOrder: ['L1', 'L2', 'L3'] });
    expect(report.lots.map((lot) => lot.reportId)).toEqual(['RPT-L1', 'RPT-L2', 'RPT-L3']);
    expect(report.preferences).toEqual([]);
  });

  it('lists the preferences under bidder preference, and refuses a lot without its report', () => {
    const preferring: Procedure = {
      ...procedure,
      awardLimit: { maxLotsPerBidder: 1, rule: 'bidder-preference' },
      preferences: { [KVK.zwolle]: ['L2', 'L1', 'L3'] },
    };
    const report = data(preferring, evaluateProcedure(preferring));
    expect(report.preferences).toEqual([{ school: 'NT2 Centrum Zwolle', kvk: KVK.zwolle, lots: ['L2', 'L1', 'L3'] }]);
    expect(report.allocation.map((row) => row.winner)).toEqual(['Taalschool IJsselland (B1)', 'NT2 Centrum Zwolle (B2)', 'Het Taalhuis Kampen (B2)']);
    const { L3: _omitted, ...withoutL3 } = reports;
    expect(() => data(procedure, result, withoutL3)).toThrow(/perceel L3/);
  });
});

describe('the rendered report of a procedure', () => {
  let text: string;
  let pdf: Buffer;
  beforeAll(async () => {
    pdf = await renderProcedureReport(data());
    text = pdfText(pdf);
  }, 60_000);

  it('has the procedure part: the limitation, its rule in Dutch and the allocation table', () => {
    expect(text).toContain('Proces-verbaal van de beoordeling van een aanbesteding in percelen');
    expect(text).toContain('Procedure en verdeling van de percelen');
    expect(text).toContain(
      "Een inschrijver (één KvK-nummer) krijgt maximaal 1 perceel. De aanbestedingsstukken maken bekend hoe de beperking wordt toegepast: de regel 'volgorde van de percelen'.",
    );
    expect(text).toContain('De bekendgemaakte volgorde van de percelen: L1, L2, L3.');
    expect(text).toContain('Perceel Gegund aan Winnaar zonder beperking Reden');
    // The allocation table row of L2 (pdftotext -raw reads a row cell by cell, line by line).
    expect(text).toMatch(/L2 onderwijsroute Taalschool IJsselland \(B1\) NT2 Centrum Zwolle \(B2\) Gegund aan de op één na beste inschrijving/);
    expect(text).toContain('NT2 Centrum Zwolle (KvK 05234567) heeft al perceel L1 (maximaal 1 perceel per inschrijver).');
  });

  it('then a part per lot with the sections of the single report', () => {
    const parts = ['Deel 1: perceel L1 (B1-route)', 'Deel 2: perceel L2 (onderwijsroute)', 'Deel 3: perceel L3 (Z-route)'];
    const at = parts.map((part) => text.indexOf(part));
    expect(at.every((index) => index > text.indexOf('Verdeling van de percelen'))).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    const sections = wording.evaluation.sections;
    for (const [i, start] of at.entries()) {
      const part = text.slice(start, at[i + 1] ?? text.length);
      for (const title of [sections.method, sections.criteria, sections.ranking, sections.bids, sections.consensus, sections.analysis])
        expect(part).toContain(title);
    }
    const l2 = text.slice(at[1], at[2]);
    expect(l2).toContain('Gegund aan Taalschool IJsselland (B1)');
    expect(l2).toContain('Winnaar zonder beperking NT2 Centrum Zwolle (B2)');
    expect(l2).toContain('ZWL-2027-INB-OR');
    expect(text.slice(at[2])).toContain('K1: score 2 ligt onder het minimum 4');
  });

  it('embeds the procedure and its result, which evaluate reproduces', () => {
    expect(pdfdetachList(pdf).sort()).toEqual([PROCEDURE_EVALUATION_FILE, PROCEDURE_FILE]);
    const embedded = JSON.parse(pdfdetachSave(pdf, PROCEDURE_FILE).toString('utf8')) as Procedure;
    expect(embedded).toEqual(JSON.parse(JSON.stringify(procedure)));
    expect(JSON.parse(pdfdetachSave(pdf, PROCEDURE_EVALUATION_FILE).toString('utf8'))).toEqual(JSON.parse(JSON.stringify(evaluateProcedure(embedded))));
    expect(text).toContain('SHA-256 van de ingesloten procedure (procedure.json)');
  });
});

describe('the recorded draws of lots in the report of a procedure (issue 21)', () => {
  const record = 'Geloot op 2 maart 2027 door de inkoper Petra de Vries in bijzijn van de jurist, met twee gesloten enveloppen.';
  const unused = 'Geloot op 3 maart 2027 door de inkoper Petra de Vries, met twee gesloten enveloppen.';
  /** L2's B3 (Het Taalhuis Kampen) made equal to B1 (Taalschool IJsselland): tied at the second place, the draw falls on B1; a draw for L3, which is not tied, decides nothing. */
  function drawnProcedure(): Procedure {
    const tied = threeLotProcedureTiedOnL2();
    return {
      ...tied,
      draws: [
        { lotId: 'L2', winner: 'B1', record },
        { lotId: 'L3', winner: 'B2', record: unused },
      ],
    };
  }
  let drawn: Procedure;
  let text: string;
  beforeAll(async () => {
    drawn = drawnProcedure();
    text = normaliseWhitespace(pdfText(await renderProcedureReport(data(drawn, evaluateProcedure(drawn), lotReportsOf(drawn)))));
  }, 60_000);

  it('holds per recorded draw the lot, the tied schools by name and code, the school drawn, what it did and its record', () => {
    expect(data(drawn, evaluateProcedure(drawn), lotReportsOf(drawn)).draws).toEqual([
      {
        lotId: 'L2',
        lot: 'onderwijsroute',
        tied: ['Taalschool IJsselland (B1)', 'Het Taalhuis Kampen (B3)'],
        winner: 'Taalschool IJsselland (B1)',
        outcome: 'decided',
        record,
      },
      { lotId: 'L3', lot: 'Z-route', tied: [], winner: 'Het Taalhuis Kampen (B2)', outcome: 'not-used', record: unused },
    ]);
    expect(data().draws).toEqual([]);
  });

  it('prints the draws beside the allocation: the tied schools, the school drawn and the record sentence', () => {
    const start = text.indexOf('Lotingen');
    expect(start).toBeGreaterThan(text.indexOf('Verdeling van de percelen'));
    expect(start).toBeLessThan(text.indexOf('Deel 1: perceel L1 (B1-route)'));
    const part = text.slice(start, text.indexOf('Deel 1: perceel L1 (B1-route)'));
    expect(part).toContain('Perceel Gelijk geëindigd Loting gevallen op Uitkomst Verslag van de loting');
    // pdftotext -raw reads a row cell by cell, a cell's lines in turn.
    expect(part).toMatch(
      /L2 onderwijsroute Taalschool IJsselland \(B1\), Het Taalhuis Kampen \(B3\) Taalschool IJsselland \(B1\) beslist het perceel Geloot op 2 maart 2027/,
    );
    expect(part).toContain('in bijzijn van de jurist, met twee gesloten enveloppen.');
    expect(part).toMatch(/L3 Z-route staat niet \(meer\) gelijk Het Taalhuis Kampen \(B2\) niet gebruikt Geloot op 3 maart 2027/);
    // The allocation's reason still says it too.
    expect(text).toContain('Gegund na loting aan Taalschool IJsselland (B1)');
  });

  it('has no draws section when no draw is recorded', async () => {
    const plain = normaliseWhitespace(pdfText(await renderProcedureReport(data())));
    expect(plain).not.toContain('Lotingen');
    expect(plain).not.toContain('Loting gevallen op');
  }, 60_000);
});
