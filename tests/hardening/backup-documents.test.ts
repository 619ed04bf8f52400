/**
 * Bid documents live in SQLite (issue 20): a backup carries them and a restore brings them
 * back byte for byte, and the restored database serves them and verifies against its audit
 * trail (the documents' hashes included).
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { backupDatabase } from '../../scripts/backup.js';
import { restoreDatabase } from '../../scripts/restore.js';
import { verifyAuditTrail } from '../../src/modules/audit/audit.service.js';
import { createApp } from '../../src/app.js';
import { openDatabase } from '../../src/db/client.js';
import { downloadDocument, pdfDocument, uploadDocument } from '../helpers/documents.js';
import { createPanelTender } from '../helpers/panel.js';
import { loginClient, seedWorld } from '../helpers/seed.js';
import { createTestApp } from '../helpers/test-app.js';

const dir = mkdtempSync(join(tmpdir(), 'gw-backup-documents-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('backup and restore of bid documents', () => {
  it('carries every document, byte for byte, and the restored database serves and verifies them', async () => {
    const t = createTestApp();
    const w = await seedWorld(t);
    const tender = await createPanelTender(w.almereInkoper, w.orgs.almere, { open: false });
    const pdf = pdfDocument('Plan van aanpak', 1.5 * 1024 * 1024);
    const received = await uploadDocument(t, w.almereInkoper, `/api/v1/tenders/${tender}/bids/B1/documents?envelope=quality&name=plan.pdf`, pdf);
    expect(received.status).toBe(201);
    const backup = join(dir, 'backup.db');
    await backupDatabase({ databasePath: t.dbPath, destination: backup });
    t.close();

    const restoredPath = join(dir, 'restored.db');
    await restoreDatabase({ backupPath: backup, databasePath: restoredPath });
    const db = openDatabase({ path: restoredPath });
    try {
      const { app, ctx } = createApp({ db });
      expect(verifyAuditTrail(ctx)).toMatchObject({ valid: true, stateMismatch: null });
      const inkoper = await loginClient({ app } as never, w.almereInkoper.email);
      const got = await downloadDocument({ app }, inkoper, `/api/v1/tenders/${tender}/bids/B1/documents/${received.body.id}`);
      expect(got.status).toBe(200);
      expect(sha(got.bytes)).toBe(sha(pdf));
      expect(got.bytes.length).toBe(pdf.length);
    } finally {
      db.close();
    }
  }, 60_000);
});
