/**
 * @module
 * Hono's `bodyLimit`, called only where it must count. It asks for the request's body
 * stream, which makes the node adapter build a full WHATWG `Request` (a third of a small
 * write's cost); a GET has no body, and a body with a `Content-Length` is judged by that
 * header alone, as `bodyLimit` itself would. Only a chunked body is counted as it streams.
 */
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { AppError } from '../lib/app-error.js';
import { SAFE_METHODS } from './methods.js';
import type { AppEnv } from './types.js';

/** 413 with `detail` when a body exceeds `maxSize` bytes. */
export function limitBody(maxSize: number, detail: string): MiddlewareHandler<AppEnv> {
  const limit = bodyLimit({
    maxSize,
    onError: () => {
      throw new AppError('payload-too-large', { detail });
    },
  });
  return (c, next) => {
    if (SAFE_METHODS.has(c.req.method)) return next();
    const length = c.req.header('content-length');
    if (length === undefined || c.req.header('transfer-encoding') !== undefined) return limit(c, next);
    if (Number.parseInt(length, 10) > maxSize) throw new AppError('payload-too-large', { detail });
    return next();
  };
}
