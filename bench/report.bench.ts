/**
 * @module
 * Speed of a signed evaluation report for 20 bids, against rendering the same report unsigned
 * in the same run (issue 6). Targets: under 150 ms signed; PAdES B-B signing adds under 50%.
 * Then B-T (issue 17) against a real RFC 3161 authority on loopback (`openssl ts -reply`,
 * tests/helpers/timestamp-authority.ts), with the authority's round trip measured on its own,
 * since in production that is the network and the authority, not this server. The signers
 * are made once, as the server makes them once at start: the P12 is not parsed per report.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Dossier } from '../src/domain/evaluation/dossier.js';
import { renderEvaluationReport } from '../src/reports/render-evaluation-report.js';
import { randomBytes } from 'node:crypto';
import { createDevelopmentSigner } from '../src/reports/signing/development-certificate.js';
import { createTimestampAuthority } from '../src/reports/signing/timestamp-client.js';
import { buildEvaluationReportData } from '../tests/fixtures/evaluation-report-data.js';
import { startTimestampAuthority } from '../tests/helpers/timestamp-authority.js';
import { loadPerCore, measureAsync, report } from './measure.js';

function generateDossier(bidCount: number): Dossier {
  let seed = 7;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const scale = [0, 2, 4, 6, 8, 10];
  const titles = ['Didactische aanpak', 'Duale trajecten', 'Voortgangsgesprekken', 'Kwalificaties docenten', 'Samenwerking met de gemeente'];
  const criteria = titles.map((title, c) => ({ id: `K${c + 1}`, title, weight: [25, 20, 15, 10, 5][c] ?? 5, scale, minimum: c < 2 ? 4 : undefined }));
  const bids = Array.from({ length: bidCount }, (_, b) => ({
    id: `B${b + 1}`,
    provider: { name: `Taalschool ${b + 1}`, kvk: String(30000000 + b), keurmerk: true },
    price: 380000 + Math.round(random() * 200000),
    scores: Object.fromEntries(criteria.map((c) => [c.id, scale[2 + Math.floor(random() * 4)] as number])),
  }));
  return {
    format: 'gunningswijzer/dossier@1',
    tender: { reference: 'BENCH-REPORT', title: 'Benchmark rapport', buyer: 'Gemeente Bench', lot: 'B1-route', estimatedValue: 500000, expectedLearners: 80 },
    award: { method: 'lowest-relative', priceWeight: 30 },
    criteria,
    lowBidRules: { preset: 'nl-default' },
    bids,
  };
}

export async function runReportBench(): Promise<void> {
  const directory = mkdtempSync(join(tmpdir(), 'gw-bench-cert-'));
  const tsa = await startTimestampAuthority();
  try {
    const signer = createDevelopmentSigner({ directory });
    const authority = createTimestampAuthority({ url: tsa.url });
    const stampingSigner = createDevelopmentSigner({ directory, timestampAuthority: authority });
    const data = buildEvaluationReportData({ dossier: generateDossier(20), certificate: signer.certificate });
    const signingTime = new Date(data.generatedAt);
    const sample = await renderEvaluationReport(data);
    const unsigned = await measureAsync('unsigned', () => renderEvaluationReport(data));
    const signed = await measureAsync('signed', async () => signer.sign(await renderEvaluationReport(data), { signingTime }));
    const signOnly = await measureAsync('sign only', () => signer.sign(sample, { signingTime }));
    const overhead = signed.medianMs / unsigned.medianMs - 1;
    // Fewer runs: each one is an HTTP request and an openssl process.
    const few = { runs: 20, warmup: 3 };
    const stamped = await measureAsync('B-T', async () => stampingSigner.sign(await renderEvaluationReport(data), { signingTime }), few);
    const roundTrip = await measureAsync('TSA round trip', () => authority.timestamp(randomBytes(256)), few);
    const localBT = stamped.medianMs - roundTrip.medianMs;

    console.log(`\nBeoordelingsrapport, 20 inschrijvingen x 5 criteria (${Math.round(sample.length / 1024)} KiB; mediaan per rapport)`);
    report([
      { label: 'rapport renderen zonder handtekening', value: `${unsigned.medianMs.toFixed(1)} ms` },
      {
        label: `  processortijd daarvan (belasting ${loadPerCore()})`,
        value: `${(unsigned.cpuMs ?? NaN).toFixed(1)} ms`,
        target: '< 100 ms',
        ok: (unsigned.cpuMs ?? Infinity) < 100,
      },
      { label: 'rapport renderen en ondertekenen (PAdES B-B)', value: `${signed.medianMs.toFixed(1)} ms`, target: '< 150 ms', ok: signed.medianMs < 150 },
      {
        label: '  extra tijd door ondertekenen (B-B)',
        value: `${(overhead * 100).toFixed(0)}%`,
        target: '< 50%',
        ok: overhead < 0.5,
      },
      { label: 'alleen ondertekenen (B-B)', value: `${signOnly.medianMs.toFixed(1)} ms` },
      { label: 'rapport renderen en ondertekenen met tijdstempel (B-T)', value: `${stamped.medianMs.toFixed(1)} ms` },
      { label: '  waarvan rondreis naar de tijdstempeldienst (loopback)', value: `${roundTrip.medianMs.toFixed(1)} ms` },
      {
        label: '  B-T zonder die rondreis, t.o.v. renderen',
        value: `${((localBT / unsigned.medianMs - 1) * 100).toFixed(0)}%`,
      },
    ]);
  } finally {
    await tsa.close();
    rmSync(directory, { recursive: true, force: true });
  }
}
