/**
 * @module
 * `GET /health`: 200 once the app exists, which is after the database was opened and
 * migrated (the server builds the app only then).
 */
import { createRoute, z } from '@hono/zod-openapi';
import { createRouter, jsonContent } from '../../http/router.js';

const healthRoute = createRoute({
  method: 'get',
  path: '/health',
  tags: ['health'],
  summary: 'Liveness',
  responses: { 200: jsonContent(z.object({ status: z.literal('ok') }), 'Up') },
});

export function healthRoutes() {
  return createRouter().openapi(healthRoute, (c) => c.json({ status: 'ok' as const }, 200));
}
