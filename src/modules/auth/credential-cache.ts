/**
 * @module
 * Resolved bearer tokens: the holder and its memberships, reused while nothing outside the
 * tenders has changed. Tokens, users and memberships change only with an audit event of no
 * tender, in the same transaction; so the version is the newest such event, read from the
 * database on every request. A new membership or a new token anywhere drops every entry:
 * rare next to the requests a script makes with one token.
 *
 * Sessions are not cached: their idle timeout and `lastSeenAt` are read and written per
 * request (auth.service.ts).
 */
import { createVersionedCache, type VersionedCache } from '../../lib/versioned-cache.js';
import type { CredentialHolder } from './auth.queries.js';

export type CachedToken = CredentialHolder & { tokenId: string; expiresAt: number; lastUsedAt: number | null };

export type CredentialCache = VersionedCache<CachedToken>;

export const createCredentialCache = (): CredentialCache => createVersionedCache<CachedToken>({ maxEntries: 1000 });

declare module '../../http/types.js' {
  interface AppContext {
    credentialCache: CredentialCache;
  }
}
