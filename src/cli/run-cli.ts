/**
 * @module
 * The command line. `evaluate FILE [--format json|table]` re-computes a lot from a dossier,
 * the way an auditor checks an award without the server. Exit codes are the contract of
 * evaluation.md: 1 for an invalid dossier, 2 for a file that cannot be read or is not JSON.
 * `verify FILE.pdf` checks a signed report (verify-command.ts); it is asynchronous, so
 * `runCli` answers with a promise for it and at once for the synchronous commands. Its
 * module (and the PKI libraries under it) is loaded only when `verify` runs: `evaluate` is
 * the command an auditor runs over and over, and loading what it does not use was most of
 * its start-up (docs/build.md).
 */
import { parseArgs } from 'node:util';
import { argumentProblem } from './argument-problem.js';
import { renderEvaluationTable } from './evaluation-table.js';
import { formulaCheckCommand } from './formula-check-command.js';
import { ocdsCommand } from './ocds-command.js';
import { readJson, type Outcome } from './read-json.js';
import { parseDossier } from '../domain/evaluation/dossier.schema.js';
import { evaluateDossier } from '../domain/evaluation/evaluate.js';
import { evaluateProcedure } from '../domain/procedure/evaluate-procedure.js';
import { looksLikeProcedure, parseProcedure } from '../domain/procedure/procedure.schema.js';
import { renderProcedureTable } from './procedure-table.js';
import packageJson from '../../package.json' with { type: 'json' };

export type { Outcome } from './read-json.js';

const EVALUATE_USAGE = 'gebruik: evaluate BESTAND.json [--format json|table]';

function evaluateCommand(args: string[]): Outcome {
  let parsedArgs: { values: { format?: string | undefined }; positionals: string[] };
  try {
    parsedArgs = parseArgs({ args, allowPositionals: true, options: { format: { type: 'string', default: 'json' } } });
  } catch (error) {
    return { code: 2, stderr: `${argumentProblem(error)}\n${EVALUATE_USAGE}` };
  }
  const { values, positionals } = parsedArgs;
  const file = positionals[0];
  if (!file || positionals.length > 1) return { code: 2, stderr: EVALUATE_USAGE };
  if (values.format !== 'json' && values.format !== 'table') {
    return { code: 2, stderr: `--format: onbekend formaat '${values.format}' (json of table)` };
  }
  const read = readJson(file);
  if (!read.ok) return { code: 2, stderr: read.message };
  if (looksLikeProcedure(read.value)) return evaluateProcedureFile(read.value, values.format);
  const parsed = parseDossier(read.value);
  if (!parsed.ok) return { code: 1, stderr: parsed.problems.map((p) => `${p.path}: ${p.message}`).join('\n') };
  const result = evaluateDossier(parsed.dossier);
  return {
    code: 0,
    stdout: values.format === 'table' ? renderEvaluationTable(parsed.dossier, result) : JSON.stringify(result, null, 2),
  };
}

/** A procedure with several lots (docs/procedures.md): each lot's result and the allocation. */
function evaluateProcedureFile(value: unknown, format: 'json' | 'table'): Outcome {
  const parsed = parseProcedure(value);
  if (!parsed.ok) return { code: 1, stderr: parsed.problems.map((p) => `${p.path}: ${p.message}`).join('\n') };
  const result = evaluateProcedure(parsed.procedure);
  return { code: 0, stdout: format === 'table' ? renderProcedureTable(parsed.procedure, result) : JSON.stringify(result, null, 2) };
}

const COMMANDS: Record<string, (args: string[]) => Outcome | Promise<Outcome>> = {
  evaluate: evaluateCommand,
  'formula-check': formulaCheckCommand,
  verify: async (args) => (await import('./verify-command.js')).verifyCommand(args),
  ocds: (args) => ocdsCommand(args),
};

const USAGE = `gebruik: gunningswijzer ${Object.keys(COMMANDS).join(' | ')} ... (gunningswijzer --help)`;

export const HELP = `Gunningswijzer ${packageJson.version}: gunningen van inburgeringsaanbestedingen narekenen en toetsen.

gebruik: gunningswijzer OPDRACHT BESTAND [opties]

Opdrachten:
  evaluate BESTAND.json [--format json|table]
      Berekent de gunning van een dossier opnieuw en drukt het resultaat af (JSON, of met
      --format table als Nederlandse tabel). Een procedurebestand met percelen
      (gunningswijzer/procedure@1) geeft het resultaat per perceel en de toewijzing van de
      percelen onder de gunningsbeperking.
  formula-check BESTAND.json [--format json|table] [--estimated-value EUR] [--expected-learners N]
      Toetst de gunningsformule van een dossier of aanbestedingstemplate voor publicatie: wat
      een kwaliteitspunt kost, of een onderbieder wint, en voorstellen die dat keren.
  ocds BESTAND.json [--status STATUS] [--published-date DATUMTIJD] [--uri URI]
      Drukt het OCDS-releasepakket van een procedurebestand of dossier af, zoals de server het
      publiceert: percelen, inschrijvingen per perceel en, vanaf --status award-proposed, de
      gunningen volgens de toewijzing (docs/procedures.md).
  verify BESTAND.pdf
      Controleert de handtekening van een rapport of gunningsbrief (PAdES B-B of B-T).

Opties:
  --help, -h       deze tekst
  --version, -v    het versienummer

Afsluitcode: 0 gelukt (verify: de handtekening klopt), 1 ongeldig dossier of ongeldige
handtekening, 2 bestand onleesbaar, geen JSON, of een verkeerde opdrachtregel.`;

function crashed(error: unknown): Outcome {
  return { code: 2, stderr: (error as Error).message };
}

/** `evaluate` is synchronous, so its callers (and tests) get the outcome without awaiting. */
export function runCli(argv: ['evaluate', ...string[]]): Outcome;
export function runCli(argv: string[]): Outcome | Promise<Outcome>;
export function runCli(argv: string[]): Outcome | Promise<Outcome> {
  const [command, ...rest] = argv;
  if (command === '--help' || command === '-h' || command === 'help') return { code: 0, stdout: HELP };
  if (command === '--version' || command === '-v') return { code: 0, stdout: packageJson.version };
  // Own keys only: `toString` is not a command.
  const run = command !== undefined && Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
  if (!run) return { code: 2, stderr: command === undefined ? USAGE : `onbekende opdracht '${command}'\n${USAGE}` };
  try {
    const outcome = run(rest);
    return outcome instanceof Promise ? outcome.catch(crashed) : outcome;
  } catch (error) {
    return crashed(error);
  }
}
