/**
 * @module
 * Asks a timestamp authority (`TSA_URL`) for an RFC 3161 timestamp over a signature value:
 * a TimeStampReq (RFC 3161 §2.4.1) with the SHA-256 imprint, a fresh nonce and certReq, sent
 * by HTTP POST as `application/timestamp-query` (RFC 3161 §3.4). The request is bounded by a
 * timeout and the reply by a size limit, so a slow or hostile authority cannot hold a report
 * or the server's memory. The token is accepted only when it is granted, carries our nonce,
 * and verifies as the timestamp of exactly this signature value; anything else is a
 * `TimestampError`, and the caller stores nothing. The exchange itself (pkijs and all) is in
 * timestamp-request.ts and is loaded by the first timestamp, not at the server's start.
 */
import type { TimestampInfo } from './timestamp-token.js';

export { TimestampError } from './timestamp-error.js';

export const DEFAULT_TIMESTAMP_TIMEOUT_MS = 10_000;
/** A token with a chain of a few certificates is under 10 KiB; 64 KiB leaves room and stops abuse. */
export const DEFAULT_TIMESTAMP_MAX_RESPONSE_BYTES = 64 * 1024;

export type TimestampAuthorityOptions = {
  /** http or https; user and password in the URL are sent as HTTP basic authentication. */
  url: string;
  timeoutMs?: number;
  maxResponseBytes?: number;
};

export type TimestampAuthority = {
  /** The URL without user and password, for logs and messages. */
  url: string;
  /** The DER TimeStampToken for `signatureValue`, verified, with what it says. */
  timestamp(signatureValue: Uint8Array): Promise<{ token: Uint8Array; info: TimestampInfo }>;
};

/** The URL as it may be shown: credentials would otherwise end up in logs and problem details. */
export function redactUrl(url: URL): string {
  const shown = new URL(url.href);
  shown.username = '';
  shown.password = '';
  return shown.href;
}

/**
 * @example
 * const tsa = createTimestampAuthority({ url: env.TSA_URL });
 * const { token, info } = await tsa.timestamp(signatureValue);
 */
export function createTimestampAuthority(options: TimestampAuthorityOptions): TimestampAuthority {
  const url = new URL(options.url);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`TSA_URL moet http of https zijn, niet ${url.protocol}`);
  const shown = redactUrl(url);
  const limits = {
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMESTAMP_TIMEOUT_MS,
    maxResponseBytes: options.maxResponseBytes ?? DEFAULT_TIMESTAMP_MAX_RESPONSE_BYTES,
  };
  return {
    url: shown,
    timestamp: async (signatureValue) => (await import('./timestamp-request.js')).requestTimestamp(url, shown, limits, signatureValue),
  };
}
