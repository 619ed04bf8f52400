/**
 * The comparison's cache filled in the background after a start (comparison-warmup.ts, issue
 * 19): a restarted server (a second app on the same database file) answers its first regional
 * comparison without reading a tender, with exactly the answer a cold read gives, and a tender
 * that changes afterwards is read again. Drafts and tenders outside any regio are not read.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../src/app.js';
import type { Dossier } from '../../src/domain/evaluation/dossier.js';
import { createLogger } from '../../src/lib/logger.js';
import { startComparisonWarmup } from '../../src/modules/regions/comparison-warmup.js';
import { createClient, type TestClient } from '../helpers/client.js';
import { exampleDossier } from '../helpers/dossiers.js';
import { seedWorld, type World } from '../helpers/seed.js';
import { createTestApp, LONG_SESSIONS, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
let w: World;
const ids = { decided: '', open: '', almere: '', draft: '', utrecht: '' };

function restarted() {
  return createApp({ db: t.db, clock: t.clock.now, logger: createLogger({ level: 'silent' }), config: { ...LONG_SESSIONS } });
}

const comparisonPath = () => `/api/v1/regions/${w.orgs.regio}/comparison`;

async function importTender(client: TestClient, organisationId: string, dossier: Dossier): Promise<string> {
  const response = await client.post('/api/v1/tenders/import', { organisationId, dossier });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body.id;
}

const withReference = (reference: string, { lowBid = true } = {}): Dossier => {
  const base = exampleDossier();
  // Without the low bid of B3 nothing awaits an art. 2.116 review, so the decision can be taken.
  const bids = lowBid ? base.bids : base.bids.map((bid) => (bid.id === 'B3' ? { ...bid, price: 470000 } : bid));
  return { ...base, tender: { ...base.tender, reference }, bids };
};

beforeAll(async () => {
  t = createTestApp(LONG_SESSIONS);
  w = await seedWorld(t);
  ids.decided = await importTender(w.regioInkoper, w.orgs.regio, withReference('FLV-2026-1', { lowBid: false }));
  expect((await w.regioInkoper.post(`/api/v1/tenders/${ids.decided}/open`)).status).toBe(200);
  expect((await w.regioInkoper.post(`/api/v1/tenders/${ids.decided}/award-decision`)).status).toBe(200);
  ids.open = await importTender(w.regioInkoper, w.orgs.regio, withReference('FLV-2026-2'));
  expect((await w.regioInkoper.post(`/api/v1/tenders/${ids.open}/open`)).status).toBe(200);
  // A member gemeente's open tender: the regio's users do not count it yet, but it is read.
  ids.almere = await importTender(w.almereInkoper, w.orgs.almere, withReference('ALM-2026-1'));
  expect((await w.almereInkoper.post(`/api/v1/tenders/${ids.almere}/open`)).status).toBe(200);
  ids.draft = await importTender(w.lelystadInkoper, w.orgs.lelystad, withReference('LLS-2026-1'));
  ids.utrecht = await importTender(w.utrechtInkoper, w.orgs.utrecht, withReference('UTR-2026-1'));
  expect((await w.utrechtInkoper.post(`/api/v1/tenders/${ids.utrecht}/open`)).status).toBe(200);
});
afterAll(() => t.close());

describe('the comparison after a restart', () => {
  it('is answered from the cache the warm-up filled, equal to a cold read', async () => {
    const cold = await w.regioInkoper.get(comparisonPath());
    expect(cold.status).toBe(200);
    expect(cold.body.tenders).toBe(2);

    const server = restarted();
    const read = vi.spyOn(server.ctx.queries.regions, 'loadTenderRows');
    expect(await startComparisonWarmup(server.ctx).done).toBe(3);
    // The regio's and its members' tenders; Lelystad's draft and Utrecht's (no regio) are never read.
    expect(read.mock.calls.flatMap(([tenderIds]) => tenderIds).sort()).toEqual([ids.decided, ids.open, ids.almere].sort());

    read.mockClear();
    const warm = await createClient(server, { cookie: w.regioInkoper.cookie ?? '' }).get(comparisonPath());
    expect(warm.status).toBe(200);
    expect(read).not.toHaveBeenCalled();
    expect(warm.body).toEqual(cold.body);
  });

  it('reads a tender again once it changed after the warm-up, and only that one', async () => {
    const server = restarted();
    await startComparisonWarmup(server.ctx, { slice: 1 }).done;
    const read = vi.spyOn(server.ctx.queries.regions, 'loadTenderRows');
    const review = await w.regioInkoper.post(`/api/v1/tenders/${ids.open}/bids/B3/low-bid-review`, {
      action: 'request-explanation',
      deadline: '2026-03-17',
      questions: ['Hoe is de prijs opgebouwd?'],
    });
    expect(review.status, JSON.stringify(review.body)).toBe(200);

    const after = await createClient(server, { cookie: w.regioInkoper.cookie ?? '' }).get(comparisonPath());
    expect(after.status).toBe(200);
    expect(read.mock.calls).toEqual([[[ids.open]]]);
    const reviewed = after.body.providers.find((p: { kvk: string }) => p.kvk === exampleDossier().bids[2]?.provider.kvk);
    expect(reviewed.reviewOutcomes.pending).toBe(1);
  });

  it('reads nothing once stopped before its first slice', async () => {
    const server = restarted();
    const read = vi.spyOn(server.ctx.queries.regions, 'loadTenderRows');
    const warmup = startComparisonWarmup(server.ctx);
    warmup.stop();
    expect(await warmup.done).toBe(0);
    expect(read).not.toHaveBeenCalled();
  });

  it('leaves the event loop between slices', async () => {
    const server = restarted();
    let turns = 0;
    const ticking = setInterval(() => {
      turns += 1;
    }, 0);
    const tenders = await startComparisonWarmup(server.ctx, { slice: 1 }).done;
    clearInterval(ticking);
    expect(tenders).toBe(3);
    // The slices each waited for a turn of the loop: a timer due meanwhile ran in between.
    expect(turns).toBeGreaterThanOrEqual(1);
  });
});
