/**
 * @module
 * The three-lot procedure of `templates/examples/` (docs/procedures.md, worked example), for
 * the API tests of procedures.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Procedure } from '../../src/domain/procedure/procedure.js';
import { ROOT } from './build.js';

export const PROCEDURE_EXAMPLE = join(ROOT, 'templates/examples/ijsselland-drie-percelen.procedure.json');

/** A fresh copy of the example procedure file (three lots, at most 1 lot per school, lot order L1, L2, L3). */
export function exampleProcedure(): Procedure {
  return JSON.parse(readFileSync(PROCEDURE_EXAMPLE, 'utf8')) as Procedure;
}

/**
 * The example with Het Taalhuis Kampen's bid on L2 (B3) made equal to Taalschool IJsselland's
 * (B1): same price, same scores. Under the lot order L2 is then tied between them at the
 * margin (NT2 Centrum Zwolle has L1) and counts for both, so L3 goes to nobody until the draw.
 */
export function tiedProcedure(): Procedure {
  const file = exampleProcedure();
  const l2 = file.lots[1]?.dossier;
  const ijsselland = l2?.bids.find((bid) => bid.id === 'B1');
  const kampen = l2?.bids.find((bid) => bid.id === 'B3');
  if (ijsselland === undefined || kampen === undefined) throw new Error('the example changed: L2 has no B1 or B3');
  kampen.price = ijsselland.price;
  kampen.scores = { ...ijsselland.scores };
  return file;
}
