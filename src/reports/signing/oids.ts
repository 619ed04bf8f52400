/**
 * @module
 * The object identifiers the signing code writes and reads, each with the standard that
 * assigns it, so that a reader of the CMS code can look every one of them up.
 */
export const OID = {
  /** RFC 5652 §4: id-data, the content type of the bytes a PDF signature covers. */
  data: '1.2.840.113549.1.7.1',
  /** RFC 5652 §5.1: id-signedData. */
  signedData: '1.2.840.113549.1.7.2',
  /** RFC 5652 §11.1: id-contentType. */
  contentType: '1.2.840.113549.1.9.3',
  /** RFC 5652 §11.2: id-messageDigest. */
  messageDigest: '1.2.840.113549.1.9.4',
  /** RFC 5652 §11.3: id-signingTime; forbidden in PAdES (ETSI EN 319 142-1 §5.3), read only to refuse it. */
  signingTime: '1.2.840.113549.1.9.5',
  /** RFC 2634 §5.4: id-aa-signingCertificate (ESSCertID with SHA-1), read only. */
  signingCertificate: '1.2.840.113549.1.9.16.2.12',
  /** RFC 5035 §3: id-aa-signingCertificateV2. */
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  /** RFC 3161 Appendix A: id-aa-timeStampToken, the signature-time-stamp unsigned attribute. */
  timeStampToken: '1.2.840.113549.1.9.16.2.14',
  /** RFC 3161 §2.4.2: id-ct-TSTInfo, the content of a timestamp token. */
  tstInfo: '1.2.840.113549.1.9.16.1.4',
  /** RFC 5280 §4.2.1.12: id-kp-timeStamping. */
  timeStamping: '1.3.6.1.5.5.7.3.8',
  /** RFC 5280 §4.2.1.12: id-ce-extKeyUsage. */
  extKeyUsage: '2.5.29.37',
  /** RFC 5754 §2: the SHA-2 digests. */
  sha256: '2.16.840.1.101.3.4.2.1',
  sha384: '2.16.840.1.101.3.4.2.2',
  sha512: '2.16.840.1.101.3.4.2.3',
  /** RFC 4055 §5 and RFC 5758 §3.2: the signature algorithms our keys sign with. */
  sha256WithRsa: '1.2.840.113549.1.1.11',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
} as const;

/** The digests accepted for PAdES (SHA-256 or stronger), by OID, as Node's hash names. */
export const STRONG_DIGESTS: Readonly<Record<string, 'sha256' | 'sha384' | 'sha512'>> = {
  [OID.sha256]: 'sha256',
  [OID.sha384]: 'sha384',
  [OID.sha512]: 'sha512',
};
