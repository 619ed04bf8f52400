/**
 * `GET /api/v1/tenders/:id/ocds` through the API: the release package of a real tender in
 * the server, validated against the OCDS 1.1.5 schemas and the declared extensions copied in
 * standards/ocds/ (tests/unit/ocds/ocds-schemas.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleDossier } from '../helpers/dossiers.js';
import { seedWorld, type World } from '../helpers/seed.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { validators } from '../unit/ocds/ocds-schemas.js';
import { importAlmereTender } from '../helpers/tenders.js';

let t: TestApp;
let w: World;
let tenderId: string;
beforeAll(async () => {
  t = createTestApp({ publicBaseUrl: 'https://gunningswijzer.ijsselland.example.nl/aanbesteden', ocidPrefix: 'ocds-ijs123' });
  w = await seedWorld(t);
  tenderId = await importAlmereTender(w, exampleDossier());
});
afterAll(() => t.close());

describe('GET /api/v1/tenders/:id/ocds', () => {
  it('is a valid release package for a draft and for an opened tender', async () => {
    for (const step of ['draft', 'open']) {
      if (step === 'open') expect((await w.almereInkoper.post(`/api/v1/tenders/${tenderId}/open`)).status).toBe(200);
      const response = await w.almereAuditor.get(`/api/v1/tenders/${tenderId}/ocds`);
      expect(response.status).toBe(200);
      expect(validators.official.validatePackage(response.body)).toEqual([]);
      expect(validators.extended.validatePackage(response.body)).toEqual([]);
      const release = response.body.releases[0];
      expect(release.tender.id).toBe(tenderId);
      expect(release.parties.find((p: { roles: string[] }) => p.roles.includes('buyer')).name).toBe('Gemeente Almere');
    }
  });

  it('carries the bids with their ranks once opened', async () => {
    const release = (await w.almereInkoper.get(`/api/v1/tenders/${tenderId}/ocds`)).body.releases[0];
    const evaluation = (await w.almereInkoper.get(`/api/v1/tenders/${tenderId}/evaluation`)).body;
    const winner = release.bids.details.find((d: { rank?: number }) => d.rank === 1);
    const winningBid = exampleDossier().bids.find((b) => b.id === evaluation.winner);
    expect(winner.tenderers[0].name).toBe(winningBid?.provider.name);
    expect(release.bids.details).toHaveLength(exampleDossier().bids.length);
  });

  it('takes the package uri and the ocid prefix from configuration, never from the Host header', async () => {
    const response = await t.app.request(`http://evil.example/api/v1/tenders/${tenderId}/ocds`, {
      headers: { cookie: w.almereInkoper.cookie!, host: 'evil.example', 'x-forwarded-host': 'evil.example' },
    });
    expect(response.status).toBe(200);
    const ocds = (await response.json()) as { uri: string; releases: { ocid: string }[] };
    expect(ocds.uri).toBe(`https://gunningswijzer.ijsselland.example.nl/aanbesteden/api/v1/tenders/${tenderId}/ocds`);
    expect(ocds.releases[0]?.ocid).toBe(`ocds-ijs123-${tenderId}`);
    expect(JSON.stringify(ocds)).not.toContain('evil.example');
  });

  it("publishes a school's address from its bid, the postcode as stored, never its contact person or e-mail address", async () => {
    const dossier = exampleDossier();
    const [first] = dossier.bids;
    if (first === undefined) throw new Error('the example has no bids');
    Object.assign(first.provider, {
      street: 'Stationsplein 12',
      postcode: '1315kt',
      place: 'Almere',
      contactPerson: 'Jildou de Vries',
      email: 'j.devries@taalhuis.nl',
    });
    const imported = await w.almereInkoper.post('/api/v1/tenders/import', { organisationId: w.orgs.almere, dossier });
    expect(imported.status).toBe(201);
    const response = await w.almereInkoper.get(`/api/v1/tenders/${imported.body.id}/ocds`);
    expect(response.status).toBe(200);
    expect(validators.extended.validatePackage(response.body)).toEqual([]);
    const party = response.body.releases[0].parties.find((p: { id: string }) => p.id === `NL-KVK-${first.provider.kvk}`);
    expect(party.address).toEqual({ streetAddress: 'Stationsplein 12', postalCode: '1315 KT', locality: 'Almere', countryName: 'Nederland' });
    expect(party).not.toHaveProperty('contactPoint');
    expect(JSON.stringify(response.body)).not.toMatch(/Jildou de Vries|j\.devries@taalhuis\.nl/);
  });

  it('answers 403 to an evaluator on the panel, 404 to one off it and to another organisation', async () => {
    expect((await w.almereBeoordelaar.get(`/api/v1/tenders/${tenderId}/ocds`)).status).toBe(404);
    expect((await w.almereInkoper.post(`/api/v1/tenders/${tenderId}/evaluators`, { userId: w.almereBeoordelaar.userId })).status).toBe(201);
    expect((await w.almereBeoordelaar.get(`/api/v1/tenders/${tenderId}/ocds`)).status).toBe(403);
    expect((await w.utrechtAuditor.get(`/api/v1/tenders/${tenderId}/ocds`)).status).toBe(404);
  });
});
