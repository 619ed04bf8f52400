/**
 * @module
 * `formula-check FILE.json [--format json|table] [--estimated-value EUR] [--expected-learners N]`:
 * the formula check of a draft tender (issue 10), before any bid exists. FILE is a dossier,
 * with or without `bids` (bids are ignored), or a tender template (`format`
 * `gunningswijzer/tender-template@1`), which is turned into a dossier first. A template
 * carries no estimate and no number of learners (those are the buyer's own facts), so the two
 * options supply them; on a dossier they override the dossier's own values, to try a variant.
 * Both are read as a person writes them: `400.000` and `400.000,50` in Dutch notation,
 * `400000.50` plain; an ambiguous `400,000` is refused (src/domain/amount-text.ts).
 * Exit codes as `evaluate`: 0 the check ran (whatever its verdict), 1 an invalid file, 2 a
 * file that cannot be read or is not JSON, or a wrong command line.
 */
import { parseArgs } from 'node:util';
import { parseCountText, parseMoneyText } from '../domain/amount-text.js';
import { parseDossier } from '../domain/evaluation/dossier.schema.js';
import { checkFormula } from '../domain/formula-check/check-formula.js';
import { dossierFromTemplate } from '../domain/templates/dossier-from-template.js';
import { parseTemplate, TEMPLATE_FORMAT } from '../domain/templates/template.schema.js';
import { renderFormulaCheckText } from './formula-check-text.js';
import { argumentProblem } from './argument-problem.js';
import { readJson, type Outcome } from './read-json.js';

const USAGE = 'gebruik: formula-check BESTAND.json [--format json|table] [--estimated-value EUR (400.000 of 400000.50)] [--expected-learners N]';

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/**
 * The two facts, read as a person types them (`--estimated-value 400.000` is four hundred
 * thousand euros, `400.000,50` and `400000.50` too; `400,000` is refused as ambiguous: see
 * `parseAmountText`). What they say of the tender (a value of 0, too many learners) is the
 * dossier schema's to judge, with its paths.
 */
function facts(values: {
  'estimated-value'?: string | undefined;
  'expected-learners'?: string | undefined;
}): { ok: true; facts: Record<string, number> } | { ok: false; message: string } {
  const out: Record<string, number> = {};
  const options = [
    ['estimated-value', 'estimatedValue', parseMoneyText],
    ['expected-learners', 'expectedLearners', parseCountText],
  ] as const;
  for (const [option, field, parse] of options) {
    const text = values[option];
    if (text === undefined) continue;
    const read = parse(text);
    if (!read.ok) return { ok: false, message: `--${option}: ${read.message}` };
    out[field] = read.value;
  }
  return { ok: true, facts: out };
}

type Input = { ok: true; dossier: unknown; heading: string } | { ok: false; outcome: Outcome };

function toDossier(json: unknown, overrides: Record<string, number>): Input {
  if (isRecord(json) && json['format'] === TEMPLATE_FORMAT) {
    const parsed = parseTemplate(json);
    if (!parsed.ok) return { ok: false, outcome: { code: 1, stderr: parsed.problems.map((p) => `${p.path}: ${p.message}`).join('\n') } };
    const { template } = parsed;
    const dossier = dossierFromTemplate(template, { reference: template.id, title: template.name, buyer: 'sjabloon', ...overrides });
    return { ok: true, dossier, heading: `sjabloon ${template.id} - ${template.name} (${template.lot})` };
  }
  if (!isRecord(json)) return { ok: true, dossier: json, heading: '' };
  const tender = isRecord(json['tender']) ? { ...json['tender'], ...overrides } : json['tender'];
  const dossier = { ...json, tender, bids: json['bids'] ?? [] };
  const t = isRecord(tender) ? tender : {};
  return { ok: true, dossier, heading: `${String(t['reference'])} - ${String(t['title'])} (${String(t['lot'])})` };
}

function parseCommandLine(args: string[]) {
  return parseArgs({
    args,
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'json' },
      'estimated-value': { type: 'string' },
      'expected-learners': { type: 'string' },
    },
  });
}

export function formulaCheckCommand(args: string[]): Outcome {
  let parsedArgs: ReturnType<typeof parseCommandLine>;
  try {
    parsedArgs = parseCommandLine(args);
  } catch (error) {
    return { code: 2, stderr: `${argumentProblem(error)}\n${USAGE}` };
  }
  const { values, positionals } = parsedArgs;
  const file = positionals[0];
  if (!file || positionals.length > 1) return { code: 2, stderr: USAGE };
  if (values.format !== 'json' && values.format !== 'table') {
    return { code: 2, stderr: `--format: onbekend formaat '${values.format}' (json of table)` };
  }
  const given = facts(values);
  if (!given.ok) return { code: 2, stderr: `${given.message}\n${USAGE}` };
  const read = readJson(file);
  if (!read.ok) return { code: 2, stderr: read.message };
  const input = toDossier(read.value, given.facts);
  if (!input.ok) return input.outcome;
  const parsed = parseDossier(input.dossier);
  if (!parsed.ok) return { code: 1, stderr: parsed.problems.map((p) => `${p.path}: ${p.message}`).join('\n') };
  const check = checkFormula(parsed.dossier);
  return {
    code: 0,
    stdout: values.format === 'table' ? renderFormulaCheckText(input.heading, check) : JSON.stringify(check, null, 2),
  };
}
