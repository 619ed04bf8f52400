/**
 * A school's optional address and contact (issue 17): accepted with their text limits by the
 * school register and by a bid's `provider`, a Dutch postcode normalised to `1234 AB`, kept
 * through the dossier export, replayed from the audit trail, and without effect on the result.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { evaluateDossier } from '../../src/domain/evaluation/evaluate.js';
import { verifyAuditTrail } from '../../src/modules/audit/audit.service.js';
import { describeAuditEvent } from '../../src/modules/auditor/describe-audit-event.js';
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

describe('PUT /api/v1/providers/:id', () => {
  it("replaces the school's fields, records the change with before and after, and the trail replays it", async () => {
    const created = (await w.almereInkoper.post('/api/v1/providers', taalhuis)).body;
    const updated = await w.almereInkoper.put(`/api/v1/providers/${created.id}`, { ...taalhuis, ...address });
    expect(updated.status, JSON.stringify(updated.body)).toBe(200);
    expect(updated.body).toEqual({ ...created, ...stored });
    expect((await w.almereInkoper.get('/api/v1/providers')).body).toEqual([updated.body]);
    // Left out, an address field is removed (a PUT gives the whole school).
    const cleared = await w.almereInkoper.put(`/api/v1/providers/${created.id}`, { ...taalhuis, place: 'Almere' });
    expect(cleared.body).toEqual({ ...created, place: 'Almere' });
    const row = t.db.sqlite.prepare('SELECT street, postcode, place, contact_person, email FROM providers WHERE id = ?').get(created.id);
    expect(row).toEqual({ street: null, postcode: null, place: 'Almere', contact_person: null, email: null });
    const events = t.db.sqlite.prepare("SELECT change FROM audit_events WHERE action = 'provider.update' ORDER BY seq").all() as { change: string }[];
    expect(events.map((e) => JSON.parse(e.change))).toEqual([
      { before: created, after: updated.body },
      { before: updated.body, after: cleared.body },
    ]);
    expect(verifyAuditTrail(t.ctx)).toMatchObject({ valid: true, stateMismatch: null, state: { unknownActions: [] } });
    expect(describeAuditEvent({ action: 'provider.update', entityId: created.id, change: events.map((e) => JSON.parse(e.change))[1], redacted: false })).toBe(
      'Gegevens van school Taalhuis Flevoland gewijzigd: straat en huisnummer, postcode, contactpersoon, e-mailadres.',
    );
  });

  it('is 404 to another organisation, 403 to a member who is not its inkoper, 409 on a KvK number another school has, 400 on a bad postcode', async () => {
    const created = (await w.almereInkoper.post('/api/v1/providers', taalhuis)).body;
    const other = (await w.almereInkoper.post('/api/v1/providers', { ...taalhuis, kvk: '30999999' })).body;
    expect((await w.utrechtInkoper.put(`/api/v1/providers/${created.id}`, taalhuis)).status).toBe(404);
    expect((await w.utrechtInkoper.put(`/api/v1/providers/${created.id}`, {})).status).toBe(404);
    expect((await w.almereInkoper.put('/api/v1/providers/bestaat-niet', taalhuis)).status).toBe(404);
    expect((await w.almereBeoordelaar.put(`/api/v1/providers/${created.id}`, taalhuis)).status).toBe(403);
    const conflict = await w.almereInkoper.put(`/api/v1/providers/${other.id}`, taalhuis);
    expect(conflict.status).toBe(409);
    expect(conflict.body.errors).toEqual([{ path: 'kvk', message: 'dit KvK-nummer staat al in het register' }]);
    const bad = await w.almereInkoper.put(`/api/v1/providers/${created.id}`, { ...taalhuis, postcode: '12345' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([{ path: 'postcode', message: 'geen geldige postcode (1234 AB)' }]);
    expect(t.db.sqlite.prepare("SELECT count(*) AS n FROM audit_events WHERE action = 'provider.update'").get()).toEqual({ n: 0 });
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
    first.provider = { ...first.provider, postcode: '0315 AB' };
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
