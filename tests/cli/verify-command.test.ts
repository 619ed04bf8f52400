import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import { startPdf } from '../../src/reports/pdf/pdf-document.js';
import { createDevelopmentSigner } from '../../src/reports/signing/development-certificate.js';

let signed: Buffer;

beforeAll(async () => {
  const { doc, finished } = startPdf({ title: 't', author: 'a', subject: 's', createdAt: new Date('2027-01-01T00:00:00Z') });
  doc.text('Rapport.');
  doc.end();
  signed = await createDevelopmentSigner({ directory: mkdtempSync(join(tmpdir(), 'gw-cert-')) }).sign(await finished);
});

function tempFile(bytes: Buffer): string {
  const file = join(mkdtempSync(join(tmpdir(), 'gw-cli-')), 'rapport.pdf');
  writeFileSync(file, bytes);
  return file;
}

describe('verify command', () => {
  it('prints the verification and exits 0 for a validly signed report', async () => {
    const outcome = await runCli(['verify', tempFile(signed)]);
    expect(outcome.code).toBe(0);
    expect(JSON.parse(outcome.stdout ?? '')).toMatchObject({ signatureValid: true, coversWholeDocument: true, problems: [] });
  });

  it('exits 1 for a report changed after signing', async () => {
    const pdf = Buffer.from(signed);
    pdf[100] = (pdf[100] as number) ^ 1;
    const outcome = await runCli(['verify', tempFile(pdf)]);
    expect(outcome.code).toBe(1);
    expect(JSON.parse(outcome.stdout ?? '').signatureValid).toBe(false);
  });

  it('exits 2 for a file that cannot be read', async () => {
    const outcome = await runCli(['verify', '/bestaat/niet.pdf']);
    expect(outcome.code).toBe(2);
    expect(outcome.stderr).toContain('kan niet worden gelezen');
  });
});
