/**
 * The dossier's optional `tender.envelopes` (issue 20) is not read by the evaluation: every
 * example dossier evaluates to the same result with `"one"`, `"two"` or without it, and a
 * value that is neither is refused with its path.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDossier } from '../../src/domain/evaluation/dossier.schema.js';
import { ROOT } from '../helpers/build.js';
import { evaluateWithTheCli } from '../helpers/cli.js';

const EXAMPLES = join(ROOT, 'templates', 'examples');
const dossiers = readdirSync(EXAMPLES)
  .filter((name) => name.endsWith('.dossier.json'))
  .map((name) => ({ name, dossier: JSON.parse(readFileSync(join(EXAMPLES, name), 'utf8')) as { tender: Record<string, unknown> } }));

describe('tender.envelopes in a dossier', () => {
  it('leaves the evaluate command’s result of every example dossier unchanged', () => {
    expect(dossiers.length).toBeGreaterThan(0);
    for (const { name, dossier } of dossiers) {
      expect(dossier.tender.envelopes, name).toBeUndefined();
      const plain = evaluateWithTheCli(dossier);
      for (const envelopes of ['one', 'two']) {
        expect(evaluateWithTheCli({ ...dossier, tender: { ...dossier.tender, envelopes } }), `${name} with ${envelopes}`).toEqual(plain);
      }
    }
  });

  it('refuses another value, at its path', () => {
    const [{ dossier }] = dossiers as [(typeof dossiers)[number]];
    const result = parseDossier({ ...dossier, tender: { ...dossier.tender, envelopes: 'drie' } });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => p.path)).toContain('tender.envelopes');
  });
});
