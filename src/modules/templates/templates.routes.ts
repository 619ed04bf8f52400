/**
 * @module
 * `GET /api/v1/templates` (inkoper): the tender templates of `templates/tenders/`.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { tenderTemplateSchema } from '../../domain/templates/template.schema.js';
import { requireActor } from '../../http/authenticate.js';
import { documentedBy, sentAs } from '../../http/documented.js';
import { createRouter, jsonContent, problemResponses } from '../../http/router.js';
import { AppError } from '../../lib/app-error.js';
import { listTemplates } from './templates.service.js';

const listRoute = createRoute({
  method: 'get',
  path: '/api/v1/templates',
  tags: ['templates'],
  summary: 'Tender templates per route, with their assumptions and sources (inkoper)',
  responses: {
    200: jsonContent(z.array(sentAs<z.output<typeof tenderTemplateSchema>>(documentedBy(tenderTemplateSchema, 'TenderTemplate'))), 'Templates'),
    ...problemResponses,
  },
});

export function templateRoutes() {
  return createRouter().openapi(listRoute, (c) => {
    if (!requireActor(c).memberships.some((m) => m.role === 'inkoper')) {
      throw new AppError('forbidden', { detail: 'Alleen een inkoper gebruikt de sjablonen voor een aanbesteding.' });
    }
    return c.json([...listTemplates()], 200);
  });
}
