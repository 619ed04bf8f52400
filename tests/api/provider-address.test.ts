/**
 * A school's optional address and contact (issue 17): accepted with their text limits by the
 * school register and by a bid's `provider`, a Dutch postcode normalised to `1234 AB`, kept
 * through the dossier export, replayed from the audit trail, and without effect on the result.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { evaluateDossier } from '../../src/domain/evaluation/evaluate.js';
import { verifyAuditTrail } from '../../src/modules/audit/audit.service.js';
import { evaluateWithTheCli } from '../helpers/cli.js';
import { exampleDossier } from '../helpers/dossiers.js';
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
const address = { street: 'Stationsplein 12', postcode: '1315kt', place: 'Almere', contactPerson: 'Jildou de Vries', email: 'j.devries@taalhuis.nl' };
const stored = { ...address, postcode: '1315 KT' };

describe('a school with an address', () => {
  it('is registered with its address, the postcode written as 1234 AB, and replays from the audit trail', async () => {
    const created = await w.almereInkoper.post('/api/v1/providers', { ...taalhuis, ...address });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toEqual({ id: expect.any(String), organisationId: w.orgs.almere, ...taalhuis, ...stored });
    expect((await w.almereInkoper.get('/api/v1/providers')).body).toEqual([created.body]);
    expect(verifyAuditTrail(t.ctx)).toMatchObject({ valid: true, stateMismatch: null });
    // A changed address in the table is a row the trail does not explain.
    t.db.sqlite.prepare('UPDATE providers SET place = ? WHERE id = ?').run('Lelystad', created.body.id);
    expect(verifyAuditTrail(t.ctx).stateMismatch).toMatchObject({ table: 'providers', problem: 'different' });
  });

  it('is registered without an address, as before', async () => {
    const created = await w.almereInkoper.post('/api/v1/providers', taalhuis);
    expect(created.body).toEqual({ id: expect.any(String), organisationId: w.orgs.almere, ...taalhuis });
  });

  it('refuses a postcode that is not Dutch, an e-mail address that is not one, a street over its limit and an unknown field', async () => {
    const bad = await w.almereInkoper.post('/api/v1/providers', {
      ...taalhuis,
      postcode: '0123 AB',
      email: 'info at school',
      street: 'x'.repeat(201),
      contactPerson: 'Anna\nde Boer',
    });
    expect(bad.status).toBe(400);
    expect((bad.body.errors as { path: string; message: string }[]).map((e) => [e.path, e.message]).sort()).toEqual([
      ['contactPerson', expect.stringContaining('de contactpersoon')],
      ['email', 'geen geldig e-mailadres (naam@domein.nl)'],
      ['postcode', 'geen geldige postcode (1234 AB)'],
      ['street', 'de straat en het huisnummer is te lang: hoogstens 200 tekens (nu 201)'],
    ]);
    const unknown = await w.almereInkoper.post('/api/v1/providers', { ...taalhuis, huisnummer: '12' });
    expect(unknown.status).toBe(400);
  });
});

describe("a bid's inschrijver with an address", () => {
  it('is imported, added and edited with its address, exported in the dossier, and the trail replays the table', async () => {
    const dossier = exampleDossier();
    const [first] = dossier.bids;
    if (first === undefined) throw new Error('no bid');
    first.provider = { ...first.provider, ...address };
    const imported = await w.almereInkoper.post('/api/v1/tenders/import', { organisationId: w.orgs.almere, dossier });
    expect(imported.status, JSON.stringify(imported.body)).toBe(201);
    const id = imported.body.id as string;
    const exported = (await w.almereInkoper.get(`/api/v1/tenders/${id}/dossier`)).body;
    expect(exported.bids[0].provider).toEqual({ ...first.provider, ...stored });
    expect(exported.bids[1].provider).toEqual(dossier.bids[1]?.provider);

    const added = await w.almereInkoper.post(`/api/v1/tenders/${id}/bids`, {
      id: 'B9',
      provider: { name: 'Taalschool Oost', kvk: '30111111', keurmerk: false, place: 'Zwolle' },
      price: 500000,
    });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    expect(added.body.provider).toEqual({ name: 'Taalschool Oost', kvk: '30111111', keurmerk: false, place: 'Zwolle' });

    // An edit that leaves the address out removes it (a PATCH gives the whole provider).
    const edited = await w.almereInkoper.patch(`/api/v1/tenders/${id}/bids/B1`, { provider: { ...taalhuis, postcode: '2514ea' } });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(edited.body.provider).toEqual({ ...taalhuis, postcode: '2514 EA' });
    expect((await w.almereInkoper.get(`/api/v1/tenders/${id}/dossier`)).body.bids[0].provider).toEqual({ ...taalhuis, postcode: '2514 EA' });
    expect(verifyAuditTrail(t.ctx)).toMatchObject({ valid: true, stateMismatch: null });
  });

  it('refuses a bad postcode at its path', async () => {
    const dossier = exampleDossier();
    const [first] = dossier.bids;
    if (first === undefined) throw new Error('no bid');
    first.provider = { ...first.provider, postcode: '1315 SS' };
    const refused = await w.almereInkoper.post('/api/v1/tenders/import', { organisationId: w.orgs.almere, dossier });
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([{ path: 'dossier.bids[0].provider.postcode', message: 'geen geldige postcode (1234 AB)' }]);
  });

  it('changes nothing in the evaluation: the command line gives the same result with and without addresses', () => {
    const plain = exampleDossier();
    const addressed = exampleDossier();
    for (const bid of addressed.bids) bid.provider = { ...bid.provider, ...address };
    const withAddresses = evaluateWithTheCli(addressed);
    expect(withAddresses).toEqual(evaluateWithTheCli(plain));
    expect(withAddresses).toEqual(JSON.parse(JSON.stringify(evaluateDossier(plain))));
  });
});
