/**
 * @module
 * The self-signed development certificate the server signs with when `SIGNING_P12` is not
 * set (api.md). It is made once and kept under the given directory, so that reports made on
 * one development machine keep one signer; every report it signs warns on its cover.
 * `prepareDevelopmentSigner` makes a new key in the thread pool, so that a first start does
 * other work meanwhile, and signs with the key it just made instead of decrypting the P12
 * it wrote (docs/build.md).
 */
import { type KeyObject, createPrivateKey, generateKeyPairSync, randomBytes, sign as cryptoSign } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import forge from 'node-forge';
import { DEVELOPMENT_P12_FILE, RSA_KEY, generateRsaKey } from './development-key.js';
import { createKeySigner, createP12Signer } from './p12-signer.js';
import type { ReportSigner } from './signer.js';
import type { TimestampAuthority } from './timestamp-client.js';

export { DEVELOPMENT_P12_FILE } from './development-key.js';
/** Not a secret: the file is a development stand-in, and the password only satisfies PKCS#12. */
export const DEVELOPMENT_P12_PASSWORD = 'gunningswijzer-ontwikkeling';

const VALID_YEARS = 5;

/** A new RSA key and a self-signed certificate, as a password-protected PKCS#12 (DER). */
export function createDevelopmentP12(options: { now?: Date } = {}): Buffer {
  return developmentP12For(generateKeyPairSync('rsa', RSA_KEY).privateKey, options.now ?? new Date()).p12;
}

/**
 * What `certificate.sign` does in forge (RFC 5280 §4.1.1.3: sha256WithRSAEncryption over the
 * DER of the TBSCertificate), with the RSA operation in Node's native crypto instead of
 * forge's JavaScript big integers, which took most of a first start's certificate.
 */
function signWithNodeCrypto(certificate: forge.pki.Certificate, key: KeyObject): void {
  const oid = forge.pki.oids['sha256WithRSAEncryption'] as string;
  certificate.signatureOid = oid;
  certificate.siginfo.algorithmOid = oid;
  // Defined by forge's pki module but missing from its type declarations.
  const { getTBSCertificate } = forge.pki as unknown as { getTBSCertificate: (c: forge.pki.Certificate) => forge.asn1.Asn1 };
  certificate.tbsCertificate = getTBSCertificate(certificate);
  const tbs = Buffer.from(forge.asn1.toDer(certificate.tbsCertificate).getBytes(), 'binary');
  certificate.signature = cryptoSign('sha256', tbs, key).toString('binary');
}

/** A self-signed certificate for the key, as a password-protected PKCS#12 (DER), and the certificate's DER. */
function developmentP12For(privateKeyPem: string, now: Date): { p12: Buffer; certificateDer: Buffer } {
  const privateKey = forge.pki.privateKeyFromPem(privateKeyPem) as forge.pki.rsa.PrivateKey;
  const certificate = forge.pki.createCertificate();
  certificate.publicKey = forge.pki.setRsaPublicKey(privateKey.n, privateKey.e);
  // A positive serial: the high bit cleared so DER does not read it as negative.
  certificate.serialNumber = `01${randomBytes(15).toString('hex')}`;
  certificate.validity.notBefore = new Date(now.getTime() - 60_000);
  certificate.validity.notAfter = new Date(now);
  certificate.validity.notAfter.setUTCFullYear(now.getUTCFullYear() + VALID_YEARS);
  const name = [
    { name: 'commonName', value: 'Gunningswijzer ontwikkelcertificaat (niet voor productie)' },
    { name: 'organizationName', value: 'Gunningswijzer (ontwikkeling)' },
    { name: 'countryName', value: 'NL' },
  ];
  certificate.setSubject(name);
  certificate.setIssuer(name);
  certificate.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  signWithNodeCrypto(certificate, createPrivateKey(privateKeyPem));
  const p12 = forge.pkcs12.toPkcs12Asn1(privateKey, [certificate], DEVELOPMENT_P12_PASSWORD, {
    algorithm: 'aes256',
    // The password is in the source (it only satisfies PKCS#12), so key stretching protects
    // nothing here; forge does it in JavaScript, at every start that reads the file.
    count: 1,
    friendlyName: 'Gunningswijzer ontwikkeling',
  });
  return {
    p12: Buffer.from(forge.asn1.toDer(p12).getBytes(), 'binary'),
    certificateDer: Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(certificate)).getBytes(), 'binary'),
  };
}

/**
 * Reads `<directory>/development-signing.p12`, creating it first when absent. The file is
 * written under a temporary name and then hard-linked into place: a second process never
 * reads half a file, and when two create at once the first link wins and both use it.
 * @example const { p12, created } = ensureDevelopmentP12({ directory: 'data' });
 */
export function ensureDevelopmentP12(options: { directory: string; now?: Date }): { p12: Buffer; path: string; created: boolean } {
  const path = join(options.directory, DEVELOPMENT_P12_FILE);
  if (existsSync(path)) return { p12: readFileSync(path), path, created: false };
  return storeDevelopmentP12(options.directory, path, createDevelopmentP12(options.now === undefined ? {} : { now: options.now }));
}

function storeDevelopmentP12(directory: string, path: string, p12: Buffer): { p12: Buffer; path: string; created: boolean } {
  mkdirSync(directory, { recursive: true });
  const temporary = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  writeFileSync(temporary, p12, { mode: 0o600 });
  try {
    linkSync(temporary, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return { p12: readFileSync(path), path, created: false };
  } finally {
    unlinkSync(temporary);
  }
  return { p12, path, created: true };
}

/**
 * The signer for development: the kept (or a new) development certificate, marked as such.
 * @example const signer = createDevelopmentSigner({ directory: 'data' });
 */
export function createDevelopmentSigner(options: {
  directory: string;
  now?: Date;
  timestampAuthority?: TimestampAuthority | undefined;
}): ReportSigner & { created: boolean; path: string } {
  const { p12, path, created } = ensureDevelopmentP12(options);
  const signer = createP12Signer({ p12, password: DEVELOPMENT_P12_PASSWORD, development: true, timestampAuthority: options.timestampAuthority });
  return { ...signer, created, path };
}

/**
 * As `createDevelopmentSigner`, with a new key generated in the thread pool (an RSA key
 * takes from a tenth of a second to a second) and, once made, used as it is.
 * @example const signer = await prepareDevelopmentSigner({ directory: 'data' });
 */
export async function prepareDevelopmentSigner(options: {
  directory: string;
  now?: Date;
  timestampAuthority?: TimestampAuthority | undefined;
  /** A key whose generation began earlier (first-start.ts); used only when no certificate is kept yet. */
  key?: Promise<string> | undefined;
}): Promise<ReportSigner & { created: boolean; path: string }> {
  const path = join(options.directory, DEVELOPMENT_P12_FILE);
  if (existsSync(path)) return createDevelopmentSigner(options);
  const privateKey = await (options.key ?? generateRsaKey());
  const made = developmentP12For(privateKey, options.now ?? new Date());
  const stored = storeDevelopmentP12(options.directory, path, made.p12);
  // Another process stored its certificate first: sign with that one, as every process will.
  if (!stored.created) return createDevelopmentSigner(options);
  const signer = createKeySigner(
    { privateKey: createPrivateKey(privateKey), certificates: [made.certificateDer] },
    { development: true, timestampAuthority: options.timestampAuthority },
  );
  return { ...signer, created: true, path };
}
