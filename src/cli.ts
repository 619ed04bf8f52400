/**
 * @module
 * Entry point of the command line (`npm run --silent evaluate -- FILE`, `npm run --silent
 * verify -- FILE.pdf`); see cli/run-cli.ts.
 */
import { runCli } from './cli/run-cli.js';

const outcome = await runCli(process.argv.slice(2));
if (outcome.stdout !== undefined) process.stdout.write(`${outcome.stdout}\n`);
if (outcome.stderr !== undefined) process.stderr.write(`${outcome.stderr}\n`);
process.exitCode = outcome.code;
