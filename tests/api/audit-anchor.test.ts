/**
 * The signed heads of the audit chain: the server signs the chain's head with the report
 * key (at every report, at start, hourly when it grew, daily, at a stop), and
 * `GET /api/v1/audit/verify` checks the chain against them with the configured certificates.
 * So the newest events deleted in SQLite, or an event edited with the whole chain re-hashed
 * after it, no longer verify, though the chain alone still does.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { X509Certificate, verify } from 'node:crypto';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { createLogger } from '../../src/lib/logger.js';
import { computeEventHash, GENESIS_HASH } from '../../src/modules/audit/audit-chain.js';
import { anchorPayload, parseCertificateBundle, signHead } from '../../src/modules/audit/anchor-signature.js';
import { anchorAuditHead, startAuditAnchoring } from '../../src/modules/audit/audit-anchor.service.js';
import { verifyAuditTrail } from '../../src/modules/audit/audit.service.js';
import { createDevelopmentSigner } from '../../src/reports/signing/development-certificate.js';
import type { ReportSigner } from '../../src/reports/signing/signer.js';
import { exampleDossier } from '../helpers/dossiers.js';
import { loginClient, seedWorld, type World } from '../helpers/seed.js';
import { createTestApp, LONG_SESSIONS, type TestApp } from '../helpers/test-app.js';
import { importAlmereTender } from '../helpers/tenders.js';

/** The certificate the test apps sign with (test-app.ts), and another one, as after a rotation. */
let current: ReportSigner;
let other: ReportSigner;
let otherDirectory: string;
beforeAll(() => {
  current = createDevelopmentSigner({ directory: join(tmpdir(), 'gunningswijzer-test-signing') });
  otherDirectory = mkdtempSync(join(tmpdir(), 'gw-other-cert-'));
  other = createDevelopmentSigner({ directory: otherDirectory });
});

let t: TestApp;
let w: World;
let tenderId: string;
beforeEach(async () => {
  t = createTestApp(LONG_SESSIONS);
  w = await seedWorld(t);
  tenderId = await importAlmereTender(w, exampleDossier());
  expect((await w.almereInkoper.post(`/api/v1/tenders/${tenderId}/open`)).status).toBe(200);
}, 30_000);
afterEach(() => t.close());

type Anchor = { id: number; seq: number; head: string; at: string; reason: string; certificate_fingerprint: string; signature: string };
const anchors = () => t.db.sqlite.prepare('SELECT * FROM audit_anchors ORDER BY id').all() as Anchor[];
const lastSeq = () => (t.db.sqlite.prepare('SELECT max(seq) AS seq FROM audit_events').get() as { seq: number }).seq;
const hashAt = (seq: number) => (t.db.sqlite.prepare('SELECT hash FROM audit_events WHERE seq = ?').get(seq) as { hash: string }).hash;
const verifyApi = async () => {
  const response = await w.almereAuditor.get('/api/v1/audit/verify');
  expect(response.status).toBe(200);
  return response.body;
};
const issueReport = async () => {
  const response = await w.almereInkoper.post(`/api/v1/tenders/${tenderId}/reports`, { kind: 'evaluation' });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
};

/** What an attacker with the database file does after editing an event: re-hash every event from `seq` on. */
function rehashFrom(seq: number): void {
  const sqlite = t.db.sqlite;
  let prevHash = seq === 1 ? GENESIS_HASH : hashAt(seq - 1);
  for (const raw of sqlite.prepare('SELECT * FROM audit_events WHERE seq >= ? ORDER BY seq').all(seq) as Record<string, any>[]) {
    const hash = computeEventHash(prevHash, {
      seq: raw.seq,
      at: raw.at,
      actorUserId: raw.actor_user_id,
      organisationId: raw.organisation_id,
      action: raw.action,
      entityType: raw.entity_type,
      entityId: raw.entity_id,
      tenderId: raw.tender_id,
      change: JSON.parse(raw.change),
    });
    sqlite.prepare('UPDATE audit_events SET prev_hash = ?, hash = ? WHERE seq = ?').run(prevHash, hash, raw.seq);
    prevHash = hash;
  }
}

describe('signing the head', () => {
  it("signs it with every report, in the report's transaction, with the report certificate's key", async () => {
    await issueReport();
    const report = t.db.sqlite.prepare("SELECT seq, hash FROM audit_events WHERE action = 'report.created'").get() as { seq: number; hash: string };
    const [anchor] = anchors();
    expect(anchor).toMatchObject({ seq: report.seq, head: report.hash, reason: 'report', certificate_fingerprint: current.certificate.fingerprintSha256 });
    expect(report.seq).toBe(lastSeq());
    // The signature is over { format, seq, head, at } in canonical JSON, checkable without the server's code.
    const payload = `{"at":"${anchor!.at}","format":"gunningswijzer/audit-anchor@1","head":"${report.hash}","seq":${report.seq}}`;
    expect(anchorPayload({ seq: report.seq, head: report.hash, at: anchor!.at }).toString()).toBe(payload);
    const publicKey = new X509Certificate(current.certificateDer).publicKey;
    expect(verify('sha256', Buffer.from(payload), publicKey, Buffer.from(anchor!.signature, 'base64'))).toBe(true);
    expect(await verifyApi()).toMatchObject({
      valid: true,
      anchor: {
        status: 'verified',
        anchors: 1,
        verified: 1,
        unverifiable: 0,
        problem: null,
        unanchoredEvents: 0,
        unanchoredSince: null,
        newest: { seq: report.seq, reason: 'report' },
      },
    });
  });

  it('says when no head has been signed yet, and how many events no signature covers', async () => {
    expect(await verifyApi()).toMatchObject({
      valid: true,
      anchor: { status: 'none', anchors: 0, newest: null, unanchoredEvents: lastSeq(), unanchoredSince: '2026-03-02T09:00:00.000Z' },
    });
  });

  it('signs at start, hourly only when the chain grew, daily regardless, and at a stop when it grew', async () => {
    const lines: string[] = [];
    const ctx = { ...t.ctx, logger: createLogger({ level: 'info', write: (line) => lines.push(line) }) };
    const anchoring = startAuditAnchoring(ctx, { intervalMs: 3_600_000 });
    expect(anchors().map((a) => [a.reason, a.seq])).toEqual([['start', lastSeq()]]);
    // The log keeps a copy outside the database.
    expect(JSON.parse(lines[0]!)).toMatchObject({
      message: 'laatste hash van de audittrail ondertekend',
      reason: 'start',
      seq: lastSeq(),
      signature: anchors()[0]!.signature,
    });
    expect(anchoring.runNow()).toEqual({ kind: 'unchanged' });
    await loginClient(t, w.almereAuditor.email);
    expect(anchoring.runNow()).toMatchObject({ kind: 'anchored', anchor: { reason: 'schedule', seq: lastSeq() } });
    t.clock.advance(23 * 3_600_000);
    expect(anchoring.runNow()).toEqual({ kind: 'unchanged' });
    t.clock.advance(2 * 3_600_000);
    expect(anchoring.runNow()).toMatchObject({ kind: 'anchored', anchor: { seq: lastSeq(), at: '2026-03-03T10:00:00.000Z' } });
    anchoring.stop();
    expect(anchors()).toHaveLength(3);
    const restarted = startAuditAnchoring(ctx, { intervalMs: 3_600_000 });
    await loginClient(t, w.almereAuditor.email);
    restarted.stop();
    expect(anchors().map((a) => a.reason)).toEqual(['start', 'schedule', 'schedule', 'stop']);
    expect((await verifyApi()).anchor).toMatchObject({ status: 'verified', verified: 4, unanchoredEvents: 0 });
  });
});

describe('the three ways to rewrite the record in SQLite', () => {
  it('finds the newest events deleted, which the chain alone cannot show', async () => {
    await loginClient(t, w.almereAuditor.email);
    await loginClient(t, w.almereAuditor.email);
    expect(anchorAuditHead(t.ctx, 'schedule')).toMatchObject({ kind: 'anchored' });
    const signed = lastSeq();
    // The two logins change no state: only the signed head can tell they were there.
    t.db.sqlite.prepare('DELETE FROM audit_events WHERE seq > ?').run(signed - 2);
    const result = await verifyApi();
    expect(result).toMatchObject({
      valid: false,
      firstBroken: null,
      events: signed - 2,
      stateMismatch: null,
      anchor: {
        status: 'broken',
        problem: {
          seq: signed,
          kind: 'beyond-end',
          description: `De keten eindigt bij gebeurtenis ${signed - 2}, maar de server ondertekende al een stand tot en met gebeurtenis ${signed}: de nieuwste gebeurtenissen zijn verwijderd.`,
        },
      },
    });
  });

  it('finds an event edited and the whole chain re-hashed, and will not sign the forgery', async () => {
    await issueReport();
    const signed = anchors()[0]!;
    // Lower B3's price in the import event and in the bids table alike, then re-hash.
    const event = t.db.sqlite.prepare("SELECT seq, change FROM audit_events WHERE action = 'tender.import'").get() as { seq: number; change: string };
    const change = JSON.parse(event.change);
    change.after.bids.find((b: { id: string }) => b.id === 'B3').price = 298000;
    t.db.sqlite.prepare('UPDATE audit_events SET change = ? WHERE seq = ?').run(JSON.stringify(change), event.seq);
    t.db.sqlite.prepare("UPDATE bids SET price_cents = 29800000 WHERE tender_id = ? AND id = 'B3'").run(tenderId);
    rehashFrom(event.seq);
    const result = await verifyApi();
    expect(result).toMatchObject({
      valid: false,
      firstBroken: null,
      stateMismatch: null,
      anchor: { status: 'broken', problem: { seq: signed.seq, kind: 'hash' } },
    });
    expect(result.anchor.problem.description).toContain(`Gebeurtenis ${signed.seq} heeft niet meer de hash die op dat moment is ondertekend`);
    // Neither at the next tick nor at the next start does the server sign the rewritten head.
    await loginClient(t, w.almereAuditor.email);
    expect(anchorAuditHead(t.ctx, 'schedule')).toEqual({ kind: 'refused', reason: `event ${signed.seq} no longer has the signed hash` });
    expect(anchorAuditHead(t.ctx, 'start')).toMatchObject({ kind: 'refused' });
    expect(anchors()).toHaveLength(1);
  });

  it('finds the signed head itself rewritten to match a shortened chain', async () => {
    await issueReport();
    await loginClient(t, w.almereAuditor.email);
    expect(anchorAuditHead(t.ctx, 'schedule')).toMatchObject({ kind: 'anchored' });
    const newest = anchors().at(-1)!;
    t.db.sqlite.prepare('DELETE FROM audit_events WHERE seq = ?').run(newest.seq);
    t.db.sqlite.prepare('UPDATE audit_anchors SET seq = ?, head = ? WHERE id = ?').run(newest.seq - 1, hashAt(newest.seq - 1), newest.id);
    expect((await verifyApi()).anchor).toMatchObject({ status: 'broken', problem: { anchorId: newest.id, kind: 'signature' } });
  });
});

describe('certificates', () => {
  it('does not trust a head signed with a certificate it is not configured with, and says whose it is', async () => {
    const head = { seq: lastSeq() - 3, head: hashAt(lastSeq() - 3), at: '2026-03-02T09:00:00.000Z' };
    const forged = signHead(other, { ...head, head: '0'.repeat(64) });
    t.db.sqlite
      .prepare("INSERT INTO audit_anchors (seq, head, at, reason, certificate_fingerprint, signature) VALUES (?, ?, ?, 'schedule', ?, ?)")
      .run(head.seq, '0'.repeat(64), head.at, forged.certificateFingerprint, forged.signature);
    expect(await verifyApi()).toMatchObject({
      valid: true,
      anchor: { status: 'none', anchors: 1, verified: 0, unverifiable: 1, unverifiableCertificates: [other.certificate.fingerprintSha256] },
    });
  });

  it('keeps the heads of a previous certificate verifiable after a rotation, when it is listed', async () => {
    await issueReport();
    const signedBefore = anchors()[0]!;
    const rotate = (previous: X509Certificate[]) =>
      createApp({
        db: t.db,
        clock: t.clock.now,
        logger: createLogger({ level: 'silent' }),
        signing: { kind: 'development', directory: otherDirectory },
        previousSigningCertificates: previous,
      }).ctx;
    // Not listed: the old heads can no longer be checked, and the new certificate signs the head at start.
    const unlisted = rotate([]);
    expect(verifyAuditTrail(unlisted).anchor).toMatchObject({
      status: 'none',
      unverifiable: 1,
      unverifiableCertificates: [current.certificate.fingerprintSha256],
    });
    // Listed (as `openssl pkcs12 -nokeys` writes it, PEM): they verify again, and still pin the chain.
    const bundle = Buffer.from(`${new X509Certificate(other.certificateDer).toString()}\n${new X509Certificate(current.certificateDer).toString()}`);
    const listed = rotate(parseCertificateBundle(bundle));
    expect(anchorAuditHead(listed, 'start')).toMatchObject({ kind: 'anchored', anchor: { certificateFingerprint: other.certificate.fingerprintSha256 } });
    expect(verifyAuditTrail(listed)).toMatchObject({ valid: true, anchor: { status: 'verified', verified: 2, unverifiable: 0 } });
    t.db.sqlite.prepare('DELETE FROM audit_anchors WHERE id <> ?').run(signedBefore.id);
    t.db.sqlite.prepare('DELETE FROM audit_events WHERE seq >= ?').run(signedBefore.seq);
    expect(verifyAuditTrail(listed)).toMatchObject({ valid: false, anchor: { status: 'broken', problem: { kind: 'beyond-end', seq: signedBefore.seq } } });
  });

  it('reads a certificate file of PEM blocks or one DER certificate, and refuses one without', () => {
    const pem = new X509Certificate(current.certificateDer).toString();
    expect(parseCertificateBundle(Buffer.from(`uitleg\n${pem}`)).map((c) => c.fingerprint256)).toEqual([current.certificate.fingerprintSha256]);
    expect(parseCertificateBundle(current.certificateDer)[0]!.fingerprint256).toBe(current.certificate.fingerprintSha256);
    expect(() => parseCertificateBundle(Buffer.from('geen certificaat'))).toThrow();
  });
});
