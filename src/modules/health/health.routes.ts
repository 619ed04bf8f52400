/**
 * @module
 * `GET /health`: 200 once the app exists, which is after the database was opened and
 * migrated (the server builds the app only then). A plain route, not in the OpenAPI
 * document: the document describes version 1 of the API under `/api/v1`, and `/health` is
 * the operator's probe of the server, the same whatever the API version (docs/api-design-rules.md).
 */
import { Hono } from 'hono';
import type { AppEnv } from '../../http/types.js';

export function healthRoutes() {
  return new Hono<AppEnv>().get('/health', (c) => c.json({ status: 'ok' as const }, 200));
}
