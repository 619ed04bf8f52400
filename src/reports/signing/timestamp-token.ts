/**
 * @module
 * Checks an RFC 3161 timestamp token as the signature-time-stamp of a CMS signature (ETSI EN
 * 319 122-1 §5.3): the token is a SignedData over a TSTInfo (RFC 3161 §2.4.2) whose message
 * imprint must be the hash of the signature value it stamps, signed by a certificate that is
 * for timestamping only (RFC 3161 §2.3). Used both when the signer receives a token (so a
 * wrong token is never stored) and when a report is verified. Whether the authority is to be
 * trusted is, as for the signer's certificate, the reader's judgement: the result names it.
 */
import { createHash } from 'node:crypto';
import type * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { describeCertificate } from './certificate-info.js';
import { OID, STRONG_DIGESTS } from './oids.js';

export type TimestampInfo = {
  /** The TSA's genTime, ISO 8601. */
  time: string;
  /** The certificate that signed the token, as the signer's certificate is described. */
  authority: { subject: string; fingerprintSha256: string };
};

export type TimestampCheck = { valid: true; info: TimestampInfo; tstInfo: pkijs.TSTInfo } | { valid: false; problem: string };

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** RFC 3161 §2.3: one extended key usage, id-kp-timeStamping, in a critical extension. */
function timestampingOnly(certificate: pkijs.Certificate): boolean {
  const extension = certificate.extensions?.find((e) => e.extnID === OID.extKeyUsage);
  if (extension === undefined || !extension.critical) return false;
  const usage = extension.parsedValue;
  return usage instanceof pkijs.ExtKeyUsage && usage.keyPurposes.length === 1 && usage.keyPurposes[0] === OID.timeStamping;
}

function parseToken(token: Uint8Array): { signedData: pkijs.SignedData; tstInfo: pkijs.TSTInfo } {
  const contentInfo = pkijs.ContentInfo.fromBER(token);
  if (contentInfo.contentType !== OID.signedData) throw new Error(`geen SignedData (${contentInfo.contentType})`);
  const signedData = new pkijs.SignedData({ schema: contentInfo.content });
  const { eContentType, eContent } = signedData.encapContentInfo;
  if (eContentType !== OID.tstInfo || eContent === undefined) throw new Error(`geen TSTInfo (${eContentType})`);
  return { signedData, tstInfo: pkijs.TSTInfo.fromBER(eContent.getValue()) };
}

/**
 * @param token the DER TimeStampToken (a ContentInfo)
 * @param signatureValue the contents of the stamped SignerInfo's `signature` OCTET STRING
 * @example const check = await verifyTimestampToken(token, signerInfo.signature.valueBlock.valueHexView);
 */
export async function verifyTimestampToken(token: Uint8Array, signatureValue: Uint8Array): Promise<TimestampCheck> {
  let parsed: ReturnType<typeof parseToken>;
  try {
    parsed = parseToken(token);
  } catch (error) {
    return { valid: false, problem: `het tijdstempel kan niet worden gelezen: ${errorMessage(error)}` };
  }
  const { signedData, tstInfo } = parsed;
  const digest = STRONG_DIGESTS[tstInfo.messageImprint.hashAlgorithm.algorithmId];
  if (digest === undefined) {
    return { valid: false, problem: `het tijdstempel gebruikt een te zwakke of onbekende hash (${tstInfo.messageImprint.hashAlgorithm.algorithmId})` };
  }
  const expected = createHash(digest).update(signatureValue).digest();
  if (!expected.equals(new Uint8Array(tstInfo.messageImprint.hashedMessage.valueBlock.valueHexView))) {
    return { valid: false, problem: 'het tijdstempel hoort niet bij deze handtekening (de hash erin is niet die van de handtekeningwaarde)' };
  }
  const tokenSigner = signedData.signerInfos[0];
  if (signedData.signerInfos.length !== 1 || tokenSigner === undefined) {
    return { valid: false, problem: 'het tijdstempel moet precies één ondertekenaar hebben' };
  }
  if (STRONG_DIGESTS[tokenSigner.digestAlgorithm.algorithmId] === undefined) {
    return { valid: false, problem: `het tijdstempel is ondertekend met een te zwakke of onbekende hash (${tokenSigner.digestAlgorithm.algorithmId})` };
  }
  let result: pkijs.SignedDataVerifyResult;
  try {
    // pkijs also re-checks the imprint against `data` for a TSTInfo; the check above says why it failed.
    result = await signedData.verify({ signer: 0, data: new Uint8Array(signatureValue).buffer, checkChain: false, extendedMode: true });
  } catch (error) {
    return { valid: false, problem: `de handtekening van het tijdstempel klopt niet (${errorMessage(error)})` };
  }
  if (!result.signatureVerified || result.signerCertificate === undefined || result.signerCertificate === null) {
    return { valid: false, problem: 'de handtekening van het tijdstempel klopt niet' };
  }
  if (!timestampingOnly(result.signerCertificate)) {
    return {
      valid: false,
      problem: 'het certificaat van de tijdstempeldienst is niet (alleen) voor tijdstempels (RFC 3161: extended key usage timeStamping, kritiek)',
    };
  }
  let authority: ReturnType<typeof describeCertificate>;
  try {
    authority = describeCertificate({ der: new Uint8Array(result.signerCertificate.toSchema().toBER()), development: false });
  } catch (error) {
    return { valid: false, problem: `het certificaat van de tijdstempeldienst kan niet worden gelezen: ${errorMessage(error)}` };
  }
  return {
    valid: true,
    tstInfo,
    info: { time: tstInfo.genTime.toISOString(), authority: { subject: authority.subject, fingerprintSha256: authority.fingerprintSha256 } },
  };
}

/** The raw DER of an attribute value as it was read, so that a token is checked byte for byte. */
export function berOf(value: asn1js.AsnType): Uint8Array {
  const raw = (value as asn1js.BaseBlock).valueBeforeDecodeView;
  return raw !== undefined && raw.byteLength > 0 ? new Uint8Array(raw) : new Uint8Array(value.toBER());
}
