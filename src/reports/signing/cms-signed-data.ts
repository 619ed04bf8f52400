/**
 * @module
 * A detached CMS SignedData (RFC 5652) over the bytes a PDF signature covers, as
 * `adbe.pkcs7.detached` expects: the digest sits in the signed attributes, the content itself
 * is left out. The structure is built with pkijs; hashing and the private-key operation are
 * Node's native crypto, which is what keeps signing a small fraction of rendering.
 */
import { type KeyObject, createHash, sign } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  sha256: '2.16.840.1.101.3.4.2.1',
  sha256WithRsa: '1.2.840.113549.1.1.11',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
} as const;

export type CmsSigningKey = {
  privateKey: KeyObject;
  /** DER certificates: the signer's first, then any chain from the P12. */
  certificates: readonly pkijs.Certificate[];
};

function signatureAlgorithmFor(key: KeyObject): string {
  if (key.asymmetricKeyType === 'rsa') return OID.sha256WithRsa;
  if (key.asymmetricKeyType === 'ec') return OID.ecdsaWithSha256;
  throw new Error(`sleuteltype ${key.asymmetricKeyType ?? 'onbekend'} wordt niet ondersteund (RSA of EC)`);
}

/** RFC 5280: UTCTime up to 2049, GeneralizedTime from 2050 on. */
function timeValue(date: Date): asn1js.UTCTime | asn1js.GeneralizedTime {
  return date.getUTCFullYear() < 2050
    ? new asn1js.UTCTime({ valueDate: date })
    : new asn1js.GeneralizedTime({ valueDate: date });
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    if (a[i] !== b[i]) return (a[i] as number) - (b[i] as number);
  }
  return a.length - b.length;
}

/**
 * Signs `content` (the PDF without its /Contents hole) and returns the DER ContentInfo.
 * @example const der = createDetachedCms({ content, key, signingTime: new Date() });
 */
export function createDetachedCms(options: { content: Uint8Array; key: CmsSigningKey; signingTime: Date }): Buffer {
  const [signerCertificate] = options.key.certificates;
  if (!signerCertificate) throw new Error('geen certificaat om mee te ondertekenen');
  const digest = createHash('sha256').update(options.content).digest();

  const attributes = [
    new pkijs.Attribute({ type: OID.contentType, values: [new asn1js.ObjectIdentifier({ value: OID.data })] }),
    new pkijs.Attribute({ type: OID.signingTime, values: [timeValue(options.signingTime)] }),
    new pkijs.Attribute({ type: OID.messageDigest, values: [new asn1js.OctetString({ valueHex: digest })] }),
  ];
  // DER encodes a SET OF in the order of its encoded elements; the signature is over that SET.
  const encoded = attributes.map((attribute) => new Uint8Array(attribute.toSchema().toBER()));
  const order = encoded.map((bytes, index) => ({ bytes, index })).sort((a, b) => compareBytes(a.bytes, b.bytes));
  const sorted = order.map(({ index }) => attributes[index] as pkijs.Attribute);
  const signedAttributesSet = new asn1js.Set({ value: sorted.map((attribute) => attribute.toSchema()) }).toBER();

  const signature = sign('sha256', new Uint8Array(signedAttributesSet), options.key.privateKey);
  const signerInfo = new pkijs.SignerInfo({
    version: 1,
    sid: new pkijs.IssuerAndSerialNumber({
      issuer: signerCertificate.issuer,
      serialNumber: signerCertificate.serialNumber,
    }),
    digestAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256, algorithmParams: new asn1js.Null() }),
    signedAttrs: new pkijs.SignedAndUnsignedAttributes({ type: 0, attributes: sorted }),
    signatureAlgorithm: new pkijs.AlgorithmIdentifier({
      algorithmId: signatureAlgorithmFor(options.key.privateKey),
      ...(options.key.privateKey.asymmetricKeyType === 'rsa' ? { algorithmParams: new asn1js.Null() } : {}),
    }),
    signature: new asn1js.OctetString({ valueHex: signature }),
  });
  const signedData = new pkijs.SignedData({
    version: 1,
    digestAlgorithms: [new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256, algorithmParams: new asn1js.Null() })],
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID.data }),
    certificates: [...options.key.certificates],
    signerInfos: [signerInfo],
  });
  const contentInfo = new pkijs.ContentInfo({ contentType: OID.signedData, content: signedData.toSchema(true) });
  return Buffer.from(contentInfo.toSchema().toBER());
}
