/**
 * @module
 * Speed of an evaluation report with every free text at its maximum (`TEXT_LIMITS`, issue 14),
 * against the normal B1-route report measured in the same run. Targets: the maximal report
 * renders within 1 s, and its time grows in proportion to the text: the same report with every
 * text at half its maximum takes about half the time (before the fix, pdfkit's line
 * breaking was quadratic in the length of a word and one 200,000-character name took minutes).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderEvaluationReport } from '../src/reports/render-evaluation-report.js';
import { createDevelopmentSigner } from '../src/reports/signing/development-certificate.js';
import { b1RouteDossier, buildEvaluationReportData } from '../tests/fixtures/evaluation-report-data.js';
import { buildMaxLengthReportData } from '../tests/fixtures/max-length-report-data.js';
import { loadPerCore, measureAsync, report } from './measure.js';

export async function runReportLimitsBench(): Promise<void> {
  const directory = mkdtempSync(join(tmpdir(), 'gw-bench-cert-'));
  try {
    const { certificate } = createDevelopmentSigner({ directory });
    const normal = buildEvaluationReportData({ dossier: b1RouteDossier(), certificate });
    const half = buildMaxLengthReportData({ certificate, scale: 0.5 });
    const full = buildMaxLengthReportData({ certificate });
    const pages = (await renderEvaluationReport(full)).toString('latin1').match(/\/Type \/Page\b/g)?.length ?? 0;
    const options = { runs: 7, warmup: 2 };
    const base = await measureAsync('normaal', () => renderEvaluationReport(normal), { runs: 20, warmup: 3 });
    const halfTime = await measureAsync('helft', () => renderEvaluationReport(half), options);
    const fullTime = await measureAsync('maximaal', () => renderEvaluationReport(full), options);
    // Twice the text: twice the time when layout is linear, four times when it is quadratic.
    const growth = fullTime.medianMs / halfTime.medianMs;

    console.log(`\nBeoordelingsrapport met elke vrije tekst op zijn maximum (${pages} pagina's; mediaan per rapport)`);
    report([
      { label: 'normaal rapport (B1-route, 4 inschrijvingen)', value: `${base.medianMs.toFixed(1)} ms` },
      { label: 'elke tekst op de helft van het maximum', value: `${halfTime.medianMs.toFixed(1)} ms` },
      { label: 'elke tekst op het maximum', value: `${fullTime.medianMs.toFixed(1)} ms`, target: '< 1000 ms', ok: fullTime.medianMs < 1000 },
      {
        label: `  processortijd daarvan (belasting ${loadPerCore()})`,
        value: `${(fullTime.cpuMs ?? NaN).toFixed(1)} ms`,
        target: '< 1000 ms',
        ok: (fullTime.cpuMs ?? Infinity) < 1000,
      },
      { label: '  maximaal / normaal', value: `${(fullTime.medianMs / base.medianMs).toFixed(1)}x` },
      { label: '  groei bij twee keer zoveel tekst (lineair: 2)', value: `${growth.toFixed(2)}x`, target: '< 2,5x', ok: growth < 2.5 },
    ]);
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}
