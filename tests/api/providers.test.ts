import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedWorld, type World } from '../helpers/seed.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
let w: World;
beforeEach(async () => {
  t = createTestApp();
  w = await seedWorld(t);
});
afterEach(() => t.close());

const taalhuis = { name: 'Taalhuis Flevoland', kvk: '30123456', keurmerk: true };

describe('providers', () => {
  it("registers a provider in the inkoper's organisation and lists only that organisation's", async () => {
    const created = await w.almereInkoper.post('/api/v1/providers', taalhuis);
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ id: expect.any(String), organisationId: w.orgs.almere, ...taalhuis });
    await w.utrechtInkoper.post('/api/v1/providers', { name: 'Utrechtse Taalschool', kvk: '30999999', keurmerk: false });

    const almereList = await w.almereInkoper.get('/api/v1/providers');
    expect(almereList.body).toEqual([created.body]);
    const utrechtList = await w.utrechtInkoper.get('/api/v1/providers');
    expect(utrechtList.body.map((p: { name: string }) => p.name)).toEqual(['Utrechtse Taalschool']);
  });

  it('refuses a duplicate KvK number within one organisation but not across organisations', async () => {
    expect((await w.almereInkoper.post('/api/v1/providers', taalhuis)).status).toBe(201);
    expect((await w.almereInkoper.post('/api/v1/providers', taalhuis)).status).toBe(409);
    expect((await w.utrechtInkoper.post('/api/v1/providers', taalhuis)).status).toBe(201);
  });

  it('validates the KvK number and answers 404 for an organisation that is not yours', async () => {
    const bad = await w.almereInkoper.post('/api/v1/providers', { ...taalhuis, kvk: '123' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([{ path: 'kvk', message: 'KvK-nummer moet precies 8 cijfers zijn' }]);
    const other = await w.almereInkoper.post('/api/v1/providers', { ...taalhuis, organisationId: w.orgs.utrecht });
    expect(other.status).toBe(404);
  });

  it('is for inkopers only', async () => {
    expect((await w.almereAuditor.get('/api/v1/providers')).status).toBe(403);
    expect((await w.almereBeoordelaar.post('/api/v1/providers', taalhuis)).status).toBe(403);
  });
});
