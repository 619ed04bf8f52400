/**
 * @module
 * Upload and download of a 20 MB bid document through the app (issue 20), against copying the
 * same file on disk with streams, measured in the same run. The upload streams the request
 * body through SHA-256 into 1 MiB chunk rows and the download streams the rows out, so the
 * memory the app holds must stay bounded whatever the file's size: the peak of live heap plus
 * buffers above the level before the transfer (sampled after full collections) is printed
 * next to the file's size and the disk copy's. Targets:
 * each transfer within 6x the disk copy (the database writes the file once to its WAL and
 * fsyncs per chunk), and a peak under 8 MiB for a 20 MiB file.
 */
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createApp } from '../src/app.js';
import { openDatabase } from '../src/db/client.js';
import { createLogger } from '../src/lib/logger.js';
import { ensurePlatformAdmin } from '../src/modules/users/users.service.js';
import { pdfDocument } from '../tests/helpers/documents.js';
import { createTenderBody } from '../tests/helpers/dossiers.js';
import { median, report } from './measure.js';

const MIB = 1024 * 1024;
const PASSWORD = 'benchmark wachtwoord lang genoeg';

/** A full garbage collection, for measuring what is live (not what awaits collection). */
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;

/** What `fn` takes: its time, unobserved. */
async function timed(fn: () => Promise<void>): Promise<number> {
  const began = performance.now();
  await fn();
  return performance.now() - began;
}

/**
 * The most memory (heap + buffers) live during `fn` above the level before it: sampled every
 * few milliseconds right after a full collection, so garbage not yet collected does not count.
 * Run apart from the timing, which the collections would slow down.
 */
async function livePeak(fn: () => Promise<void>): Promise<number> {
  const level = () => {
    collect();
    const m = process.memoryUsage();
    return m.heapUsed + m.arrayBuffers;
  };
  const start = level();
  let peak = start;
  const timer = setInterval(() => {
    peak = Math.max(peak, level());
  }, 5);
  try {
    await fn();
  } finally {
    clearInterval(timer);
  }
  return peak - start;
}

export async function runDocumentsBench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'gw-bench-documents-'));
  const db = openDatabase({ path: join(dir, 'bench.db') });
  try {
    const { app, ctx } = createApp({
      db,
      logger: createLogger({ level: 'silent' }),
      config: { passwordHash: { N: 1024, r: 8, p: 1 }, documentMaxBytes: 25 * MIB },
      signing: { kind: 'development', directory: join(tmpdir(), 'gunningswijzer-test-signing') },
    });
    const call = async (path: string, init: { method?: string; cookie?: string; json?: unknown } = {}) => {
      const response = await app.request(path, {
        method: init.method ?? (init.json === undefined ? 'GET' : 'POST'),
        headers: { 'content-type': 'application/json', ...(init.cookie === undefined ? {} : { cookie: init.cookie }) },
        ...(init.json === undefined ? {} : { body: JSON.stringify(init.json) }),
      });
      // biome-ignore lint/suspicious/noExplicitAny: the benchmark reads the answers of several routes, like the tests' client
      return { status: response.status, cookie: response.headers.get('set-cookie')?.split(';')[0], body: (await response.json()) as Record<string, any> };
    };
    await ensurePlatformAdmin(ctx, { email: 'beheer@bench.test', password: PASSWORD });
    const admin = (await call('/api/v1/auth/login', { json: { email: 'beheer@bench.test', password: PASSWORD } })).cookie;
    const org = await call('/api/v1/organisations', { cookie: admin, json: { name: 'Gemeente Bench', kind: 'gemeente' } });
    await call('/api/v1/users', {
      cookie: admin,
      json: { email: 'inkoper@bench.test', name: 'Inkoper', password: PASSWORD, memberships: [{ organisationId: org.body.id, role: 'inkoper' }] },
    });
    const cookie = (await call('/api/v1/auth/login', { json: { email: 'inkoper@bench.test', password: PASSWORD } })).cookie ?? '';
    const tender = await call('/api/v1/tenders', { cookie, json: createTenderBody(org.body.id) });
    if (tender.status !== 201) throw new Error(`tender: ${JSON.stringify(tender.body)}`);
    const bid = await call(`/api/v1/tenders/${tender.body.id}/bids`, {
      cookie,
      json: { provider: { name: 'Taalhuis', kvk: '30123456', keurmerk: true }, price: 500000 },
    });

    const source = join(dir, 'plan.pdf');
    writeFileSync(source, pdfDocument('Plan van aanpak', 20 * MIB));
    const size = statSync(source).size;
    const runs = 5;
    let n = 0;
    const upload = async () => {
      n += 1;
      const response = await app.request(`/api/v1/tenders/${tender.body.id}/bids/${bid.body.id}/documents?envelope=quality&name=plan-${n}.pdf`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/pdf', 'content-length': String(size) },
        body: Readable.toWeb(createReadStream(source)) as ReadableStream,
        duplex: 'half',
      } as RequestInit);
      const body = (await response.json()) as { id: string };
      if (response.status !== 201) throw new Error(`upload: ${JSON.stringify(body)}`);
      documentId = body.id;
    };
    const download = async () => {
      const response = await app.request(`/api/v1/tenders/${tender.body.id}/bids/${bid.body.id}/documents/${documentId}`, { headers: { cookie } });
      const hash = createHash('sha256');
      for await (const piece of response.body as unknown as AsyncIterable<Uint8Array>) hash.update(piece);
      hash.digest('hex');
    };
    const copyFile = (i: number) => async () => {
      await pipeline(createReadStream(source), createWriteStream(join(dir, `copy-${i}.pdf`)));
      rmSync(join(dir, `copy-${i}.pdf`));
    };
    let documentId = '';
    const copies: number[] = [];
    const uploads: number[] = [];
    const downloads: number[] = [];
    for (let i = 0; i < runs; i++) {
      copies.push(await timed(copyFile(i)));
      uploads.push(await timed(upload));
      downloads.push(await timed(download));
    }
    const copy = median(copies);
    const up = median(uploads);
    const down = median(downloads);
    const copyPeak = await livePeak(copyFile(runs));
    const peak = Math.max(await livePeak(upload), await livePeak(download));
    console.log(`\nDocument van ${(size / MIB).toFixed(1)} MiB ontvangen en geleverd (mediaan van ${runs})`);
    report([
      { label: 'kopie op schijf (stream, basislijn)', value: `${copy.toFixed(1)} ms` },
      { label: 'ontvangen (POST, SHA-256, chunks van 1 MiB)', value: `${up.toFixed(1)} ms` },
      { label: '  ontvangen / kopie', value: `${(up / copy).toFixed(1)}x`, target: '< 6x', ok: up / copy < 6 },
      { label: 'leveren (GET, chunk voor chunk)', value: `${down.toFixed(1)} ms` },
      { label: '  leveren / kopie', value: `${(down / copy).toFixed(1)}x`, target: '< 6x', ok: down / copy < 6 },
      { label: 'levend geheugen boven start, kopie (heap + buffers)', value: `${(copyPeak / MIB).toFixed(1)} MiB` },
      { label: 'levend geheugen boven start, ontvangen of leveren', value: `${(peak / MIB).toFixed(1)} MiB`, target: '< 8 MiB', ok: peak < 8 * MIB },
    ]);
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
