/**
 * @module
 * The key of the development signing certificate (development-certificate.ts) and where it
 * is kept, apart from node-forge, so that a first start can begin generating it before the
 * rest of the server is read (first-start.ts).
 */
import { generateKeyPair, type RSAKeyPairOptions } from 'node:crypto';

export const DEVELOPMENT_P12_FILE = 'development-signing.p12';

export const RSA_KEY: RSAKeyPairOptions<'pem', 'pem'> = {
  modulusLength: 2048,
  publicExponent: 0x10001,
  publicKeyEncoding: { type: 'spki', format: 'pem' },
  privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
};

/** A new RSA private key (PEM), generated in the thread pool: from a tenth of a second to a second. */
export function generateRsaKey(): Promise<string> {
  return new Promise((resolve, reject) => generateKeyPair('rsa', RSA_KEY, (error, _publicKey, privateKey) => (error ? reject(error) : resolve(privateKey))));
}
