import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { startPdf } from '../../../src/reports/pdf/pdf-document.js';
import { createDevelopmentSigner } from '../../../src/reports/signing/development-certificate.js';
import { verifyPdfSignature } from '../../../src/reports/signing/verify-pdf-signature.js';

let unsigned: Buffer;
let signed: Buffer;

beforeAll(async () => {
  const { doc, finished } = startPdf({ title: 't', author: 'a', subject: 's', createdAt: new Date('2027-01-01T00:00:00Z') });
  doc.text('Te ondertekenen.');
  doc.end();
  unsigned = await finished;
  signed = await createDevelopmentSigner({ directory: mkdtempSync(join(tmpdir(), 'gw-cert-')) }).sign(unsigned);
});

describe('verifyPdfSignature on what is not a valid signed PDF', () => {
  it.each([
    ['empty input', Buffer.alloc(0), 'geen PDF'],
    ['random bytes', Buffer.from('dit is geen pdf maar tekst'), 'geen PDF'],
    ['a PDF header with a fake signature', Buffer.from('%PDF-1.7\n/ByteRange [0 10 20 5] /Contents <zz>'), 'ByteRange'],
  ])('answers %s with a Dutch problem instead of throwing', async (_, input, problem) => {
    const check = await verifyPdfSignature(input);
    expect(check.signatureValid).toBe(false);
    expect(check.problems.join(' ')).toContain(problem);
    expect(check.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('reports an unsigned PDF as having no signature', async () => {
    const check = await verifyPdfSignature(unsigned);
    expect(check).toMatchObject({ signatureValid: false, coversWholeDocument: false, signer: null });
    expect(check.problems[0]).toContain('geen PDF-handtekening');
  });

  it('flags bytes appended after signing as not covered, while the signature itself still holds', async () => {
    const appended = Buffer.concat([signed, Buffer.from('\n% toegevoegd na ondertekening\n')]);
    const check = await verifyPdfSignature(appended);
    expect(check.signatureValid).toBe(true);
    expect(check.coversWholeDocument).toBe(false);
    expect(check.problems.join(' ')).toContain('vallen buiten de handtekening');
  });

  it('rejects a truncated file', async () => {
    const check = await verifyPdfSignature(signed.subarray(0, signed.length - 100));
    expect(check.coversWholeDocument).toBe(false);
    expect(check.problems.join(' ')).toContain('voorbij het eind');
  });

  it('rejects a signature whose CMS is replaced by garbage of the same length', async () => {
    const text = signed.toString('latin1');
    const start = text.indexOf('/Contents <') + '/Contents <'.length;
    const tampered = Buffer.from(signed);
    tampered.write('3082ffff', start, 'latin1');
    const check = await verifyPdfSignature(tampered);
    expect(check.signatureValid).toBe(false);
    expect(check.problems.length).toBeGreaterThan(0);
  });
});
