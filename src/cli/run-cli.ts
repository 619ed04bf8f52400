/**
 * @module
 * The command line. `evaluate FILE [--format json|table]` re-computes a lot from a dossier,
 * the way an auditor checks an award without the server. Exit codes are the contract of
 * evaluation.md: 1 for an invalid dossier, 2 for a file that cannot be read or is not JSON.
 * `verify FILE.pdf` checks a signed report (verify-command.ts); it is asynchronous, so
 * `runCli` answers with a promise for it and at once for the synchronous commands.
 */
import { parseArgs } from 'node:util';
import { renderEvaluationTable } from './evaluation-table.js';
import { formulaCheckCommand } from './formula-check-command.js';
import { readJson, type Outcome } from './read-json.js';
import { verifyCommand } from './verify-command.js';
import { parseDossier } from '../domain/evaluation/dossier.schema.js';
import { evaluateDossier } from '../domain/evaluation/evaluate.js';

export type { Outcome } from './read-json.js';

function evaluateCommand(args: string[]): Outcome {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { format: { type: 'string', default: 'json' } },
  });
  const file = positionals[0];
  if (!file || positionals.length > 1) return { code: 2, stderr: 'gebruik: evaluate BESTAND.json [--format json|table]' };
  if (values.format !== 'json' && values.format !== 'table') {
    return { code: 2, stderr: `--format: onbekend formaat '${values.format}' (json of table)` };
  }
  const read = readJson(file);
  if (!read.ok) return { code: 2, stderr: read.message };
  const parsed = parseDossier(read.value);
  if (!parsed.ok) return { code: 1, stderr: parsed.problems.map((p) => `${p.path}: ${p.message}`).join('\n') };
  const result = evaluateDossier(parsed.dossier);
  return {
    code: 0,
    stdout: values.format === 'table' ? renderEvaluationTable(parsed.dossier, result) : JSON.stringify(result, null, 2),
  };
}

const COMMANDS: Record<string, (args: string[]) => Outcome | Promise<Outcome>> = {
  evaluate: evaluateCommand,
  'formula-check': formulaCheckCommand,
  verify: verifyCommand,
};

function crashed(error: unknown): Outcome {
  return { code: 2, stderr: (error as Error).message };
}

/** `evaluate` is synchronous, so its callers (and tests) get the outcome without awaiting. */
export function runCli(argv: ['evaluate', ...string[]]): Outcome;
export function runCli(argv: string[]): Outcome | Promise<Outcome>;
export function runCli(argv: string[]): Outcome | Promise<Outcome> {
  const [command, ...rest] = argv;
  const run = command === undefined ? undefined : COMMANDS[command];
  if (!run) return { code: 2, stderr: `gebruik: ${Object.keys(COMMANDS).join(' | ')} ...` };
  try {
    const outcome = run(rest);
    return outcome instanceof Promise ? outcome.catch(crashed) : outcome;
  } catch (error) {
    return crashed(error);
  }
}
