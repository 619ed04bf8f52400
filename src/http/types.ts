/**
 * @module
 * What every request handler can rely on: the dependencies the app was built with and, once
 * `authenticate` ran, the caller.
 *
 * Imports point one way, web -> modules -> http -> db/domain/lib (docs/architecture.md), so
 * this file names only what lies below it. What a module owns (its prepared queries, its
 * cache, the signer) the module adds to `AppContext` itself, with a `declare module` block
 * in its own file (TypeScript's declaration merging); likewise the request variables and
 * configuration a module adds. `createApp` (app.ts) builds the whole context.
 */
import type { Db } from '../db/client.js';
import type { Role } from '../db/schema/index.js';
import type { Logger } from '../lib/logger.js';

/** The time source; tests pass a fixed or stepping clock. */
export type Clock = () => Date;

/** The server's configuration; modules add their own settings (auth: `passwordHash`). */
export interface AppConfig {
  /** A session ends after this long without a request. */
  sessionIdleMs: number;
  /** A session ends this long after login, however active. */
  sessionAbsoluteMs: number;
  /** Bearer tokens live this long. */
  tokenLifetimeMs: number;
  /** Request bodies above this size answer 413. */
  bodyLimitBytes: number;
  /** Adds `Secure` to the session cookie (set behind HTTPS). */
  cookieSecure: boolean;
  /** Login attempts per e-mail address and client IP within `loginWindowMs`. */
  loginMaxAttempts: number;
  /** Wrong passwords per client IP within `loginWindowMs`, whatever the e-mail addresses. */
  loginMaxFailuresPerClient: number;
  loginWindowMs: number;
  /** Believe `X-Forwarded-For` for the client's address: a reverse proxy stands in front. */
  trustProxy: boolean;
  /**
   * Where clients reach the server, without a trailing slash (`PUBLIC_BASE_URL`). Absolute URLs
   * the server publishes are made from it, never from a request's Host header, which the
   * client chooses.
   */
  publicBaseUrl: string;
  /** The OCDS ocid prefix of this publisher (`OCDS_OCID_PREFIX`). */
  ocidPrefix: string;
  /** Who answers for the API: `info.contact` of the OpenAPI document (`API_CONTACT_*`). */
  apiContact: ApiContact;
}

export type ApiContact = { name: string; email: string; url: string };

export type Membership = { organisationId: string; role: Role };

/** The authenticated caller. */
export type Actor = {
  userId: string;
  email: string;
  name: string;
  isPlatformAdmin: boolean;
  memberships: Membership[];
  /** Cookie sessions are CSRF-checked; bearer tokens are not (a browser never adds them). */
  via: 'session' | 'token';
  /** The session's or token's hash, to end it at logout. */
  credentialHash: string;
};

/**
 * Everything services need, built once per app. The modules add their own members (each in a
 * `declare module '.../http/types.js'` block beside what it adds): `queries`
 * (modules/queries.ts), `evaluationCache`, `credentialCache`, `loginLimiter`,
 * `tenderViewCache`, `signer` and `anchorCertificates`.
 */
export interface AppContext {
  db: Db;
  clock: Clock;
  config: AppConfig;
  logger: Logger;
}

/** What a request carries between middleware and handler; modules add theirs (`tenderAccess`). */
export interface AppVariables {
  actor: Actor | null;
}

export type AppEnv = {
  Variables: AppVariables;
};
