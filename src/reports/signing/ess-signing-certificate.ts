/**
 * @module
 * The ESS signing-certificate-v2 signed attribute (RFC 5035 §3), which binds the signature to
 * the hash of the signing certificate, so that another certificate with the same key or the
 * same issuer and serial cannot be substituted afterwards. PAdES B-B requires it
 * (ETSI EN 319 142-1 §5.3, by way of ETSI EN 319 122-1 §5.2.2.3).
 *
 *     SigningCertificateV2 ::= SEQUENCE {
 *       certs    SEQUENCE OF ESSCertIDv2,
 *       policies SEQUENCE OF PolicyInformation OPTIONAL }
 *     ESSCertIDv2 ::= SEQUENCE {
 *       hashAlgorithm AlgorithmIdentifier DEFAULT {algorithm id-sha256},
 *       certHash      OCTET STRING,
 *       issuerSerial  IssuerSerial OPTIONAL }
 *     IssuerSerial ::= SEQUENCE { issuer GeneralNames, serialNumber CertificateSerialNumber }
 */
import { createHash } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { OID, STRONG_DIGESTS } from './oids.js';

/** GeneralName's directoryName choice (RFC 5280 §4.2.1.6). */
const DIRECTORY_NAME = 4;

function derOf(certificate: pkijs.Certificate): Uint8Array {
  return new Uint8Array(certificate.toSchema().toBER());
}

/**
 * The attribute for `certificate`, hashed with SHA-256. The hashAlgorithm field is left out:
 * SHA-256 is its DEFAULT, and DER (X.690 §11.5) forbids encoding a default value. The
 * optional issuerSerial is included, as the EU's DSS does, so that a verifier can tell which
 * certificate is meant without hashing every certificate in the CMS.
 * @example const attribute = signingCertificateV2Attribute(signerCertificate);
 */
export function signingCertificateV2Attribute(certificate: pkijs.Certificate): pkijs.Attribute {
  const certHash = createHash('sha256').update(derOf(certificate)).digest();
  const issuerSerial = new pkijs.IssuerSerial({
    issuer: new pkijs.GeneralNames({ names: [new pkijs.GeneralName({ type: DIRECTORY_NAME, value: certificate.issuer })] }),
    serialNumber: certificate.serialNumber,
  });
  const essCertIdV2 = new asn1js.Sequence({ value: [new asn1js.OctetString({ valueHex: certHash }), issuerSerial.toSchema()] });
  const signingCertificateV2 = new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [essCertIdV2] })] });
  return new pkijs.Attribute({ type: OID.signingCertificateV2, values: [signingCertificateV2] });
}

export type SigningCertificateReference = {
  /** The OID of the hash over the certificate. */
  hashAlgorithm: string;
  certHash: Uint8Array;
  issuerSerial: pkijs.IssuerSerial | null;
};

function elementsOf(block: unknown): asn1js.AsnType[] | null {
  return block instanceof asn1js.Sequence ? (block.valueBlock.value as asn1js.AsnType[]) : null;
}

/**
 * The first ESSCertIDv2 of the attribute: by RFC 5035 §3 the first one identifies the signing
 * certificate; later ones may only narrow the chain. Throws when the value is not one.
 */
export function readSigningCertificateV2(attribute: pkijs.Attribute): SigningCertificateReference {
  const certs = elementsOf(elementsOf(attribute.values[0])?.[0]);
  const first = elementsOf(certs?.[0]);
  if (first === null || first.length === 0) throw new Error('signing-certificate-v2 bevat geen ESSCertIDv2');
  let index = 0;
  let hashAlgorithm: string = OID.sha256;
  if (first[0] instanceof asn1js.Sequence) {
    hashAlgorithm = new pkijs.AlgorithmIdentifier({ schema: first[0] }).algorithmId;
    index = 1;
  }
  const certHash = first[index];
  if (!(certHash instanceof asn1js.OctetString)) throw new Error('signing-certificate-v2 bevat geen certHash');
  const issuerSerial = first[index + 1] === undefined ? null : new pkijs.IssuerSerial({ schema: first[index + 1] });
  return { hashAlgorithm, certHash: new Uint8Array(certHash.valueBlock.valueHexView), issuerSerial };
}

/**
 * Whether the reference names `certificate`: the hash (with a SHA-2 digest) must match, and
 * an issuerSerial, when present, must name the same issuer and serial (the digest is what
 * binds; the issuerSerial is a hint, but one that contradicts the certificate is not accepted).
 * @returns null when it matches, else the Dutch reason.
 */
export function mismatchWithCertificate(reference: SigningCertificateReference, certificate: pkijs.Certificate): string | null {
  const digest = STRONG_DIGESTS[reference.hashAlgorithm];
  if (digest === undefined) return `signing-certificate-v2 gebruikt een te zwakke of onbekende hash (${reference.hashAlgorithm})`;
  const actual = createHash(digest).update(derOf(certificate)).digest();
  if (!actual.equals(reference.certHash)) return 'signing-certificate-v2 noemt een ander certificaat dan het certificaat dat de handtekening zette';
  if (reference.issuerSerial !== null) {
    const names = reference.issuerSerial.issuer.names;
    const sameIssuer = names.some((name) => name.type === DIRECTORY_NAME && certificate.issuer.isEqual(name.value as pkijs.RelativeDistinguishedNames));
    if (!sameIssuer || !certificate.serialNumber.isEqual(reference.issuerSerial.serialNumber)) {
      return 'signing-certificate-v2 noemt een andere uitgever of een ander serienummer dan het certificaat dat de handtekening zette';
    }
  }
  return null;
}
