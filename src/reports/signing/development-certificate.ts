/**
 * @module
 * The self-signed development certificate the server signs with when `SIGNING_P12` is not
 * set (api.md). It is made once and kept under the given directory, so that reports made on
 * one development machine keep one signer; every report it signs warns on its cover.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import forge from 'node-forge';
import { createP12Signer } from './p12-signer.js';
import type { ReportSigner } from './signer.js';
import type { TimestampAuthority } from './timestamp-client.js';

export const DEVELOPMENT_P12_FILE = 'development-signing.p12';
/** Not a secret: the file is a development stand-in, and the password only satisfies PKCS#12. */
export const DEVELOPMENT_P12_PASSWORD = 'gunningswijzer-ontwikkeling';

const VALID_YEARS = 5;

/** A new RSA key and a self-signed certificate, as a password-protected PKCS#12 (DER). */
export function createDevelopmentP12(options: { now?: Date } = {}): Buffer {
  const now = options.now ?? new Date();
  // forge delegates key generation to Node's native crypto when it is available.
  const keys = forge.pki.rsa.generateKeyPair({ bits: 2048, e: 0x10001 });
  const certificate = forge.pki.createCertificate();
  certificate.publicKey = keys.publicKey;
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
  certificate.sign(keys.privateKey, forge.md.sha256.create());
  const p12 = forge.pkcs12.toPkcs12Asn1(keys.privateKey, [certificate], DEVELOPMENT_P12_PASSWORD, {
    algorithm: 'aes256',
    friendlyName: 'Gunningswijzer ontwikkeling',
  });
  return Buffer.from(forge.asn1.toDer(p12).getBytes(), 'binary');
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
  mkdirSync(options.directory, { recursive: true });
  const p12 = createDevelopmentP12(options.now === undefined ? {} : { now: options.now });
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
