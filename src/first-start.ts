/**
 * @module
 * What a first start waits for longest, begun before the server's code is read (index.ts):
 * the platform administrator's password hash (scrypt at 64 MiB) and, without `SIGNING_P12`,
 * the development certificate's RSA key. Both run in libuv's thread pool, on another core
 * while the main thread reads and compiles the server. A first start is one whose database
 * file does not exist yet: then the administrator will be made, so nothing is hashed in vain.
 * The server uses what was begun only where it fits (`ensurePlatformAdmin` checks the
 * password and the cost; a key is used only while no certificate is kept).
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Env } from './env.js';
import { generateSecret } from './lib/secrets.js';
import { DEFAULT_SCRYPT_PARAMS, GENERATED_PASSWORD_LENGTH, preparePassword, type PreparedPassword } from './modules/auth/passwords.js';
import { DEVELOPMENT_P12_FILE, generateRsaKey } from './reports/signing/development-key.js';

export type FirstStart = {
  /** The administrator's password (`ADMIN_PASSWORD`, or a new one to print) with its hash under way. */
  admin?: PreparedPassword;
  /** A development signing key (PEM) under way. */
  developmentKey?: Promise<string>;
};

/** A promise nobody may end up awaiting must not crash the process when it fails; its user sees the failure. */
function quiet<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}

/** @example const firstStart = beginFirstStart(loadEnvOrExit()); */
export function beginFirstStart(env: Env): FirstStart {
  if (env.DATABASE_PATH === ':memory:' || existsSync(env.DATABASE_PATH)) return {};
  const password = env.ADMIN_PASSWORD ?? generateSecret().slice(0, GENERATED_PASSWORD_LENGTH);
  const admin = preparePassword(password, DEFAULT_SCRYPT_PARAMS);
  // ensurePlatformAdmin awaits it when it uses it, and may not: `quiet` keeps a failure from ending the process.
  void quiet(admin.hash);
  const keyNeeded = env.SIGNING_P12 === undefined && !existsSync(join(dirname(env.DATABASE_PATH), DEVELOPMENT_P12_FILE));
  return { admin, ...(keyNeeded ? { developmentKey: quiet(generateRsaKey()) } : {}) };
}
