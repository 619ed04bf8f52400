/**
 * The dossier's optional `bids[].documents` (issue 20) is not read by the evaluation: every
 * example dossier evaluates with the evaluate command to the same result with documents named
 * on its bids as without.
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
  .map((name) => ({ name, dossier: JSON.parse(readFileSync(join(EXAMPLES, name), 'utf8')) as { bids: Record<string, unknown>[] } }));

const documentsOf = (bidId: string) => [
  { name: `plan-${bidId}.pdf`, size: 48213, sha256: 'a'.repeat(63) + bidId.length, envelope: 'quality', version: 1 },
  { name: `plan-${bidId}.pdf`, size: 50117, sha256: 'b'.repeat(64), envelope: 'quality', version: 2 },
  { name: `prijsblad-${bidId}.xlsx`, size: 9120, sha256: 'c'.repeat(64), envelope: 'price', version: 1 },
];

describe('bids[].documents in a dossier', () => {
  it('leaves the evaluate command’s result of every example dossier unchanged', () => {
    expect(dossiers.length).toBeGreaterThan(0);
    for (const { name, dossier } of dossiers) {
      for (const bid of dossier.bids) expect(bid.documents, name).toBeUndefined();
      const withDocuments = { ...dossier, bids: dossier.bids.map((bid) => ({ ...bid, documents: documentsOf(String(bid.id)) })) };
      expect(parseDossier(withDocuments).ok, name).toBe(true);
      expect(evaluateWithTheCli(withDocuments), name).toEqual(evaluateWithTheCli(dossier));
    }
  });

  it('refuses an entry that is not a document, at its path', () => {
    const [{ dossier }] = dossiers as [(typeof dossiers)[number]];
    const bids = dossier.bids.map((bid, i) =>
      i === 0 ? { ...bid, documents: [{ name: 'plan.pdf', size: 0, sha256: 'x', envelope: 'bijlage', version: 1 }] } : bid,
    );
    const result = parseDossier({ ...dossier, bids });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems.map((p) => p.path)).toEqual(
        expect.arrayContaining(['bids[0].documents[0].size', 'bids[0].documents[0].sha256', 'bids[0].documents[0].envelope']),
      );
    }
  });
});
