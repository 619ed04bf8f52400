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
