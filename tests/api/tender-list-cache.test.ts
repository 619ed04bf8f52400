/**
 * The tender list keeps each tender's view until the tender has a new audit event: the list
 * served after every kind of change equals one built afresh from the rows, and an unchanged
 * tender is not read again.
 */
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { toTenderView } from '../../src/modules/tenders/tenders.service.js';
import { createTenderBody, exampleDossier } from '../helpers/dossiers.js';
import { seedWorld, type World } from '../helpers/seed.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { importAlmereTender } from '../helpers/tenders.js';

let t: TestApp;
let w: World;
/** Reads of tender rows for the list (tenders whose view was not cached). */
let rowReads: MockInstance<(ids: readonly string[]) => unknown>;
/** The tenders read since the last call. */
function rowsRead(): string[] {
  const ids = rowReads.mock.calls.flatMap(([read]) => [...read]);
  rowReads.mockClear();
  return ids;
}
beforeEach(async () => {
  t = createTestApp();
  w = await seedWorld(t);
  rowReads = vi.spyOn(t.ctx.queries.tenders, 'listTendersByIds');
});
afterEach(() => t.close());

/** The list as served, and as built afresh from the stored rows. */
async function expectServedIsFresh(): Promise<{ id: string; tender: { title: string }; status: string }[]> {
  const served = await w.almereInkoper.get('/api/v1/tenders');
  expect(served.status).toBe(200);
  const fresh = (served.body as { id: string }[]).map(({ id }) => toTenderView(t.ctx, t.ctx.queries.tenders.findTender(id)!));
  expect(served.body).toEqual(JSON.parse(JSON.stringify(fresh)));
  return served.body;
}

describe('the tender list', () => {
  it('follows every change to a tender and reads only the changed ones again', async () => {
    const first = (await w.almereInkoper.post('/api/v1/tenders', createTenderBody(w.orgs.almere))).body.id as string;
    t.clock.advance(60_000); // the list is in order of creation
    const second = await importAlmereTender(w, exampleDossier());
    expect((await expectServedIsFresh()).map((x) => x.id)).toEqual([first, second]);
    expect(rowsRead().sort()).toEqual([first, second].sort());

    await expectServedIsFresh();
    expect(rowsRead()).toEqual([]);

    expect((await w.almereInkoper.patch(`/api/v1/tenders/${first}`, { title: 'Inburgering B1-route, herzien' })).status).toBe(200);
    const patched = await expectServedIsFresh();
    expect(patched.find((x) => x.id === first)?.tender.title).toBe('Inburgering B1-route, herzien');
    expect(rowsRead()).toEqual([first]);

    expect((await w.almereInkoper.post(`/api/v1/tenders/${second}/open`)).status).toBe(200);
    const opened = await expectServedIsFresh();
    expect(opened.find((x) => x.id === second)?.status).toBe('open');
    expect(rowsRead()).toEqual([second]);
  });
});
