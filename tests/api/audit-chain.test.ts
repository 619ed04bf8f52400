import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { computeEventHash, GENESIS_HASH } from '../../src/modules/audit/audit-chain.js';
import { canonicalJson } from '../../src/lib/canonical-json.js';
import { createOrganisation, seedWorld, type World } from '../helpers/seed.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
let w: World;
beforeEach(async () => {
  t = createTestApp();
  w = await seedWorld(t);
  for (const name of ['Gemeente Zwolle', 'Gemeente Deventer', 'Gemeente Kampen']) {
    await createOrganisation(w.admin, { name, kind: 'gemeente' });
  }
});
afterEach(() => t.close());

type Row = { seq: number; action: string; change: string; prev_hash: string; hash: string };
const rows = () => t.db.sqlite.prepare('SELECT * FROM audit_events ORDER BY seq').all() as Row[];
const verify = async () => {
  const response = await w.almereAuditor.get('/api/v1/audit/verify');
  expect(response.status).toBe(200);
  return response.body as { valid: boolean; events: number; head: string; firstBroken: number | null; stateMismatch: unknown };
};

describe('the audit chain', () => {
  it('links every event to the previous hash with sha256(prevHash + JCS(event))', () => {
    const all = rows();
    expect(all.length).toBeGreaterThan(10);
    expect(all[0]!.prev_hash).toBe(GENESIS_HASH);
    const raw = t.db.sqlite.prepare('SELECT * FROM audit_events WHERE seq = 2').get() as Record<string, unknown>;
    const content = {
      seq: 2,
      at: raw.at,
      actorUserId: raw.actor_user_id,
      organisationId: raw.organisation_id,
      action: raw.action,
      entityType: raw.entity_type,
      entityId: raw.entity_id,
      tenderId: raw.tender_id,
      change: JSON.parse(raw.change as string),
    };
    expect(raw.prev_hash).toBe(all[0]!.hash);
    expect(raw.hash).toBe(computeEventHash(all[0]!.hash, content as never));
    expect(canonicalJson({ b: 1, a: [1.5, 'é'] })).toBe('{"a":[1.5,"é"],"b":1}');
  });

  it('verifies an untouched log', async () => {
    const all = rows();
    expect(await verify()).toMatchObject({ valid: true, events: all.length, head: all.at(-1)!.hash, firstBroken: null, stateMismatch: null });
  });

  it('finds an edited change', async () => {
    const target = rows().find((r) => r.action === 'organisation.create' && r.change.includes('Deventer'))!;
    t.db.sqlite.prepare('UPDATE audit_events SET change = ? WHERE seq = ?').run(target.change.replace('Deventer', 'Devent3r'), target.seq);
    expect(await verify()).toMatchObject({ valid: false, firstBroken: target.seq });
  });

  it('finds an edited action even when the attacker recomputes that one hash', async () => {
    const target = rows()[5]!;
    const raw = t.db.sqlite.prepare('SELECT * FROM audit_events WHERE seq = ?').get(target.seq) as Record<string, string | number | null>;
    const forged = computeEventHash(raw.prev_hash as string, {
      seq: target.seq,
      at: raw.at as string,
      actorUserId: raw.actor_user_id as string | null,
      organisationId: raw.organisation_id as string | null,
      action: 'forged',
      entityType: raw.entity_type as string,
      entityId: raw.entity_id as string,
      tenderId: raw.tender_id as string | null,
      change: JSON.parse(raw.change as string),
    });
    t.db.sqlite.prepare("UPDATE audit_events SET action = 'forged', hash = ? WHERE seq = ?").run(forged, target.seq);
    // The forged event itself verifies; the next one no longer chains to it.
    expect(await verify()).toMatchObject({ valid: false, firstBroken: target.seq + 1 });
  });

  it('finds a deleted event at the one after the gap', async () => {
    t.db.sqlite.prepare('DELETE FROM audit_events WHERE seq = 4').run();
    expect(await verify()).toMatchObject({ valid: false, firstBroken: 5 });
  });

  it('finds two events swapped in place', async () => {
    const [a, b] = [rows()[6]!, rows()[7]!];
    const swap = t.db.sqlite.transaction(() => {
      t.db.sqlite.prepare('UPDATE audit_events SET seq = -1 WHERE seq = ?').run(a.seq);
      t.db.sqlite.prepare('UPDATE audit_events SET seq = ? WHERE seq = ?').run(a.seq, b.seq);
      t.db.sqlite.prepare('UPDATE audit_events SET seq = ? WHERE seq = -1').run(b.seq);
    });
    swap();
    expect(await verify()).toMatchObject({ valid: false, firstBroken: a.seq });
  });

  it('continues the chain after a verification', async () => {
    await createOrganisation(w.admin, { name: 'Gemeente Emmen', kind: 'gemeente' });
    const all = rows();
    expect(all.at(-1)!.action).toBe('organisation.create');
    expect(all.at(-1)!.prev_hash).toBe(all.at(-2)!.hash);
    expect((await verify()).valid).toBe(true);
  });

  it('writes no change when its audit event cannot be written', async () => {
    const count = () => (t.db.sqlite.prepare('SELECT count(*) AS n FROM organisations').get() as { n: number }).n;
    const before = count();
    t.db.sqlite.exec("CREATE TRIGGER refuse BEFORE INSERT ON audit_events BEGIN SELECT RAISE(ABORT, 'refused'); END");
    const response = await w.admin.post('/api/v1/organisations', { name: 'Gemeente Assen', kind: 'gemeente' });
    expect(response.status).toBe(500);
    expect(count()).toBe(before);
  });

  it('is readable by inkopers and auditors only', async () => {
    expect((await w.almereInkoper.get('/api/v1/audit/verify')).status).toBe(200);
    expect((await w.almereBeoordelaar.get('/api/v1/audit/verify')).status).toBe(403);
    expect((await w.almereAdmin.get('/api/v1/audit/verify')).status).toBe(403);
  });
});
