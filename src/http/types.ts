/**
 * @module
 * What every request handler can rely on: the dependencies the app was built with and, once
 * `authenticate` ran, the caller.
 */
import type { Db } from '../db/client.js';
import type { Role } from '../db/schema/index.js';
import type { Logger } from '../lib/logger.js';
import type { Queries } from '../modules/queries.js';
import type { ScryptParams } from '../modules/auth/passwords.js';
import type { TenderAccess } from '../modules/tenders/tender-access.js';
import type { EvaluationCache } from '../modules/evaluation/evaluation-cache.js';
import type { CredentialCache } from '../modules/auth/credential-cache.js';
import type { LoginLimiter } from '../modules/auth/login-rate-limit.js';
import type { TenderView } from '../modules/tenders/tenders.service.js';
import type { VersionedCache } from '../lib/versioned-cache.js';
import type { ReportSigner } from '../reports/signing/signer.js';
import type { AnchorCertificates } from '../modules/audit/anchor-signature.js';

/** The time source; tests pass a fixed or stepping clock. */
export type Clock = () => Date;

export type AppConfig = {
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
  /** scrypt cost for new password hashes; stored hashes carry their own. */
  passwordHash: ScryptParams;
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
};

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

/** Everything services need, built once per app. */
export type AppContext = {
  db: Db;
  queries: Queries;
  clock: Clock;
  config: AppConfig;
  logger: Logger;
  evaluationCache: EvaluationCache;
  credentialCache: CredentialCache;
  /** One limiter for every password check: the API's login, the form's and a password change. */
  loginLimiter: LoginLimiter;
  /** The tender list's views per tender, by the tender's newest audit event. */
  tenderViewCache: VersionedCache<TenderView>;
  /** The certificate that signs reports, made on first use (see modules/reports/report-signer.ts). */
  signer: () => ReportSigner;
  /** The certificates signed heads of the audit chain are checked with: the signer's and the previous ones configured. */
  anchorCertificates: () => AnchorCertificates;
};

export type AppEnv = {
  Variables: {
    actor: Actor | null;
    /** Set by `tenderScope` on every route under `/api/v1/tenders/:id`. */
    tenderAccess?: TenderAccess;
  };
};
