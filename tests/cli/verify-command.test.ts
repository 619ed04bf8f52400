import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import { startPdf } from '../../src/reports/pdf/pdf-document.js';
import { createDevelopmentSigner } from '../../src/reports/signing/development-certificate.js';
import { createTimestampAuthority } from '../../src/reports/signing/timestamp-client.js';
import { startTimestampAuthority, type TestTimestampAuthority } from '../helpers/timestamp-authority.js';

let signed: Buffer;
let stamped: Buffer;
let tsa: TestTimestampAuthority;

beforeAll(async () => {
  const { doc, finished } = startPdf({ title: 't', author: 'a', subject: 's', createdAt: new Date('2027-01-01T00:00:00Z') });
  doc.text('Rapport.');
  doc.end();
  const directory = mkdtempSync(join(tmpdir(), 'gw-cert-'));
  signed = await createDevelopmentSigner({ directory }).sign(await finished);
  tsa = await startTimestampAuthority();
  const timestampAuthority = createTimestampAuthority({ url: tsa.url });
  stamped = await createDevelopmentSigner({ directory, timestampAuthority }).sign(await finished);
}, 30_000);
afterAll(() => tsa.close());

function tempFile(bytes: Buffer): string {
  const file = join(mkdtempSync(join(tmpdir(), 'gw-cli-')), 'rapport.pdf');
  writeFileSync(file, bytes);
  return file;
}

describe('verify command', () => {
  it('prints the verification and exits 0 for a validly signed report', async () => {
    const outcome = await runCli(['verify', tempFile(signed)]);
    expect(outcome.code).toBe(0);
    expect(JSON.parse(outcome.stdout ?? '')).toMatchObject({
      signatureValid: true,
      coversWholeDocument: true,
      padesLevel: 'B-B',
      timestamp: null,
      problems: [],
    });
  });

  it("prints the PAdES level B-T with the timestamp's time and authority", async () => {
    const outcome = await runCli(['verify', tempFile(stamped)]);
    expect(outcome.code).toBe(0);
    const printed = JSON.parse(outcome.stdout ?? '');
    expect(printed).toMatchObject({
      signatureValid: true,
      padesLevel: 'B-T',
      timestamp: { authority: { subject: tsa.subject, fingerprintSha256: tsa.fingerprintSha256 } },
    });
    expect(Math.abs(Date.parse(printed.timestamp.time) - Date.now())).toBeLessThan(60_000);
  });

  it('exits 1 for a stamped report with data appended after signing', async () => {
    const outcome = await runCli(['verify', tempFile(Buffer.concat([stamped, Buffer.from('\n%%EOF\n')]))]);
    expect(outcome.code).toBe(1);
    expect(JSON.parse(outcome.stdout ?? '').coversWholeDocument).toBe(false);
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
