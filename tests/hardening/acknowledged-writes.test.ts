/**
 * The check behind the load benchmark and the kill -9 rounds is not vacuous: it finds each
 * acknowledged write (a bid, a consensus score) in SQLite, reports a write that is not
 * there, and reports a score row that no longer says what the audit log says.
 */
import { describe, expect, it } from 'vitest';
import { verifyAcknowledged, type AcknowledgedWrite } from '../../scripts/load-mix.js';
import { exampleDossier } from '../helpers/dossiers.js';
import { seedWorld } from '../helpers/seed.js';
import { createTestApp } from '../helpers/test-app.js';
import { importAlmereTender } from '../helpers/tenders.js';

describe('verifyAcknowledged', () => {
  it('finds acknowledged writes, and reports missing ones and rows that disagree with the log', async () => {
    const t = createTestApp();
    const w = await seedWorld(t);
    const importTender = () => importAlmereTender(w, exampleDossier());
    const draft = await importTender();
    const open = await importTender();
    expect((await w.almereInkoper.post(`/api/v1/tenders/${open}/open`)).status).toBe(200);

    const bid = await w.almereInkoper.post(`/api/v1/tenders/${draft}/bids`, {
      provider: { name: 'School load-0000abcd-1', kvk: '12345678', keurmerk: true },
      price: 500000,
    });
    expect(bid.status).toBe(201);
    const acknowledged: AcknowledgedWrite[] = [{ kind: 'bid', token: 'load-0000abcd-1', tenderId: draft, entityId: `${draft}/${bid.body.id}` }];
    for (const [n, score] of [
      [2, 6],
      [3, 8],
    ] as const) {
      const token = `load-0000abcd-${n}`;
      const answer = await w.almereInkoper.put(`/api/v1/tenders/${open}/bids/B1/consensus/K1`, {
        score,
        motivation: `Na overleg in het panel: ${score} punten (${token}).`,
      });
      expect(answer.status).toBe(200);
      acknowledged.push({ kind: 'consensus', token, tenderId: open, entityId: `${open}/B1/K1` });
    }
    expect(verifyAcknowledged(t.db.sqlite, acknowledged)).toEqual({ missing: [], disagreeing: [] });

    const never: AcknowledgedWrite = { kind: 'consensus', token: 'load-0000abcd-99', tenderId: open, entityId: `${open}/B2/K1` };
    expect(verifyAcknowledged(t.db.sqlite, [...acknowledged, never]).missing).toEqual([never]);

    // A row changed behind the log's back (or an older write that won a race) is reported.
    t.db.sqlite
      .prepare("UPDATE consensus_scores SET motivation = 'Stil gewijzigd, zonder auditregel.' WHERE tender_id = ? AND bid_id = 'B1' AND criterion_id = 'K1'")
      .run(open);
    expect(verifyAcknowledged(t.db.sqlite, acknowledged).disagreeing).toHaveLength(1);
    t.db.sqlite.prepare("UPDATE bids SET provider_name = 'Andere school' WHERE tender_id = ?").run(draft);
    expect(verifyAcknowledged(t.db.sqlite, acknowledged).missing.map((m) => m.kind)).toEqual(['bid']);
    t.close();
  });
});
