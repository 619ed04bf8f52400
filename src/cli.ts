#!/usr/bin/env node
/**
 * @module
 * Entry point of the command line: the package's `gunningswijzer` bin (built to
 * `dist/cli.js`), also behind `npm run --silent evaluate -- FILE`, `verify` and
 * `formula-check`; see cli/run-cli.ts.
 */
import { runCli } from './cli/run-cli.js';

const outcome = await runCli(process.argv.slice(2));
if (outcome.stdout !== undefined) process.stdout.write(`${outcome.stdout}\n`);
if (outcome.stderr !== undefined) process.stderr.write(`${outcome.stderr}\n`);
process.exitCode = outcome.code;
