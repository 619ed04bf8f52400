/**
 * PAdES B-T: with a timestamp authority every signature gets an RFC 3161 timestamp over its
 * signature value. Against a real authority on loopback (`openssl ts -reply`), the token is
 * parsed with pkijs and checked by `openssl ts -verify`; the verifier reports its time and
 * authority and rejects a changed token; an authority that fails gives a TimestampError and
 * no signed file.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPdf } from '../../../src/reports/pdf/pdf-document.js';
import { createDevelopmentSigner } from '../../../src/reports/signing/development-certificate.js';
import { OID } from '../../../src/reports/signing/oids.js';
import type { ReportSigner } from '../../../src/reports/signing/signer.js';
import { TimestampError, createTimestampAuthority } from '../../../src/reports/signing/timestamp-client.js';
import { berOf } from '../../../src/reports/signing/timestamp-token.js';
import { verifyPdfSignature } from '../../../src/reports/signing/verify-pdf-signature.js';
import { type TestTimestampAuthority, startTimestampAuthority } from '../../helpers/timestamp-authority.js';
import { pdfsig } from './poppler.js';
import { attributeTypes, signedPdfParts, type SignedPdfParts } from './signed-pdf-parts.js';

let tsa: TestTimestampAuthority;
let directory: string;
let signer: ReportSigner;
let unsigned: Buffer;
let signed: Buffer;
let parts: SignedPdfParts;
let token: Uint8Array;
let signatureValue: Uint8Array;
let before: Date;
let after: Date;

async function tinyPdf(): Promise<Buffer> {
  const { doc, finished } = startPdf({ title: 't', author: 'a', subject: 's', createdAt: new Date('2027-03-01T10:30:00Z') });
  doc.text('Te ondertekenen als PAdES B-T.');
  doc.end();
  return finished;
}

function signerWith(url: string, limits: { timeoutMs?: number; maxResponseBytes?: number } = {}): ReportSigner {
  return createDevelopmentSigner({ directory, timestampAuthority: createTimestampAuthority({ url, timeoutMs: 5000, ...limits }) });
}

/** A copy with the hex digit at `offset` changed (hex stays hex). */
function flipHex(pdf: Buffer, offset: number): Buffer {
  const copy = Buffer.from(pdf);
  copy[offset] = copy[offset] === 0x30 ? 0x31 : 0x30;
  return copy;
}

beforeAll(async () => {
  tsa = await startTimestampAuthority();
  directory = mkdtempSync(join(tmpdir(), 'gw-cert-'));
  signer = signerWith(tsa.url);
  unsigned = await tinyPdf();
  before = new Date(Math.floor(Date.now() / 1000) * 1000);
  signed = await signer.sign(unsigned, { signingTime: new Date('2027-03-01T10:30:00Z') });
  after = new Date();
  parts = signedPdfParts(signed);
  const value = parts.signerInfo.unsignedAttrs?.attributes[0]?.values[0] as asn1js.AsnType;
  token = berOf(value);
  signatureValue = new Uint8Array(parts.signerInfo.signature.valueBlock.valueHexView);
}, 30_000);
afterAll(() => tsa.close());

describe('a report signature with a timestamp authority (PAdES B-T)', () => {
  it('keeps the B-B signed attributes and adds exactly one signature-time-stamp', () => {
    expect(signer.signatureLevel).toBe('B-T');
    expect(parts.dictionary).toContain('/SubFilter /ETSI.CAdES.detached');
    expect([...attributeTypes(parts.signerInfo.signedAttrs)].sort()).toEqual([OID.contentType, OID.messageDigest, OID.signingCertificateV2].sort());
    expect(attributeTypes(parts.signerInfo.unsignedAttrs)).toEqual([OID.timeStampToken]);
  });

  it("stamps the SHA-256 of the signature value: the token's message imprint, parsed with pkijs", () => {
    const contentInfo = pkijs.ContentInfo.fromBER(token);
    expect(contentInfo.contentType).toBe(OID.signedData);
    const tokenData = new pkijs.SignedData({ schema: contentInfo.content });
    expect(tokenData.encapContentInfo.eContentType).toBe(OID.tstInfo);
    const tstInfo = pkijs.TSTInfo.fromBER(tokenData.encapContentInfo.eContent?.getValue() ?? new ArrayBuffer(0));
    expect(tstInfo.messageImprint.hashAlgorithm.algorithmId).toBe(OID.sha256);
    const imprint = Buffer.from(tstInfo.messageImprint.hashedMessage.valueBlock.valueHexView).toString('hex');
    expect(imprint).toBe(createHash('sha256').update(signatureValue).digest('hex'));
    expect(tstInfo.genTime.getTime()).toBeGreaterThanOrEqual(before.getTime());
    expect(tstInfo.genTime.getTime()).toBeLessThanOrEqual(after.getTime());
  });

  it("asked the authority for that imprint, with a nonce that came back and the authority's certificate", () => {
    const request = pkijs.TimeStampReq.fromBER(new Uint8Array(tsa.requests.at(-1) ?? Buffer.alloc(0)));
    expect(tsa.headers.at(-1)?.['content-type']).toBe('application/timestamp-query');
    expect(Buffer.from(request.messageImprint.hashedMessage.valueBlock.valueHexView).toString('hex')).toBe(
      createHash('sha256').update(signatureValue).digest('hex'),
    );
    expect(request.certReq).toBe(true);
    const tokenData = new pkijs.SignedData({ schema: pkijs.ContentInfo.fromBER(token).content });
    const tstInfo = pkijs.TSTInfo.fromBER(tokenData.encapContentInfo.eContent?.getValue() ?? new ArrayBuffer(0));
    expect(request.nonce?.isEqual(tstInfo.nonce as asn1js.Integer)).toBe(true);
    expect(tokenData.certificates?.length).toBeGreaterThan(0);
  });

  it("is a token OpenSSL verifies against the signature value with the authority's certificate", async () => {
    expect(await tsa.opensslVerify(token, signatureValue)).toContain('Verification: OK');
  });

  it("is reported as B-T with the authority's time and certificate, and pdfsig still calls it valid over the whole file", async () => {
    const check = await verifyPdfSignature(signed);
    expect(check).toMatchObject({
      signatureValid: true,
      coversWholeDocument: true,
      padesLevel: 'B-T',
      timestamp: { authority: { subject: tsa.subject, fingerprintSha256: tsa.fingerprintSha256 } },
      problems: [],
    });
    const time = Date.parse(check.timestamp?.time ?? '');
    expect(time).toBeGreaterThanOrEqual(before.getTime());
    expect(time).toBeLessThanOrEqual(after.getTime());
    const report = pdfsig(signed);
    expect(report).toContain('Signature is Valid.');
    expect(report).toContain('Total document signed');
  });

  it('rejects a changed byte in the timestamp, though the PDF signature itself does not cover it', async () => {
    const cmsOffset = Buffer.from(parts.cms).indexOf(Buffer.from(token));
    expect(cmsOffset).toBeGreaterThan(0);
    const tokenHex = parts.cmsHexOffset + 2 * cmsOffset;
    // The last bytes of the token are the authority's signature value.
    const brokenSignature = await verifyPdfSignature(flipHex(signed, tokenHex + 2 * token.length - 3));
    expect(brokenSignature).toMatchObject({ signatureValid: false, padesLevel: null, timestamp: null });
    expect(brokenSignature.problems.join(' ')).toContain('tijdstempel');
    const imprint = createHash('sha256').update(signatureValue).digest();
    const imprintAt = Buffer.from(token).indexOf(imprint);
    const brokenImprint = await verifyPdfSignature(flipHex(signed, tokenHex + 2 * imprintAt + 1));
    expect(brokenImprint.signatureValid).toBe(false);
    expect(brokenImprint.problems.join(' ')).toContain('hoort niet bij deze handtekening');
  });

  it('still rejects a changed byte in the signed content and data appended after signing', async () => {
    const changed = Buffer.from(signed);
    changed[Math.floor(unsigned.length / 2)] = (changed[Math.floor(unsigned.length / 2)] as number) ^ 1;
    expect(await verifyPdfSignature(changed)).toMatchObject({ signatureValid: false, padesLevel: null });
    const appended = await verifyPdfSignature(Buffer.concat([signed, Buffer.from('\n% erbij\n')]));
    expect(appended.coversWholeDocument).toBe(false);
    expect(appended.problems.join(' ')).toContain('vallen buiten de handtekening');
  });

  it('makes room once for an authority whose tokens are larger than reserved, and keeps that room', async () => {
    const large = await startTimestampAuthority({ extraCertificates: 16 });
    try {
      const roomy = signerWith(large.url);
      const first = await roomy.sign(await tinyPdf());
      expect(large.requests).toHaveLength(2);
      expect(signedPdfParts(first).cms.length).toBeGreaterThan(8192 + 4096);
      expect(await verifyPdfSignature(first)).toMatchObject({ signatureValid: true, padesLevel: 'B-T' });
      await roomy.sign(await tinyPdf());
      expect(large.requests).toHaveLength(3);
    } finally {
      await large.close();
    }
  }, 30_000);
});

describe('a timestamp authority that fails', () => {
  afterAll(() => tsa.misbehave('none'));

  it.each([
    ['http-error', 'antwoordde met HTTP 500'],
    ['garbage', 'is geen RFC 3161-antwoord'],
    ['rejection', 'weigerde het tijdstempel (status 2: onderhoud)'],
    ['other-imprint', 'hoort niet bij deze handtekening'],
    ['other-nonce', 'zonder onze nonce'],
  ] as const)('%s: no signed file, a TimestampError that says why', async (how, reason) => {
    tsa.misbehave(how);
    const error = await signer.sign(unsigned).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimestampError);
    expect((error as TimestampError).message).toContain(reason);
  });

  it('is given up after the timeout when it does not answer', async () => {
    tsa.misbehave('no-answer');
    const started = Date.now();
    const error = await signerWith(tsa.url, { timeoutMs: 300 })
      .sign(unsigned)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimestampError);
    expect((error as Error).message).toContain('antwoordde niet binnen 0,3 seconden');
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('stops reading an answer larger than the limit', async () => {
    tsa.misbehave('oversized');
    const error = await signerWith(tsa.url, { maxResponseBytes: 32 * 1024 })
      .sign(unsigned)
      .catch((e: unknown) => e);
    expect((error as Error).message).toContain('groter dan 32768 bytes');
  });

  it('says so when nothing listens, and never shows the password in the URL', async () => {
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port: free } = probe.address() as { port: number };
        probe.close(() => resolve(free));
      });
    });
    const authority = createTimestampAuthority({ url: `http://gebruiker:geheim@127.0.0.1:${port}/tsa` });
    expect(authority.url).toBe(`http://127.0.0.1:${port}/tsa`);
    const error = await authority.timestamp(new Uint8Array(32)).catch((e: unknown) => e);
    expect((error as Error).message).toContain('niet bereikbaar (ECONNREFUSED)');
    expect((error as Error).message).not.toContain('geheim');
  });

  it('sends the user and password of the URL as basic authentication', async () => {
    tsa.misbehave('none');
    const url = new URL(tsa.url);
    url.username = 'gemeente';
    url.password = 'geheim';
    await createTimestampAuthority({ url: url.href }).timestamp(new Uint8Array(64).fill(7));
    expect(tsa.headers.at(-1)?.authorization).toBe(`Basic ${Buffer.from('gemeente:geheim').toString('base64')}`);
  });
});
