/**
 * @module
 * Which PAdES baseline level a cryptographically valid signature reaches (ETSI EN 319 142-1
 * §6.3). B-B: SubFilter `ETSI.CAdES.detached`, signed attributes content-type (id-data) and
 * message-digest with SHA-256 or stronger, an ESS signing-certificate-v2 that names the
 * signing certificate, and no signing-time (§5.3). B-T: B-B plus a signature-time-stamp
 * (ETSI EN 319 122-1 §5.3) that verifies over the signature value. A signing-certificate-v2
 * that names another certificate, or a timestamp that does not verify, makes the signature
 * invalid, since both sit in the bytes the reader trusts; a missing B-B element only means
 * the file is not PAdES (reports made before PAdES are `adbe.pkcs7.detached` and stay valid).
 */
import * as asn1js from 'asn1js';
import type * as pkijs from 'pkijs';
import { mismatchWithCertificate, readSigningCertificateV2 } from './ess-signing-certificate.js';
import { OID, STRONG_DIGESTS } from './oids.js';
import type { SignatureLevel } from './signer.js';
import { berOf, verifyTimestampToken, type TimestampInfo } from './timestamp-token.js';

export const PADES_SUBFILTER = 'ETSI.CAdES.detached';

export type PadesCheck = {
  /** False when a bound certificate or a timestamp contradicts the file. */
  valid: boolean;
  level: SignatureLevel | null;
  timestamp: TimestampInfo | null;
  problems: string[];
};

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function attributesOf(attributes: pkijs.SignedAndUnsignedAttributes | undefined, type: string): pkijs.Attribute[] {
  return (attributes?.attributes ?? []).filter((attribute) => attribute.type === type);
}

/** The signed-attribute requirements of B-B; each unmet one as a Dutch reason. */
function baselineGaps(signerInfo: pkijs.SignerInfo): string[] {
  const gaps: string[] = [];
  const signed = signerInfo.signedAttrs;
  if (STRONG_DIGESTS[signerInfo.digestAlgorithm.algorithmId] === undefined) {
    gaps.push(`de hash is niet SHA-256 of sterker (${signerInfo.digestAlgorithm.algorithmId})`);
  }
  const contentType = attributesOf(signed, OID.contentType)[0]?.values[0];
  if (!(contentType instanceof asn1js.ObjectIdentifier) || contentType.getValue() !== OID.data) {
    gaps.push('het content-type-attribuut ontbreekt of is niet id-data');
  }
  if (attributesOf(signed, OID.signingCertificateV2).length !== 1) {
    gaps.push('er is niet precies één ESS signing-certificate-v2-attribuut');
  }
  if (attributesOf(signed, OID.signingTime).length > 0) {
    gaps.push('de CMS bevat een signing-time; bij PAdES staat het tijdstip in /M');
  }
  return gaps;
}

/**
 * @param subFilter the signature dictionary's /SubFilter
 * @param signerCertificate the certificate the CMS signature verified with
 * @example const pades = await checkPades({ subFilter, signedData, signerCertificate });
 */
export async function checkPades(options: { subFilter: string; signedData: pkijs.SignedData; signerCertificate: pkijs.Certificate }): Promise<PadesCheck> {
  const signerInfo = options.signedData.signerInfos[0];
  if (signerInfo === undefined) return { valid: false, level: null, timestamp: null, problems: ['de handtekening heeft geen ondertekenaar'] };
  const problems: string[] = [];
  let valid = true;

  for (const attribute of attributesOf(signerInfo.signedAttrs, OID.signingCertificateV2)) {
    let mismatch: string | null;
    try {
      mismatch = mismatchWithCertificate(readSigningCertificateV2(attribute), options.signerCertificate);
    } catch (error) {
      mismatch = `signing-certificate-v2 kan niet worden gelezen: ${errorMessage(error)}`;
    }
    if (mismatch !== null) {
      valid = false;
      problems.push(mismatch);
    }
  }

  let timestamp: TimestampInfo | null = null;
  const signatureValue = new Uint8Array(signerInfo.signature.valueBlock.valueHexView);
  for (const attribute of attributesOf(signerInfo.unsignedAttrs, OID.timeStampToken)) {
    const value = attribute.values[0];
    const check = value === undefined ? null : await verifyTimestampToken(berOf(value), signatureValue);
    if (check === null || !check.valid) {
      valid = false;
      problems.push(check === null ? 'het tijdstempel-attribuut is leeg' : check.problem);
      continue;
    }
    timestamp ??= check.info;
  }
  if (timestamp !== null) {
    const { notBefore, notAfter } = options.signerCertificate;
    const at = new Date(timestamp.time);
    if (at < notBefore.value || at > notAfter.value) {
      problems.push(`het certificaat van de ondertekenaar was op het tijdstip van het tijdstempel (${timestamp.time}) niet geldig`);
    }
  }

  if (options.subFilter !== PADES_SUBFILTER) return { valid, level: null, timestamp, problems };
  const gaps = baselineGaps(signerInfo);
  if (gaps.length > 0) problems.push(`geen PAdES-handtekening (B-B): ${gaps.join('; ')}`);
  const level: SignatureLevel | null = !valid || gaps.length > 0 ? null : timestamp === null ? 'B-B' : 'B-T';
  return { valid, level, timestamp, problems };
}
