/**
 * @module
 * `GET /api/v1/providers`, `POST /api/v1/providers` (inkoper).
 */
import { createRoute, z } from '@hono/zod-openapi';
import { requireActor } from '../../http/authenticate.js';
import { conflictResponse, createRouter, IdParams, invalidInput, jsonBody, jsonContent, problemResponses } from '../../http/router.js';
import type { AppContext } from '../../http/types.js';
import { createProvider, listProviders, updateProvider } from './providers.service.js';
import { KVK_MESSAGE } from '../../domain/evaluation/dossier.schema.js';
import { TEXT_LIMITS } from '../../domain/text/text-limits.js';
import { nonBlankLine } from '../../domain/text/text-fields.js';
import { providerAddressShape } from '../../domain/provider/provider-address.js';

/** The dossier's provider fields (spec: `kvk` is 8 digits). */
export const ProviderFields = {
  name: nonBlankLine('de naam', TEXT_LIMITS.name).trim(),
  kvk: z
    .string()
    .max(8, { abort: true, error: KVK_MESSAGE })
    .regex(/^[0-9]{8}$/, { error: KVK_MESSAGE }),
  keurmerk: z.boolean(),
  ...providerAddressShape,
};

const CreateProviderBody = z
  .strictObject({ organisationId: z.string().min(1).max(TEXT_LIMITS.serverId).optional(), ...ProviderFields })
  .openapi('CreateProvider');

const Provider = z
  .object({
    id: z.string(),
    organisationId: z.string(),
    name: z.string(),
    kvk: z.string(),
    keurmerk: z.boolean(),
    street: z.string().optional().openapi({ description: 'Straat en huisnummer' }),
    postcode: z.string().optional().openapi({ description: 'Postcode, als 1234 AB' }),
    place: z.string().optional().openapi({ description: 'Plaats' }),
    contactPerson: z.string().optional().openapi({ description: 'Contactpersoon' }),
    email: z.string().optional().openapi({ description: 'E-mailadres van de contactpersoon' }),
  })
  .openapi('Provider');

const listRoute = createRoute({
  method: 'get',
  path: '/api/v1/providers',
  tags: ['providers'],
  summary: "The providers of the caller's organisations",
  responses: { 200: jsonContent(z.array(Provider), 'Providers'), ...problemResponses },
});
const createProviderRoute = createRoute({
  method: 'post',
  path: '/api/v1/providers',
  tags: ['providers'],
  summary: 'Register a provider (school)',
  request: { body: jsonBody(CreateProviderBody) },
  responses: {
    201: jsonContent(Provider, 'The new provider'),
    ...problemResponses,
    ...invalidInput([{ path: 'organisationId', rule: 'verplicht voor wie inkoper is bij meer dan één organisatie' }]),
    ...conflictResponse,
  },
});

const UpdateProviderBody = z.strictObject(ProviderFields).openapi('UpdateProvider');

const updateProviderRoute = createRoute({
  method: 'put',
  path: '/api/v1/providers/{id}',
  tags: ['providers'],
  summary: 'Vervang de gegevens van een school (inkoper van haar organisatie); een weggelaten adresveld vervalt',
  request: { params: IdParams, body: jsonBody(UpdateProviderBody) },
  responses: { 200: jsonContent(Provider, 'De school zoals ze nu is'), ...problemResponses, ...conflictResponse },
});

export function providerRoutes(ctx: AppContext) {
  return createRouter()
    .openapi(listRoute, (c) => c.json(listProviders(ctx, { actor: requireActor(c) }), 200))
    .openapi(createProviderRoute, (c) => c.json(createProvider(ctx, { actor: requireActor(c), input: c.req.valid('json') }), 201))
    .openapi(updateProviderRoute, (c) =>
      c.json(updateProvider(ctx, { actor: requireActor(c), providerId: c.req.valid('param').id, input: c.req.valid('json') }), 200),
    );
}
