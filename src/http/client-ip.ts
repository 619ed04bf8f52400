/**
 * @module
 * The client's IP address for rate limiting: the socket's peer. `X-Forwarded-For` is not
 * trusted, since any client can set it; behind a reverse proxy every client shares the
 * proxy's address, which makes the login limit stricter, never looser.
 */
import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';

/** Requests made with `app.request()` (tests) have no socket and count as `local`. */
export function clientIpOf(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'local';
  }
}
