/**
 * @module
 * A detached CMS SignedData (RFC 5652) over the bytes a PDF signature covers, as
 * `ETSI.CAdES.detached` requires for PAdES baseline B-B (ETSI EN 319 142-1 §5.3, with the
 * CAdES attributes of ETSI EN 319 122-1 §5.2): the signed attributes are content-type,
 * message-digest and ESS signing-certificate-v2, and deliberately no signing-time (the
 * claimed time is the signature dictionary's /M). Given a timestamp authority, the RFC 3161
 * token over the signature value is added as the signature-time-stamp unsigned attribute,
 * which makes it B-T (ETSI EN 319 122-1 §5.3). The structure is built with pkijs; hashing and
 * the private-key operation are Node's native crypto, which keeps signing a small fraction of
 * rendering.
 */
import { type KeyObject, createHash, sign } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { signingCertificateV2Attribute } from './ess-signing-certificate.js';
import { OID } from './oids.js';

export type CmsSigningKey = {
  privateKey: KeyObject;
  /** DER certificates: the signer's first, then any chain from the P12. */
  certificates: readonly pkijs.Certificate[];
};

/** Returns the DER TimeStampToken (RFC 3161 §2.4.2) over the given signature value. */
export type SignatureTimestamper = (signatureValue: Uint8Array) => Promise<Uint8Array>;

function signatureAlgorithmFor(key: KeyObject): string {
  if (key.asymmetricKeyType === 'rsa') return OID.sha256WithRsa;
  if (key.asymmetricKeyType === 'ec') return OID.ecdsaWithSha256;
  throw new Error(`sleuteltype ${key.asymmetricKeyType ?? 'onbekend'} wordt niet ondersteund (RSA of EC)`);
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    if (a[i] !== b[i]) return (a[i] as number) - (b[i] as number);
  }
  return a.length - b.length;
}

/** DER encodes a SET OF in the order of its encoded elements (X.690 §11.6). */
function derSetOrder(attributes: pkijs.Attribute[]): pkijs.Attribute[] {
  const encoded = attributes.map((attribute, index) => ({ bytes: new Uint8Array(attribute.toSchema().toBER()), index }));
  return encoded.sort((a, b) => compareBytes(a.bytes, b.bytes)).map(({ index }) => attributes[index] as pkijs.Attribute);
}

/**
 * Signs `content` (the PDF without its /Contents hole) and returns the DER ContentInfo.
 * @example const der = await createDetachedCms({ content, key });
 * @example const der = await createDetachedCms({ content, key, timestamp: (value) => tsa.timestamp(value).then((t) => t.token) });
 */
export async function createDetachedCms(options: { content: Uint8Array; key: CmsSigningKey; timestamp?: SignatureTimestamper | undefined }): Promise<Buffer> {
  const [signerCertificate] = options.key.certificates;
  if (!signerCertificate) throw new Error('geen certificaat om mee te ondertekenen');
  const digest = createHash('sha256').update(options.content).digest();

  const signedAttributes = derSetOrder([
    // RFC 5652 §11.1: for signed attributes the content type is mandatory; the PDF bytes are id-data.
    new pkijs.Attribute({ type: OID.contentType, values: [new asn1js.ObjectIdentifier({ value: OID.data })] }),
    // RFC 5652 §11.2: the SHA-256 of the covered bytes.
    new pkijs.Attribute({ type: OID.messageDigest, values: [new asn1js.OctetString({ valueHex: digest })] }),
    signingCertificateV2Attribute(signerCertificate),
  ]);
  // RFC 5652 §5.4: the signature is over the DER of the attributes as a SET OF, not their [0] tag.
  const signedAttributesSet = new asn1js.Set({ value: signedAttributes.map((attribute) => attribute.toSchema()) }).toBER();
  const signature = sign('sha256', new Uint8Array(signedAttributesSet), options.key.privateKey);

  const unsignedAttributes: pkijs.Attribute[] = [];
  if (options.timestamp !== undefined) {
    // ETSI EN 319 122-1 §5.3: the imprint is over the signature field's value, tag and length excluded.
    const token = await options.timestamp(new Uint8Array(signature));
    // The token client accepts only DER tokens, which asn1js writes back byte for byte.
    unsignedAttributes.push(new pkijs.Attribute({ type: OID.timeStampToken, values: [asn1js.fromBER(token).result] }));
  }

  const signerInfo = new pkijs.SignerInfo({
    version: 1,
    sid: new pkijs.IssuerAndSerialNumber({ issuer: signerCertificate.issuer, serialNumber: signerCertificate.serialNumber }),
    digestAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256, algorithmParams: new asn1js.Null() }),
    signedAttrs: new pkijs.SignedAndUnsignedAttributes({ type: 0, attributes: signedAttributes }),
    signatureAlgorithm: new pkijs.AlgorithmIdentifier({
      algorithmId: signatureAlgorithmFor(options.key.privateKey),
      ...(options.key.privateKey.asymmetricKeyType === 'rsa' ? { algorithmParams: new asn1js.Null() } : {}),
    }),
    signature: new asn1js.OctetString({ valueHex: signature }),
    ...(unsignedAttributes.length > 0 ? { unsignedAttrs: new pkijs.SignedAndUnsignedAttributes({ type: 1, attributes: unsignedAttributes }) } : {}),
  });
  const signedData = new pkijs.SignedData({
    version: 1,
    digestAlgorithms: [new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256, algorithmParams: new asn1js.Null() })],
    // RFC 5652 §5.2: a detached signature leaves eContent out.
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID.data }),
    certificates: [...options.key.certificates],
    signerInfos: [signerInfo],
  });
  const contentInfo = new pkijs.ContentInfo({ contentType: OID.signedData, content: signedData.toSchema(true) });
  return Buffer.from(contentInfo.toSchema().toBER());
}
