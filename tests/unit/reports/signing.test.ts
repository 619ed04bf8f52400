import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEVELOPMENT_P12_FILE, DEVELOPMENT_P12_PASSWORD, createDevelopmentSigner } from '../../../src/reports/signing/development-certificate.js';
import { createP12Signer } from '../../../src/reports/signing/p12-signer.js';
import { verifyPdfSignature } from '../../../src/reports/signing/verify-pdf-signature.js';
import { startPdf } from '../../../src/reports/pdf/pdf-document.js';

async function tinyPdf(): Promise<Buffer> {
  const { doc, finished } = startPdf({ title: 't', author: 'a', subject: 's', createdAt: new Date('2027-01-01T00:00:00Z') });
  doc.text('Kleine PDF met ë en €.');
  doc.end();
  return finished;
}

describe('development certificate', () => {
  it('is created once under the directory and reused afterwards', () => {
    const directory = join(mkdtempSync(join(tmpdir(), 'gw-cert-')), 'data');
    const first = createDevelopmentSigner({ directory });
    const second = createDevelopmentSigner({ directory });
    expect(first.created).toBe(true);
    expect(second.created).toBe(false);
    expect(second.certificate.fingerprintSha256).toBe(first.certificate.fingerprintSha256);
    expect(existsSync(join(directory, DEVELOPMENT_P12_FILE))).toBe(true);
    expect(statSync(join(directory, DEVELOPMENT_P12_FILE)).mode & 0o077).toBe(0);
  });

  it('is described as a development certificate, self-signed, valid now', () => {
    const { certificate } = createDevelopmentSigner({ directory: mkdtempSync(join(tmpdir(), 'gw-cert-')) });
    expect(certificate.development).toBe(true);
    expect(certificate.subject).toContain('ontwikkelcertificaat');
    expect(certificate.issuer).toBe(certificate.subject);
    expect(Date.parse(certificate.validFrom)).toBeLessThan(Date.now());
    expect(Date.parse(certificate.validTo)).toBeGreaterThan(Date.now());
    expect(certificate.fingerprintSha256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
  });
});

describe('P12 signer', () => {
  it('signs with a P12 given as bytes and password, as SIGNING_P12 would', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'gw-cert-'));
    createDevelopmentSigner({ directory });
    const p12 = readFileSync(join(directory, DEVELOPMENT_P12_FILE));
    const signer = createP12Signer({ p12, password: DEVELOPMENT_P12_PASSWORD });
    expect(signer.certificate.development).toBe(false);
    const check = await verifyPdfSignature(await signer.sign(await tinyPdf()));
    expect(check.signatureValid).toBe(true);
    expect(check.signer?.fingerprintSha256).toBe(signer.certificate.fingerprintSha256);
  });

  it('refuses a wrong password at construction, not at the first report', () => {
    const directory = mkdtempSync(join(tmpdir(), 'gw-cert-'));
    createDevelopmentSigner({ directory });
    const p12 = readFileSync(join(directory, DEVELOPMENT_P12_FILE));
    expect(() => createP12Signer({ p12, password: 'fout' })).toThrow();
  });
});
