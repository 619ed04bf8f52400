/**
 * The signer the server prepares at start (index.ts): a new development key generated in the
 * thread pool and used as made, the same certificate afterwards from the stored P12, and
 * one signer whoever asks first.
 */
import { createVerify, X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../src/lib/logger.js';
import { lazySigner } from '../../../src/modules/reports/report-signer.js';
import {
  DEVELOPMENT_P12_FILE,
  DEVELOPMENT_P12_PASSWORD,
  createDevelopmentSigner,
  prepareDevelopmentSigner,
} from '../../../src/reports/signing/development-certificate.js';
import { createP12Signer } from '../../../src/reports/signing/p12-signer.js';
import { startPdf } from '../../../src/reports/pdf/pdf-document.js';
import { verifyPdfSignature } from '../../../src/reports/signing/verify-pdf-signature.js';

const quiet = createLogger({ level: 'silent' });

async function tinyPdf(): Promise<Buffer> {
  const { doc, finished } = startPdf({ title: 't', author: 'a', subject: 's', createdAt: new Date('2027-01-01T00:00:00Z') });
  doc.text('Kleine PDF.');
  doc.end();
  return finished;
}

describe('prepareDevelopmentSigner', () => {
  it('makes and stores a new certificate, signs with its key, and a later start reads the same certificate back', async () => {
    const directory = join(mkdtempSync(join(tmpdir(), 'gw-cert-')), 'data');
    const prepared = await prepareDevelopmentSigner({ directory });
    expect(prepared.created).toBe(true);
    expect(prepared.certificate.development).toBe(true);
    const stored = createP12Signer({ p12: readFileSync(join(directory, DEVELOPMENT_P12_FILE)), password: DEVELOPMENT_P12_PASSWORD });
    expect(stored.certificate.fingerprintSha256).toBe(prepared.certificate.fingerprintSha256);
    // The audit heads are signed with signBytes: the stored certificate's key verifies them.
    // Self-signed, with a signature that verifies under its own key.
    const certificate = new X509Certificate(stored.certificateDer);
    expect(certificate.verify(certificate.publicKey)).toBe(true);
    const data = Buffer.from('audit head');
    expect(createVerify('sha256').update(data).verify(new X509Certificate(stored.certificateDer).publicKey, prepared.signBytes(data))).toBe(true);
    const check = await verifyPdfSignature(await prepared.sign(await tinyPdf()));
    expect(check.signatureValid).toBe(true);
    expect(check.signer?.fingerprintSha256).toBe(prepared.certificate.fingerprintSha256);

    const again = await prepareDevelopmentSigner({ directory });
    expect(again.created).toBe(false);
    expect(again.certificate.fingerprintSha256).toBe(prepared.certificate.fingerprintSha256);
  });
});

describe('lazySigner', () => {
  it('gives one signer to prepare and get, whichever comes first', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'gw-cert-'));
    const holder = lazySigner({ kind: 'development', directory }, quiet);
    const preparing = holder.prepare();
    // A report asked for while the key is being generated makes one at once; the prepared one yields to it.
    const first = holder.get();
    expect(await preparing).toBe(first);
    expect(holder.get()).toBe(first);
    expect(createDevelopmentSigner({ directory }).certificate.fingerprintSha256).toBe(first.certificate.fingerprintSha256);
  });

  it('rejects prepare for a P12 with a wrong password', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'gw-cert-'));
    createDevelopmentSigner({ directory });
    const holder = lazySigner({ kind: 'p12', path: join(directory, DEVELOPMENT_P12_FILE), password: 'fout' }, quiet);
    await expect(holder.prepare()).rejects.toThrow();
  });
});
