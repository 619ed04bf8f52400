/**
 * @module
 * The load mix shared by the load benchmark (`npm run bench:load`) and the kill -9 rounds
 * (`npm run test:crash`): a server seeded with users of several roles and 20-bid tenders,
 * driven by autocannon with reads (the evaluation, the tender list) and writes (consensus
 * scores, evaluators' own scores, new bids on draft tenders) from several bearer tokens.
 *
 * Every write carries a unique token (`load-<run>-<n>`) in a text field; each 2xx write is
 * remembered as acknowledged, so that afterwards `verifyAcknowledged` can look every one up
 * in SQLite: the bid row, or the audit event of the score, and the score row's agreement
 * with the newest event for it.
 */
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import type Database from 'better-sqlite3';
import { generateDossier } from '../tests/helpers/dossiers.js';
import { callApi, expectStatus, issueToken, loginCookie, type Credentials } from './api-session.js';

export const LOAD_KINDS = ['evaluation', 'tender-list', 'consensus', 'individual-score', 'bid'] as const;
export type LoadKind = (typeof LOAD_KINDS)[number];
export const READ_KINDS: readonly LoadKind[] = ['evaluation', 'tender-list'];

/** Shares of the mix, in percent: reads 70, writes 30. */
export const DEFAULT_WEIGHTS: Record<LoadKind, number> = { evaluation: 40, 'tender-list': 30, consensus: 12, 'individual-score': 10, bid: 8 };

const PASSWORD = 'load test password 12345';
const SCALE = [0, 2, 4, 6, 8, 10];

export type LoadWorld = {
  inkopers: string[];
  auditor: string;
  beoordelaars: { token: string; userId: string }[];
  /** Opened, no panel: consensus scores and evaluation reads. */
  consensusTender: string;
  /** Opened, with the beoordelaars declared: their own scores. */
  panelTender: string;
  /** One draft per inkoper: new bids. */
  draftTenders: string[];
  bidIds: string[];
  criterionIds: string[];
};

/**
 * Creates an organisation, two inkopers, two beoordelaars and an auditor (bearer tokens,
 * which survive a restart), and the tenders of the mix.
 */
export async function seedLoadWorld(baseUrl: string, admin: Credentials): Promise<LoadWorld> {
  const cookie = await loginCookie(baseUrl, admin);
  const org = expectStatus(
    await callApi(baseUrl, 'POST', '/api/v1/organisations', { auth: { cookie }, body: { name: 'Gemeente Almere', kind: 'gemeente' } }),
    201,
    'organisation',
  );
  const member = async (role: string, n: number) => {
    const email = `${role}-${n}@almere.test`;
    const created = expectStatus(
      await callApi(baseUrl, 'POST', '/api/v1/users', {
        auth: { cookie },
        body: { email, name: `${role} ${n}`, password: PASSWORD, memberships: [{ organisationId: org.id, role }] },
      }),
      201,
      `user ${email}`,
    );
    return { token: await issueToken(baseUrl, { email, password: PASSWORD }, 'load'), userId: created.id as string };
  };
  const inkopers = [await member('inkoper', 1), await member('inkoper', 2)];
  const beoordelaars = [await member('beoordelaar', 1), await member('beoordelaar', 2)];
  const auditor = await member('auditor', 1);
  // biome-ignore lint/style/noNonNullAssertion: the array literal above holds two inkopers
  const lead = { token: inkopers[0]!.token };
  const importTender = async (bids: number) =>
    expectStatus(
      await callApi(baseUrl, 'POST', '/api/v1/tenders/import', { auth: lead, body: { organisationId: org.id, dossier: generateDossier(bids) } }),
      201,
      'import',
    ).id as string;
  const consensusTender = await importTender(20);
  const panelTender = await importTender(20);
  for (const id of [consensusTender, panelTender]) expectStatus(await callApi(baseUrl, 'POST', `/api/v1/tenders/${id}/open`, { auth: lead }), 200, 'open');
  for (const b of beoordelaars) {
    expectStatus(await callApi(baseUrl, 'POST', `/api/v1/tenders/${panelTender}/evaluators`, { auth: lead, body: { userId: b.userId } }), 201, 'assign');
    expectStatus(
      await callApi(baseUrl, 'POST', `/api/v1/tenders/${panelTender}/conflict-declaration`, { auth: { token: b.token }, body: { noConflict: true } }),
      200,
      'declare',
    );
  }
  const draftTenders = [await importTender(2), await importTender(2)];
  const dossier = generateDossier(20);
  return {
    inkopers: inkopers.map((i) => i.token),
    auditor: auditor.token,
    beoordelaars,
    consensusTender,
    panelTender,
    draftTenders,
    bidIds: dossier.bids.map((b) => b.id),
    criterionIds: dossier.criteria.map((c) => c.id),
  };
}

/** A write the server answered 2xx for. */
export type AcknowledgedWrite = {
  kind: 'consensus' | 'individual-score' | 'bid';
  token: string;
  tenderId: string;
  /** `tender/bid/criterion[/evaluator]` for scores; for a bid, `tender/B<n>` once answered. */
  entityId: string;
};

export type KindStats = { latenciesMs: number[]; statuses: Map<number, number> };

export type LoadRun = {
  kinds: Record<LoadKind, KindStats>;
  acknowledged: AcknowledgedWrite[];
  /** autocannon's own totals. */
  totals: { requests: number; errors: number; timeouts: number; non2xx: number; durationSeconds: number; latencyP99: number };
};

type Context = { kind?: LoadKind; started?: number; pending?: Omit<AcknowledgedWrite, 'entityId'> & { entityId: string } };

// biome-ignore lint/style/noNonNullAssertion: the index lies in 0..length-1 and every list picked from is built non-empty above
const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)]!;

function pickKind(weights: Record<LoadKind, number>): LoadKind {
  const total = LOAD_KINDS.reduce((sum, k) => sum + weights[k], 0);
  let r = Math.random() * total;
  for (const kind of LOAD_KINDS) {
    r -= weights[kind];
    if (r < 0) return kind;
  }
  return 'evaluation';
}

/**
 * Drives the mix until `durationSeconds` pass or `stop()` is called (the kill -9 rounds
 * stop it right after killing the server). `acknowledged` grows while it runs.
 */
export function startLoad({
  baseUrl,
  world,
  durationSeconds,
  connections = 10,
  weights = DEFAULT_WEIGHTS,
  acknowledged = [],
}: {
  baseUrl: string;
  world: LoadWorld;
  durationSeconds: number;
  connections?: number;
  weights?: Record<LoadKind, number>;
  acknowledged?: AcknowledgedWrite[];
}): { done: Promise<LoadRun>; stop: () => void; acknowledged: AcknowledgedWrite[] } {
  const run = randomBytes(4).toString('hex');
  let counter = 0;
  const kinds = Object.fromEntries(LOAD_KINDS.map((k) => [k, { latenciesMs: [], statuses: new Map() }])) as unknown as Record<LoadKind, KindStats>;
  const json = (token: string) => ({ authorization: `Bearer ${token}`, 'content-type': 'application/json' });

  const setupRequest = (request: autocannon.Request, raw: object): autocannon.Request => {
    const context = raw as Context;
    const kind = pickKind(weights);
    counter += 1;
    const token = `load-${run}-${counter}`;
    context.kind = kind;
    context.pending = undefined;
    context.started = performance.now();
    switch (kind) {
      case 'evaluation':
        return {
          ...request,
          method: 'GET',
          path: `/api/v1/tenders/${world.consensusTender}/evaluation`,
          headers: json(pick([...world.inkopers, world.auditor])),
          body: undefined,
        };
      case 'tender-list':
        return { ...request, method: 'GET', path: '/api/v1/tenders', headers: json(pick([...world.inkopers, world.auditor])), body: undefined };
      case 'consensus': {
        const bid = pick(world.bidIds);
        const criterion = pick(world.criterionIds);
        const score = pick(SCALE);
        context.pending = { kind, token, tenderId: world.consensusTender, entityId: `${world.consensusTender}/${bid}/${criterion}` };
        return {
          ...request,
          method: 'PUT',
          path: `/api/v1/tenders/${world.consensusTender}/bids/${bid}/consensus/${criterion}`,
          headers: json(pick(world.inkopers)),
          body: JSON.stringify({ score, motivation: `Na overleg in het panel: ${score} punten voor ${bid} op ${criterion} (${token}).` }),
        };
      }
      case 'individual-score': {
        const evaluator = pick(world.beoordelaars);
        const bid = pick(world.bidIds);
        const criterion = pick(world.criterionIds);
        const score = pick(SCALE);
        context.pending = { kind, token, tenderId: world.panelTender, entityId: `${world.panelTender}/${bid}/${criterion}/${evaluator.userId}` };
        return {
          ...request,
          method: 'PUT',
          path: `/api/v1/tenders/${world.panelTender}/bids/${bid}/scores/${criterion}`,
          headers: json(evaluator.token),
          body: JSON.stringify({ score, motivation: `Inschrijving ${bid} scoort ${score} op ${criterion}: het plan is concreet uitgewerkt (${token}).` }),
        };
      }
      case 'bid': {
        const i = Math.floor(Math.random() * world.draftTenders.length);
        // biome-ignore lint/style/noNonNullAssertion: i is drawn below draftTenders.length, which the world makes non-empty
        const tenderId = world.draftTenders[i]!;
        context.pending = { kind, token, tenderId, entityId: '' };
        return {
          ...request,
          method: 'POST',
          path: `/api/v1/tenders/${tenderId}/bids`,
          // biome-ignore lint/style/noNonNullAssertion: i modulo the length of the non-empty inkopers list is one of its indexes
          headers: json(world.inkopers[i % world.inkopers.length]!),
          body: JSON.stringify({
            provider: { name: `School ${token}`, kvk: String(10_000_000 + (counter % 89_999_999)), keurmerk: true },
            price: 400_000 + counter,
          }),
        };
      }
    }
  };

  const onResponse = (status: number, body: string, raw: object) => {
    const context = raw as Context;
    if (context.kind === undefined || context.started === undefined) return;
    const stats = kinds[context.kind];
    stats.latenciesMs.push(performance.now() - context.started);
    stats.statuses.set(status, (stats.statuses.get(status) ?? 0) + 1);
    if (status >= 200 && status < 300 && context.pending !== undefined) {
      const entityId = context.pending.kind === 'bid' ? `${context.pending.tenderId}/${(JSON.parse(body) as { id: string }).id}` : context.pending.entityId;
      acknowledged.push({ ...context.pending, entityId });
    }
    context.pending = undefined;
  };

  let instance: autocannon.Instance | undefined;
  const done = new Promise<LoadRun>((resolve, reject) => {
    instance = autocannon(
      { url: baseUrl, connections, duration: durationSeconds, timeout: 10, requests: [{ setupRequest, onResponse }] },
      (error: unknown, result: autocannon.Result) => {
        if (error !== null && error !== undefined) return reject(error instanceof Error ? error : new Error(String(error)));
        resolve({
          kinds,
          acknowledged,
          totals: {
            requests: result.requests.total,
            errors: result.errors,
            timeouts: result.timeouts,
            non2xx: result.non2xx,
            durationSeconds: result.duration,
            latencyP99: result.latency.p99,
          },
        });
      },
    );
  });
  return { done, stop: () => instance?.stop(), acknowledged };
}

type EventRow = { seq: number; action: string; entityId: string; change: string };

const ACTIONS: Record<AcknowledgedWrite['kind'], string> = { consensus: 'consensus.set', 'individual-score': 'individual-score.set', bid: 'bid.create' };

/**
 * Looks every acknowledged write up in SQLite: a bid's row (with its provider name), a
 * score's audit event (carrying its token), and for every score touched, that the stored
 * row says what the newest event for it says. Answers the writes not found, and rows that
 * disagree with the log.
 */
export function verifyAcknowledged(
  sqlite: Database.Database,
  acknowledged: readonly AcknowledgedWrite[],
): { missing: AcknowledgedWrite[]; disagreeing: string[] } {
  const events = sqlite
    .prepare(
      "SELECT seq, action, entity_id AS entityId, change FROM audit_events WHERE action IN ('consensus.set', 'individual-score.set', 'bid.create') ORDER BY seq",
    )
    .all() as EventRow[];
  const byToken = new Map<string, EventRow>();
  const newest = new Map<string, EventRow>();
  for (const event of events) {
    // The token of the write this event records: in its `after`, not in the `before` it replaced.
    const after = (JSON.parse(event.change) as { after?: { motivation?: string; provider?: { name?: string } } }).after;
    const token = /load-[0-9a-f]{8}-\d+/.exec(after?.motivation ?? after?.provider?.name ?? '')?.[0];
    if (token !== undefined) byToken.set(token, event);
    newest.set(`${event.action} ${event.entityId}`, event);
  }
  const bidRow = sqlite.prepare('SELECT provider_name AS name FROM bids WHERE tender_id = ? AND id = ?');
  const missing = acknowledged.filter((write) => {
    const event = byToken.get(write.token);
    if (event === undefined || event.action !== ACTIONS[write.kind] || event.entityId !== write.entityId) return true;
    if (write.kind !== 'bid') return false;
    const [tenderId, bidId] = write.entityId.split('/');
    const row = bidRow.get(tenderId, bidId) as { name: string } | undefined;
    return row?.name !== `School ${write.token}`;
  });

  const disagreeing: string[] = [];
  const consensusRow = sqlite.prepare('SELECT motivation FROM consensus_scores WHERE tender_id = ? AND bid_id = ? AND criterion_id = ?');
  const individualRow = sqlite.prepare('SELECT motivation FROM individual_scores WHERE tender_id = ? AND bid_id = ? AND criterion_id = ? AND evaluator_id = ?');
  const touched = new Set(acknowledged.filter((w) => w.kind !== 'bid').map((w) => `${ACTIONS[w.kind]} ${w.entityId}`));
  for (const key of touched) {
    const event = newest.get(key);
    if (event === undefined) continue; // no event at all: already among the missing
    const after = (JSON.parse(event.change) as { after: { motivation: string } }).after;
    const parts = event.entityId.split('/');
    const row = (event.action === 'consensus.set' ? consensusRow.get(...parts.slice(0, 3)) : individualRow.get(...parts.slice(0, 4))) as
      | { motivation: string }
      | undefined;
    if (row?.motivation !== after.motivation) disagreeing.push(`${key}: row ${JSON.stringify(row?.motivation)}, log ${JSON.stringify(after.motivation)}`);
  }
  return { missing, disagreeing };
}

/** The p-th percentile (0..1) of `values`, by nearest rank. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  // biome-ignore lint/style/noNonNullAssertion: the rank is clamped to 0..length-1 and an empty list returned NaN above
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}
