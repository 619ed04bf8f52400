/**
 * @module
 * `npm run bench`: runs every benchmark in turn and prints its numbers with ratios to the
 * baseline measured in the same run. `npm run bench -- NAME` runs one (evaluate, report,
 * report-limits, server, comparison, comparison-route, pages, startup, documents). `npm run bench` builds
 * first: the server benchmarks run the build, as `npm start` does.
 */
import { runComparisonBench } from './comparison.bench.js';
import { runComparisonRouteBench } from './comparison-route.bench.js';
import { runDocumentsBench } from './documents.bench.js';
import { runEvaluateBench } from './evaluate.bench.js';
import { runPagesBench } from './pages.bench.js';
import { runReportBench } from './report.bench.js';
import { runReportLimitsBench } from './report-limits.bench.js';
import { runServerBench } from './server.bench.js';
import { runStartupBench } from './startup.bench.js';

const benches: Record<string, () => unknown> = {
  evaluate: runEvaluateBench,
  report: runReportBench,
  'report-limits': runReportLimitsBench,
  server: runServerBench,
  comparison: runComparisonBench,
  'comparison-route': runComparisonRouteBench,
  pages: runPagesBench,
  startup: runStartupBench,
  documents: runDocumentsBench,
};

const chosen = process.argv.slice(2);
for (const [name, run] of Object.entries(benches)) {
  if (chosen.length === 0 || chosen.includes(name)) await run();
}
