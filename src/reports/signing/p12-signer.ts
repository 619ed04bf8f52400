/**
 * @module
 * A report signer backed by a PKCS#12 file (`SIGNING_P12`). The P12 is parsed once, here:
 * decrypting it (password-based key derivation) costs far more than a signature, so parsing
 * per report would make signing slower than rendering (issue 6 asks for under 50% overhead).
 *
 * What only a PDF signature needs (pkijs, the CMS builder, @signpdf) is loaded by the first
 * `sign`, not when the signer is made: the server makes its signer at start to sign the
 * audit chain's head, which needs none of it (docs/build.md).
 */
import { type KeyObject, X509Certificate, createPrivateKey, createPublicKey, sign as signWithKey } from 'node:crypto';
import forge from 'node-forge';
import { describeCertificate } from './certificate-info.js';
import type { CmsSigningKey, SignatureTimestamper } from './cms-signed-data.js';
import { signBytesDigest, type ReportSigner } from './signer.js';
import type { TimestampAuthority } from './timestamp-client.js';

type ParsedP12 = { privateKey: KeyObject; certificates: Buffer[] };

// PKCS#12 bag types (RFC 7292, 4.2).
const BAG = {
  key: '1.2.840.113549.1.12.10.1.1',
  shroudedKey: '1.2.840.113549.1.12.10.1.2',
  certificate: '1.2.840.113549.1.12.10.1.3',
} as const;

type P12Bag = forge.pkcs12.Bag & { asn1?: forge.asn1.Asn1 };

function bagsOf(pfx: forge.pkcs12.Pkcs12Pfx, bagType: string): P12Bag[] {
  return pfx.getBags({ bagType })[bagType] ?? [];
}

function derOf(asn1: forge.asn1.Asn1): Buffer {
  return Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary');
}

function parseP12(p12: Buffer, password: string): ParsedP12 {
  const pfx = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(p12.toString('binary')), false, password);
  const keyBag = [...bagsOf(pfx, BAG.shroudedKey), ...bagsOf(pfx, BAG.key)][0];
  if (!keyBag) throw new Error('het P12-bestand bevat geen privésleutel');
  // forge decodes only RSA keys; for other keys it leaves the PrivateKeyInfo as ASN.1.
  const keyInfo = keyBag.key ? forge.pki.wrapRsaPrivateKey(forge.pki.privateKeyToAsn1(keyBag.key)) : keyBag.asn1;
  if (!keyInfo) throw new Error('de privésleutel in het P12-bestand kan niet worden gelezen');
  const privateKey = createPrivateKey({ key: derOf(keyInfo), format: 'der', type: 'pkcs8' });
  const certificates = bagsOf(pfx, BAG.certificate).flatMap((bag) => {
    if (bag.cert) return [derOf(forge.pki.certificateToAsn1(bag.cert))];
    return bag.asn1 ? [derOf(bag.asn1)] : [];
  });
  return { privateKey, certificates };
}

function spki(key: KeyObject): Buffer {
  return key.export({ type: 'spki', format: 'der' });
}

/** The signer's certificate first (the one whose public key matches), then the chain. */
function orderCertificates(parsed: ParsedP12): Buffer[] {
  const own = spki(createPublicKey(parsed.privateKey));
  const index = parsed.certificates.findIndex((der) => spki(new X509Certificate(der).publicKey).equals(own));
  if (index === -1) throw new Error('geen certificaat in het P12-bestand past bij de privésleutel');
  return [parsed.certificates[index] as Buffer, ...parsed.certificates.filter((_, i) => i !== index)];
}

export type P12SignerOptions = KeySignerOptions & {
  p12: Buffer;
  password: string;
};

export type KeySignerOptions = {
  /** True for the self-signed development certificate: the cover then warns. */
  development?: boolean;
  /** Where the signature says it was made (a PDF reader shows it). */
  location?: string;
  /** With an authority every signature gets its RFC 3161 timestamp (PAdES B-T). */
  timestampAuthority?: TimestampAuthority | undefined;
};

/**
 * Room for the timestamp token in the signature hole. A token with the authority's chain is
 * typically 2 to 6 KiB; a larger one is signed again once with room enough, and that room is
 * kept for the next reports.
 */
const TIMESTAMP_ROOM = 8192;

/**
 * @example
 * const signer = createP12Signer({ p12: readFileSync(env.SIGNING_P12), password: env.SIGNING_P12_PASSWORD });
 * const signed = await signer.sign(pdf, { signingTime: new Date(data.generatedAt) });
 */
export function createP12Signer(options: P12SignerOptions): ReportSigner {
  return createKeySigner(parseP12(options.p12, options.password), options);
}

/** The PDF-signing modules, loaded once by the first signature. */
async function loadPdfSigning() {
  const [pkijs, cms, pdf] = await Promise.all([import('pkijs'), import('./cms-signed-data.js'), import('./sign-pdf.js')]);
  return { Certificate: pkijs.Certificate, createDetachedCms: cms.createDetachedCms, signPdf: pdf.signPdf, SignatureTooLargeError: pdf.SignatureTooLargeError };
}

/**
 * A signer for a key and its certificates (DER, in any order: the one matching the key is
 * the signer's), as `createP12Signer` has parsed them or as a new development certificate
 * was just made.
 * @example const signer = createKeySigner({ privateKey, certificates: [certificateDer] }, { development: true });
 */
export function createKeySigner(parsed: { privateKey: KeyObject; certificates: Buffer[] }, options: KeySignerOptions): ReportSigner {
  const ordered = orderCertificates(parsed);
  const certificate = describeCertificate({ der: ordered[0] as Buffer, development: options.development ?? false });
  // The CMS carries every certificate plus signed attributes and the signature; 4 KiB of room
  // beyond the certificates is ample for RSA up to 8192 bits.
  const baseLength = ordered.reduce((sum, der) => sum + der.length, 0) + 4096;
  let loaded: Promise<Awaited<ReturnType<typeof loadPdfSigning>> & { key: CmsSigningKey }> | undefined;
  const pdfSigning = () =>
    (loaded ??= loadPdfSigning().then((modules) => ({
      ...modules,
      key: { privateKey: parsed.privateKey, certificates: ordered.map((der) => modules.Certificate.fromBER(der)) },
    })));
  const authority = options.timestampAuthority;
  const timestamp: SignatureTimestamper | undefined =
    authority === undefined ? undefined : async (signatureValue) => (await authority.timestamp(signatureValue)).token;
  let signatureLength = baseLength + (authority === undefined ? 0 : TIMESTAMP_ROOM);

  const signOnce = async (pdf: Buffer, signingTime: Date) => {
    const { signPdf, createDetachedCms, key } = await pdfSigning();
    return signPdf({
      pdf,
      signingTime,
      signatureLength,
      name: certificate.subject,
      reason: 'Gunningswijzer: ondertekend rapport',
      location: options.location ?? '',
      createCms: (content) => createDetachedCms({ content, key, timestamp }),
    });
  };
  return {
    certificate,
    certificateDer: ordered[0] as Buffer,
    signBytes: (data) => signWithKey(signBytesDigest(parsed.privateKey), data, parsed.privateKey),
    signatureLevel: authority === undefined ? 'B-B' : 'B-T',
    async sign(pdf, signOptions = {}) {
      const signingTime = signOptions.signingTime ?? new Date();
      try {
        return await signOnce(pdf, signingTime);
      } catch (error) {
        if (!(error instanceof (await pdfSigning()).SignatureTooLargeError)) throw error;
        signatureLength = Math.max(signatureLength, error.needed + 1024);
        return signOnce(pdf, signingTime);
      }
    },
  };
}
