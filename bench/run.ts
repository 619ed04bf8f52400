/**
 * @module
 * `npm run bench`: runs every benchmark in turn and prints its numbers with ratios to the
 * baseline measured in the same run.
 */
import { runEvaluateBench } from './evaluate.bench.js';
import { runReportBench } from './report.bench.js';

runEvaluateBench();
await runReportBench();
