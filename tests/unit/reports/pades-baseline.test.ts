/**
 * PAdES B-B (ETSI EN 319 142-1): the signature a report gets without a timestamp authority,
 * checked by parsing it with asn1js/pkijs, by OpenSSL's CMS verifier (which also checks the
 * ESS signing-certificate-v2 binding) and by pdfsig; and the verifier's view of the level.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { beforeAll, describe, expect, it } from 'vitest';
import { startPdf } from '../../../src/reports/pdf/pdf-document.js';
import { createDevelopmentSigner } from '../../../src/reports/signing/development-certificate.js';
import { mismatchWithCertificate, readSigningCertificateV2, signingCertificateV2Attribute } from '../../../src/reports/signing/ess-signing-certificate.js';
import { OID } from '../../../src/reports/signing/oids.js';
import { checkPades } from '../../../src/reports/signing/pades-check.js';
import type { ReportSigner } from '../../../src/reports/signing/signer.js';
import { verifyPdfSignature } from '../../../src/reports/signing/verify-pdf-signature.js';
import { pdfsig } from './poppler.js';
import { attributeTypes, attributeValue, signedPdfParts, type SignedPdfParts } from './signed-pdf-parts.js';

const SIGNING_TIME = new Date('2027-03-01T10:30:00Z');

let signer: ReportSigner;
let signed: Buffer;
let parts: SignedPdfParts;
let signerCertificate: pkijs.Certificate;
let otherCertificate: pkijs.Certificate;

async function tinyPdf(): Promise<Buffer> {
  const { doc, finished } = startPdf({ title: 't', author: 'a', subject: 's', createdAt: SIGNING_TIME });
  doc.text('Te ondertekenen als PAdES B-B.');
  doc.end();
  return finished;
}

function certificateOf(pdf: Buffer): pkijs.Certificate {
  return signedPdfParts(pdf).signedData.certificates?.[0] as pkijs.Certificate;
}

beforeAll(async () => {
  signer = createDevelopmentSigner({ directory: mkdtempSync(join(tmpdir(), 'gw-cert-')) });
  signed = await signer.sign(await tinyPdf(), { signingTime: SIGNING_TIME });
  parts = signedPdfParts(signed);
  signerCertificate = certificateOf(signed);
  const other = createDevelopmentSigner({ directory: mkdtempSync(join(tmpdir(), 'gw-cert-')) });
  otherCertificate = certificateOf(await other.sign(await tinyPdf()));
});

describe('a report signature without a timestamp authority (PAdES B-B)', () => {
  it('is ETSI.CAdES.detached with the claimed time in /M, and the signer says B-B', () => {
    expect(signer.signatureLevel).toBe('B-B');
    expect(parts.dictionary).toContain('/SubFilter /ETSI.CAdES.detached');
    expect(parts.dictionary).toContain('/M (D:20270301103000Z)');
    const report = pdfsig(signed);
    expect(report).toContain('Signature Type: ETSI.CAdES.detached');
    expect(report).toContain('Signing Hash Algorithm: SHA-256');
    expect(report).toContain('Signature is Valid.');
    expect(report).toContain('Total document signed');
  });

  it('signs content-type, message-digest and signing-certificate-v2, and no signing-time', () => {
    const { signerInfo, covered } = parts;
    expect(signerInfo.digestAlgorithm.algorithmId).toBe(OID.sha256);
    expect([...attributeTypes(signerInfo.signedAttrs)].sort()).toEqual([OID.contentType, OID.messageDigest, OID.signingCertificateV2].sort());
    expect(attributeTypes(signerInfo.signedAttrs)).not.toContain(OID.signingTime);
    expect(signerInfo.unsignedAttrs).toBeUndefined();
    const contentType = attributeValue(signerInfo.signedAttrs, OID.contentType) as asn1js.ObjectIdentifier;
    expect(contentType.getValue()).toBe(OID.data);
    const digest = attributeValue(signerInfo.signedAttrs, OID.messageDigest) as asn1js.OctetString;
    expect(Buffer.from(digest.valueBlock.valueHexView).toString('hex')).toBe(createHash('sha256').update(covered).digest('hex'));
  });

  it('binds the signing certificate by its SHA-256 (the default algorithm, so left out) and its issuer and serial', () => {
    const value = attributeValue(parts.signerInfo.signedAttrs, OID.signingCertificateV2) as asn1js.Sequence;
    const essCertIdV2 = ((value.valueBlock.value[0] as asn1js.Sequence).valueBlock.value[0] as asn1js.Sequence).valueBlock.value;
    // RFC 5035: hashAlgorithm DEFAULT id-sha256 is omitted in DER, so certHash comes first.
    expect(essCertIdV2[0]).toBeInstanceOf(asn1js.OctetString);
    const certHash = Buffer.from((essCertIdV2[0] as asn1js.OctetString).valueBlock.valueHexView);
    const der = Buffer.from(signerCertificate.toSchema().toBER());
    expect(certHash.toString('hex')).toBe(createHash('sha256').update(der).digest('hex'));
    expect(certHash.toString('hex').toUpperCase()).toBe(signer.certificate.fingerprintSha256.replaceAll(':', ''));
    const issuerSerial = new pkijs.IssuerSerial({ schema: essCertIdV2[1] });
    expect(issuerSerial.serialNumber.isEqual(signerCertificate.serialNumber)).toBe(true);
    expect(signerCertificate.issuer.isEqual(issuerSerial.issuer.names[0]?.value)).toBe(true);
  });

  it("is accepted by OpenSSL's CMS verifier, which also checks the ESS signing-certificate-v2 binding", () => {
    const directory = mkdtempSync(join(tmpdir(), 'gw-cms-'));
    writeFileSync(join(directory, 'sig.der'), parts.cms);
    writeFileSync(join(directory, 'content.bin'), parts.covered);
    const output = execFileSync(
      '/usr/bin/openssl',
      ['cms', '-verify', '-binary', '-inform', 'DER', '-in', 'sig.der', '-content', 'content.bin', '-noverify', '-out', '/dev/null'],
      {
        cwd: directory,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    expect(output).toBe('');
  });

  it('is reported as B-B without a timestamp by the verifier', async () => {
    const check = await verifyPdfSignature(signed);
    expect(check).toMatchObject({ signatureValid: true, coversWholeDocument: true, padesLevel: 'B-B', timestamp: null, problems: [] });
  });
});

describe('ESS signing-certificate-v2 (RFC 5035)', () => {
  it('matches the certificate it was made for and no other', () => {
    const reference = readSigningCertificateV2(signingCertificateV2Attribute(signerCertificate));
    expect(reference.hashAlgorithm).toBe(OID.sha256);
    expect(mismatchWithCertificate(reference, signerCertificate)).toBeNull();
    expect(mismatchWithCertificate(reference, otherCertificate)).toContain('ander certificaat');
  });

  it('refuses an issuerSerial that contradicts the certificate, even with the right hash', () => {
    const reference = readSigningCertificateV2(signingCertificateV2Attribute(signerCertificate));
    const issuerSerial = reference.issuerSerial as pkijs.IssuerSerial;
    issuerSerial.serialNumber = new asn1js.Integer({ value: 7 });
    expect(mismatchWithCertificate(reference, signerCertificate)).toContain('ander serienummer');
  });

  it('reads an explicit hash algorithm, and refuses SHA-1', () => {
    const der = new Uint8Array(signerCertificate.toSchema().toBER());
    const attribute = (algorithm: string, hash: Buffer) =>
      new pkijs.Attribute({
        type: OID.signingCertificateV2,
        values: [
          new asn1js.Sequence({
            value: [
              new asn1js.Sequence({
                value: [
                  new asn1js.Sequence({
                    value: [new pkijs.AlgorithmIdentifier({ algorithmId: algorithm }).toSchema(), new asn1js.OctetString({ valueHex: hash })],
                  }),
                ],
              }),
            ],
          }),
        ],
      });
    const sha512 = readSigningCertificateV2(attribute(OID.sha512, createHash('sha512').update(der).digest()));
    expect(sha512).toMatchObject({ hashAlgorithm: OID.sha512, issuerSerial: null });
    expect(mismatchWithCertificate(sha512, signerCertificate)).toBeNull();
    const sha1 = readSigningCertificateV2(attribute('1.3.14.3.2.26', createHash('sha1').update(der).digest()));
    expect(mismatchWithCertificate(sha1, signerCertificate)).toContain('te zwakke');
  });
});

describe('checkPades on a verified signature', () => {
  /** A fresh parse of the signed report, to change its attributes without touching `parts`. */
  function freshSignedData(): pkijs.SignedData {
    return signedPdfParts(signed).signedData;
  }

  it('calls a valid adbe.pkcs7.detached signature (reports from before PAdES) valid, but no PAdES level', async () => {
    const check = await checkPades({ subFilter: 'adbe.pkcs7.detached', signedData: freshSignedData(), signerCertificate });
    expect(check).toEqual({ valid: true, level: null, timestamp: null, problems: [] });
  });

  it('denies B-B to a CMS with a signing-time or without signing-certificate-v2', async () => {
    const withTime = freshSignedData();
    withTime.signerInfos[0]?.signedAttrs?.attributes.push(
      new pkijs.Attribute({ type: OID.signingTime, values: [new asn1js.UTCTime({ valueDate: SIGNING_TIME })] }),
    );
    const timed = await checkPades({ subFilter: 'ETSI.CAdES.detached', signedData: withTime, signerCertificate });
    expect(timed.level).toBeNull();
    expect(timed.problems.join(' ')).toContain('signing-time');

    const withoutBinding = freshSignedData();
    const attributes = withoutBinding.signerInfos[0]?.signedAttrs;
    if (attributes) attributes.attributes = attributes.attributes.filter((a) => a.type !== OID.signingCertificateV2);
    const unbound = await checkPades({ subFilter: 'ETSI.CAdES.detached', signedData: withoutBinding, signerCertificate });
    expect(unbound).toMatchObject({ valid: true, level: null });
    expect(unbound.problems.join(' ')).toContain('signing-certificate-v2');
  });

  it('calls the signature invalid when signing-certificate-v2 names another certificate', async () => {
    const substituted = freshSignedData();
    const attributes = substituted.signerInfos[0]?.signedAttrs;
    if (attributes) {
      attributes.attributes = attributes.attributes.map((a) => (a.type === OID.signingCertificateV2 ? signingCertificateV2Attribute(otherCertificate) : a));
    }
    const check = await checkPades({ subFilter: 'ETSI.CAdES.detached', signedData: substituted, signerCertificate });
    expect(check).toMatchObject({ valid: false, level: null });
    expect(check.problems.join(' ')).toContain('ander certificaat');
  });
});
