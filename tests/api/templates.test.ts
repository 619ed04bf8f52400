import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedWorld, type World } from '../helpers/seed.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
let w: World;
beforeAll(async () => {
  t = createTestApp();
  w = await seedWorld(t);
});
afterAll(() => t.close());

describe('templates', () => {
  it('lists the tender templates for an inkoper only', async () => {
    const response = await w.almereInkoper.get('/api/v1/templates');
    expect(response.status).toBe(200);
    expect(response.body.map((x: { id: string }) => x.id)).toContain('b1-route');
    expect((await w.almereAuditor.get('/api/v1/templates')).status).toBe(403);
  });

  it('starts a draft tender from a template with the buyer’s own facts', async () => {
    const template = (await w.almereInkoper.get('/api/v1/templates')).body.find((x: { id: string }) => x.id === 'b1-route');
    const response = await w.almereInkoper.post('/api/v1/tenders', {
      organisationId: w.orgs.almere,
      template: 'b1-route',
      reference: 'ALM-2027-B1',
      title: 'Inburgering B1-route Almere',
      expectedLearners: 80,
    });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    expect(response.body.tender).toEqual({
      reference: 'ALM-2027-B1',
      title: 'Inburgering B1-route Almere',
      buyer: 'Gemeente Almere',
      lot: template.lot,
      expectedLearners: 80,
    });
    expect(response.body.award).toEqual(template.award);
    expect(response.body.criteria.map((c: { id: string }) => c.id)).toEqual(template.criteria.map((c: { id: string }) => c.id));
    expect(response.body.status).toBe('draft');
  });

  it('keeps what each score means (criterion description and levels) through the tender, the export and a re-import', async () => {
    const template = (await w.almereInkoper.get('/api/v1/templates')).body.find((x: { id: string }) => x.id === 'z-route');
    expect(template.criteria[0].levels.length).toBeGreaterThan(1);
    const created = await w.almereInkoper.post('/api/v1/tenders', {
      organisationId: w.orgs.almere,
      template: 'z-route',
      reference: 'ALM-2027-Z',
      title: 'Inburgering Z-route Almere',
    });
    expect(created.body.criteria).toEqual(template.criteria);
    const exported = (await w.almereAuditor.get(`/api/v1/tenders/${created.body.id}/dossier`)).body;
    expect(exported.criteria).toEqual(template.criteria);
    const again = await w.almereInkoper.post('/api/v1/tenders/import', { organisationId: w.orgs.almere, dossier: exported });
    expect((await w.almereInkoper.get(`/api/v1/tenders/${again.body.id}/dossier`)).body).toEqual(exported);
  });

  it('refuses an unknown template and a template combined with its own award fields', async () => {
    const base = { organisationId: w.orgs.almere, reference: 'R', title: 'T' };
    const unknown = await w.almereInkoper.post('/api/v1/tenders', { ...base, template: 'geen' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0].path).toBe('template');
    const clash = await w.almereInkoper.post('/api/v1/tenders', { ...base, template: 'b1-route', award: { method: 'fixed-price' } });
    expect(clash.status).toBe(400);
    expect(clash.body.errors.map((e: { path: string }) => e.path)).toEqual(['award']);
  });
});
