/**
 * The parts of a signed PDF a test looks at, read independently of the signer: the signature
 * dictionary's text, the bytes the /ByteRange covers, and the CMS parsed with asn1js/pkijs.
 */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

export type SignedPdfParts = {
  /** The signature dictionary, as text. */
  dictionary: string;
  covered: Buffer;
  /** The DER CMS without the zero padding. */
  cms: Buffer;
  /** Where the CMS's first hex digit sits in the file. */
  cmsHexOffset: number;
  signedData: pkijs.SignedData;
  signerInfo: pkijs.SignerInfo;
};

export function signedPdfParts(pdf: Buffer): SignedPdfParts {
  const text = pdf.toString('latin1');
  const matches = [...text.matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)];
  const match = matches[matches.length - 1];
  if (!match) throw new Error('no /ByteRange');
  const [a, b, c, d] = match.slice(1, 5).map(Number) as [number, number, number, number];
  const start = text.lastIndexOf(' obj', match.index);
  const dictionary = text.slice(start, text.indexOf('endobj', c));
  const covered = Buffer.concat([pdf.subarray(a, a + b), pdf.subarray(c, c + d)]);
  const hole = Buffer.from(text.slice(a + b + 1, c - 1), 'hex');
  const parsed = asn1js.fromBER(new Uint8Array(hole));
  if (parsed.offset === -1) throw new Error('the hole holds no DER');
  const cms = hole.subarray(0, parsed.offset);
  const signedData = new pkijs.SignedData({ schema: new pkijs.ContentInfo({ schema: parsed.result }).content });
  const signerInfo = signedData.signerInfos[0];
  if (!signerInfo) throw new Error('no SignerInfo');
  return { dictionary, covered, cms, cmsHexOffset: a + b + 1, signedData, signerInfo };
}

/** The attribute types of a SET of attributes, in their order. */
export function attributeTypes(attributes: pkijs.SignedAndUnsignedAttributes | undefined): string[] {
  return (attributes?.attributes ?? []).map((attribute) => attribute.type);
}

export function attributeValue(attributes: pkijs.SignedAndUnsignedAttributes | undefined, type: string): asn1js.AsnType {
  const value = attributes?.attributes.find((attribute) => attribute.type === type)?.values[0];
  if (value === undefined) throw new Error(`no attribute ${type}`);
  return value as asn1js.AsnType;
}
