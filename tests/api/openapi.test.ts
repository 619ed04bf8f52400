import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '../helpers/client.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
let doc: any;
beforeAll(async () => {
  t = createTestApp();
  const response = await createClient(t).get('/openapi.json');
  expect(response.status).toBe(200);
  doc = response.body;
});
afterAll(() => t.close());

describe('/openapi.json', () => {
  it('is an OpenAPI 3.1 document', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info.title).toBe('Gunningswijzer API');
  });

  it('documents every route of the API (its paths relative to the server /api/v1)', () => {
    const documented = new Set<string>();
    for (const [path, operations] of Object.entries(doc.paths as Record<string, object>)) {
      for (const method of Object.keys(operations)) documented.add(`${method.toUpperCase()} ${doc.servers[0].url}${path.replace(/\{(\w+)\}/g, ':$1')}`);
    }
    // /health and the document itself belong to the server, not to version 1 of the API.
    const routes = t.app.routes
      .filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/v1/') && r.path !== '/api/v1/openapi.json')
      .map((r) => `${r.method} ${r.path}`);
    expect(routes.length).toBeGreaterThan(15);
    expect([...new Set(routes)].filter((r) => !documented.has(r))).toEqual([]);
  });

  it('shows request schemas from the same zod schemas, unknown fields forbidden', () => {
    const schema = doc.components.schemas.CreateUser;
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(['email', 'name', 'password', 'memberships']);
    expect(doc.components.schemas.Dossier.properties.bids.items.properties.provider.properties.kvk.pattern).toBe('^[0-9]{8}$');
    const importBody = doc.paths['/tenders/import'].post.requestBody.content['application/json'].schema;
    expect(importBody.$ref).toBe('#/components/schemas/ImportTender');
    expect(doc.components.schemas.ImportTender.properties.dossier.$ref).toBe('#/components/schemas/Dossier');
  });

  it('describes errors as problem details', () => {
    const problem = doc.paths['/tenders/{id}'].patch.responses['409'].content['application/problem+json'].schema;
    expect(problem.$ref).toBe('#/components/schemas/Problem');
  });
});
