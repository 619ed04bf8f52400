/**
 * @module
 * Password hashing with scrypt (memory-hard, RFC 7914) from `node:crypto`. A stored hash
 * carries its own parameters (`scrypt$N$r$p$salt$hash`), so the cost can be raised later
 * without breaking existing accounts.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

export type ScryptParams = { N: number; r: number; p: number };

/**
 * 2^16 x 8 x 128 B = 64 MiB and about 0.15-0.3 s per hash on the 2-core reference machine
 * (2^15 is OWASP's minimum; 2^17 doubles both memory and time, which ten simultaneous logins
 * on such a server would feel).
 */
export const DEFAULT_SCRYPT_PARAMS: ScryptParams = { N: 2 ** 16, r: 8, p: 1 };

const KEY_LENGTH = 64;
const SALT_LENGTH = 16;

function deriveKey(password: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  const options: ScryptOptions = { ...params, maxmem: 256 * params.N * params.r + 1024 * 1024 };
  return new Promise((resolve, reject) => {
    // The asynchronous form runs on libuv's thread pool: hashing never blocks requests.
    scrypt(password.normalize('NFC'), salt, KEY_LENGTH, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/**
 * @example await hashPassword('correct horse battery staple') // 'scrypt$65536$8$1$...$...'
 */
export async function hashPassword(password: string, params: ScryptParams = DEFAULT_SCRYPT_PARAMS): Promise<string> {
  const salt = randomBytes(SALT_LENGTH);
  const key = await deriveKey(password, salt, params);
  return ['scrypt', params.N, params.r, params.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** The length of a password the server makes for the first administrator (printed once). */
export const GENERATED_PASSWORD_LENGTH = 24;

/** A password whose hash was begun earlier (first-start.ts), at the cost given. */
export type PreparedPassword = { password: string; params: ScryptParams; hash: Promise<string> };

/** @example const prepared = preparePassword('correct horse battery staple', DEFAULT_SCRYPT_PARAMS); */
export function preparePassword(password: string, params: ScryptParams): PreparedPassword {
  return { password, params, hash: hashPassword(password, params) };
}

/** The prepared hash when it is of `password` at `params`; otherwise a new one. */
export function hashPasswordUsing(prepared: PreparedPassword | undefined, password: string, params: ScryptParams): Promise<string> {
  const fits =
    prepared !== undefined &&
    prepared.password === password &&
    prepared.params.N === params.N &&
    prepared.params.r === params.r &&
    prepared.params.p === params.p;
  return fits ? prepared.hash : hashPassword(password, params);
}

/** Compares in constant time; a malformed stored hash is a mismatch, not a crash. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [, n, r, p, saltText, keyText] = parts as [string, string, string, string, string, string];
  const params = { N: Number(n), r: Number(r), p: Number(p) };
  if (!Object.values(params).every((v) => Number.isSafeInteger(v) && v > 0)) return false;
  const expected = Buffer.from(keyText, 'base64url');
  const actual = await deriveKey(password, Buffer.from(saltText, 'base64url'), params);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

const dummyHashes = new Map<string, Promise<string>>();

/**
 * A hash of a random password with the given cost, made once per cost. Checking a login for
 * an unknown e-mail address against it takes as long as a wrong password, so response time
 * does not tell which addresses have accounts.
 */
export function dummyPasswordHash(params: ScryptParams): Promise<string> {
  const key = `${params.N}:${params.r}:${params.p}`;
  let hash = dummyHashes.get(key);
  if (hash === undefined) {
    hash = hashPassword(randomBytes(18).toString('base64url'), params);
    dummyHashes.set(key, hash);
  }
  return hash;
}

declare module '../../http/types.js' {
  interface AppConfig {
    /** scrypt cost for new password hashes; stored hashes carry their own. */
    passwordHash: ScryptParams;
  }
}
