/**
 * @module
 * Hono's `bodyLimit`, for the methods that carry a body. On a GET it would ask for the
 * request's body stream, which makes the node adapter build a full WHATWG `Request` for
 * nothing; the read routes are the hot ones.
 */
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { AppError } from '../lib/app-error.js';
import type { AppEnv } from './types.js';

const BODYLESS_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** 413 with `detail` when a body exceeds `maxSize` bytes. */
export function limitBody(maxSize: number, detail: string): MiddlewareHandler<AppEnv> {
  const limit = bodyLimit({
    maxSize,
    onError: () => {
      throw new AppError('payload-too-large', { detail });
    },
  });
  return (c, next) => (BODYLESS_METHODS.has(c.req.method) ? next() : limit(c, next));
}
