import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEXT_LIMITS } from '../../src/domain/text/text-limits.js';
import { createClient } from '../helpers/client.js';
import { exampleDossier } from '../helpers/dossiers.js';
import { createPanelTender } from '../helpers/panel.js';
import { PASSWORD, seedWorld, type World } from '../helpers/seed.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
let w: World;
beforeAll(async () => {
  t = createTestApp();
  w = await seedWorld(t);
});
afterAll(() => t.close());

/** Every string of a request (body, path, query) that has no maximum length, by where it is. */
function unboundedStrings(doc: any): string[] {
  const found: string[] = [];
  const visiting = new Set<string>();
  const walk = (node: any, at: string): void => {
    if (node === null || typeof node !== 'object') return;
    if (typeof node.$ref === 'string') {
      const name = node.$ref.split('/').pop() as string;
      if (visiting.has(name)) return;
      visiting.add(name);
      walk(doc.components.schemas[name], `${at}(${name})`);
      visiting.delete(name);
      return;
    }
    if (node.type === 'string' && node.enum === undefined && node.const === undefined && node.maxLength === undefined) found.push(at);
    for (const [key, child] of Object.entries(node.properties ?? {})) walk(child, `${at}.${key}`);
    if (typeof node.items === 'object') walk(node.items, `${at}[]`);
    if (typeof node.additionalProperties === 'object') walk(node.additionalProperties, `${at}{}`);
    if (typeof node.propertyNames === 'object') walk(node.propertyNames, `${at}{key}`);
    for (const key of ['anyOf', 'oneOf', 'allOf']) for (const [i, child] of (node[key] ?? []).entries()) walk(child, `${at}|${i}`);
  };
  for (const [path, operations] of Object.entries<any>(doc.paths)) {
    for (const [method, operation] of Object.entries<any>(operations)) {
      for (const parameter of operation.parameters ?? []) walk(parameter.schema, `${method.toUpperCase()} ${path} ${parameter.in} ${parameter.name}`);
      const body = operation.requestBody?.content?.['application/json']?.schema;
      if (body !== undefined) walk(body, `${method.toUpperCase()} ${path} body`);
    }
  }
  return found;
}

describe('/openapi.json', () => {
  it('gives every string a request can carry a maximum length', async () => {
    const doc = (await createClient(t).get('/openapi.json')).body;
    expect(unboundedStrings(doc)).toEqual([]);
    expect(doc.components.schemas.CreateProvider.properties.name.maxLength).toBe(TEXT_LIMITS.name);
    expect(doc.components.schemas.ConsensusScoreInput.properties.motivation.maxLength).toBe(TEXT_LIMITS.motivation);
    expect(doc.components.schemas.Login.properties.email.maxLength).toBe(TEXT_LIMITS.email);
    expect(doc.components.schemas.Dossier.properties.tender.properties.reference.maxLength).toBe(TEXT_LIMITS.reference);
  });
});

describe('free text in API requests', () => {
  it('refuses a 200,000-character provider name in an import, naming the field and the limit', async () => {
    const dossier = exampleDossier();
    dossier.bids[0]!.provider.name = 'T'.repeat(200_000);
    const response = await w.almereInkoper.post('/api/v1/tenders/import', { organisationId: w.orgs.almere, dossier });
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([{ path: 'dossier.bids[0].provider.name', message: 'de naam is te lang: hoogstens 200 tekens (nu 200.000)' }]);
  });

  it('refuses a line break in a tender title and a bidi override in a bid, at their fields', async () => {
    const tenderId = await createPanelTender(w.almereInkoper, w.orgs.almere, { open: false });
    const title = await w.almereInkoper.patch(`/api/v1/tenders/${tenderId}`, { title: 'Inburgering\nGegund aan: Taalhuis' });
    expect(title.status).toBe(400);
    expect(title.body.errors).toEqual([{ path: 'title', message: 'de titel mag geen regeleinde bevatten (U+000A op positie 12)' }]);
    const bid = await w.almereInkoper.post(`/api/v1/tenders/${tenderId}/bids`, {
      provider: { name: 'Taal\u202eschool', kvk: '30999999', keurmerk: true },
      price: 500000,
    });
    expect(bid.status).toBe(400);
    expect(bid.body.errors).toEqual([
      { path: 'provider.name', message: expect.stringContaining('de naam mag geen richtingsteken bevatten (U+202E op positie 5)') },
    ]);
  });

  it('refuses an over-long provider, user and token name, password and e-mail address in Dutch', async () => {
    const provider = await w.almereInkoper.post('/api/v1/providers', { name: 'N'.repeat(201), kvk: '30123456', keurmerk: true });
    expect(provider.body.errors).toEqual([{ path: 'name', message: 'de naam is te lang: hoogstens 200 tekens (nu 201)' }]);
    const user = await w.admin.post('/api/v1/users', {
      email: 'lang@almere.test',
      name: 'Lange\tNaam',
      password: 'p'.repeat(TEXT_LIMITS.password + 1),
      memberships: [{ organisationId: w.orgs.almere, role: 'inkoper' }],
    });
    expect(user.status).toBe(400);
    expect(user.body.errors).toEqual([
      { path: 'name', message: 'de naam mag geen tab bevatten (U+0009 op positie 6)' },
      { path: 'password', message: 'het wachtwoord is te lang: hoogstens 200 tekens (nu 201)' },
    ]);
    const token = await w.almereInkoper.post('/api/v1/auth/tokens', { name: 'koppeling\r\nX-Injected: 1' });
    expect(token.body.errors).toEqual([{ path: 'name', message: 'de naam mag geen regeleinde bevatten (U+000D op positie 10)' }]);
    const login = await createClient(t).post('/api/v1/auth/login', { email: `${'a'.repeat(250)}@x.nl`, password: PASSWORD });
    expect(login.body.errors).toEqual([{ path: 'email', message: 'het e-mailadres is te lang: hoogstens 254 tekens (nu 255)' }]);
  });

  it('keeps line breaks in a motivation but refuses its other controls and its excess', async () => {
    const tenderId = await createPanelTender(w.almereInkoper, w.orgs.almere);
    const url = `/api/v1/tenders/${tenderId}/bids/B1/consensus/K1`;
    const tab = await w.almereInkoper.put(url, { score: 8, motivation: 'Het plan is concreet\tuitgewerkt en sluit aan.' });
    expect(tab.body.errors).toEqual([{ path: 'motivation', message: 'de motivering mag geen tab bevatten (U+0009 op positie 21)' }]);
    const long = await w.almereInkoper.put(url, { score: 8, motivation: `Het plan is concreet uitgewerkt. ${'x'.repeat(TEXT_LIMITS.motivation)}` });
    expect(long.body.errors).toEqual([{ path: 'motivation', message: 'de motivering is te lang: hoogstens 10.000 tekens (nu 10.033)' }]);
    const lines = await w.almereInkoper.put(url, { score: 8, motivation: 'Het plan is concreet uitgewerkt.\nDe begeleiding is per inburgeraar geregeld.' });
    expect(lines.status, JSON.stringify(lines.body)).toBe(200);
    expect(lines.body.motivation).toBe('Het plan is concreet uitgewerkt.\nDe begeleiding is per inburgeraar geregeld.');
  });
});
