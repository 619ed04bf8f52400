/**
 * @module
 * The client's IP address for rate limiting. By default the socket's peer: any client can
 * write `X-Forwarded-For`, so it is believed only when the operator says a reverse proxy
 * stands in front (`TRUST_PROXY=true`). Then the header's last address is the client: the
 * one the proxy itself appended (or wrote), while everything before it is what the client
 * sent and may be made up.
 */
import { isIP } from 'node:net';
import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';

/**
 * Requests made with `app.request()` (tests) have no socket and count as `local`.
 * @example clientIpOf(c, { trustProxy: ctx.config.trustProxy }) // '203.0.113.7'
 */
export function clientIpOf(c: Context, { trustProxy }: { trustProxy: boolean }): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim();
    if (forwarded !== undefined && isIP(forwarded) !== 0) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'local';
  }
}
