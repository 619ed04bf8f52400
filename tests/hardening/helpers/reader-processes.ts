/**
 * @module
 * Readers of a SQLite file in other processes, as a backup, an auditor's `sqlite3` shell or a
 * reporting tool would be: one that holds a read transaction (and so its snapshot) until
 * released, and readers that run short, overlapping read transactions until stopped.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

const LONG_READER = `
import Database from 'better-sqlite3';
const db = new Database(process.env.READER_DB, { readonly: true, fileMustExist: true });
db.exec('BEGIN');
const { n } = db.prepare('SELECT count(*) AS n FROM audit_events').get();
process.stdout.write(JSON.stringify({ ready: true, events: n }) + '\\n');
process.stdin.once('data', () => {
  db.exec('COMMIT');
  db.close();
  process.stdout.write(JSON.stringify({ released: true }) + '\\n');
  process.exit(0);
});
`;

const CHURNING_READER = `
import Database from 'better-sqlite3';
const db = new Database(process.env.READER_DB, { readonly: true, fileMustExist: true });
const pause = new Int32Array(new SharedArrayBuffer(4));
const read = db.prepare('SELECT count(*) AS n, max(seq) AS head FROM audit_events');
let stop = false;
let reads = 0;
process.stdin.once('data', () => { stop = true; });
process.stdout.write(JSON.stringify({ ready: true }) + '\\n');
while (!stop) {
  db.exec('BEGIN');
  read.get();
  // Hold the snapshot a little, as a report query would.
  Atomics.wait(pause, 0, 0, 1 + Math.floor(Math.random() * 8));
  db.exec('COMMIT');
  reads += 1;
  await new Promise((resolve) => setImmediate(resolve));
}
db.close();
process.stdout.write(JSON.stringify({ reads }) + '\\n');
process.exit(0);
`;

type Message = Record<string, unknown>;

function spawnReader(code: string, databasePath: string): { child: ChildProcess; next: () => Promise<Message> } {
  const child = spawn(process.execPath, ['--input-type=module', '-e', code], {
    cwd: ROOT,
    env: { ...process.env, READER_DB: databasePath },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const queue: Message[] = [];
  const waiting: ((m: Message) => void)[] = [];
  let buffer = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    let newline = buffer.indexOf('\n');
    while (newline >= 0) {
      const message = JSON.parse(buffer.slice(0, newline)) as Message;
      buffer = buffer.slice(newline + 1);
      const waiter = waiting.shift();
      if (waiter === undefined) queue.push(message);
      else waiter(message);
      newline = buffer.indexOf('\n');
    }
  });
  const next = () =>
    new Promise<Message>((resolve, reject) => {
      const queued = queue.shift();
      if (queued !== undefined) return resolve(queued);
      const timer = setTimeout(() => reject(new Error('reader process did not answer')), 20_000);
      waiting.push((m) => {
        clearTimeout(timer);
        resolve(m);
      });
    });
  return { child, next };
}

/** A reader that holds one read transaction open until `release()`. */
export async function startLongReader(databasePath: string): Promise<{ release: () => Promise<void>; kill: () => void }> {
  const { child, next } = spawnReader(LONG_READER, databasePath);
  await next();
  return {
    release: async () => {
      child.stdin?.write('release\n');
      await next();
    },
    kill: () => void child.kill('SIGKILL'),
  };
}

/** `count` readers running short, overlapping read transactions until `stop()`. */
export async function startChurningReaders(databasePath: string, count: number): Promise<{ stop: () => Promise<number>; kill: () => void }> {
  const readers = Array.from({ length: count }, () => spawnReader(CHURNING_READER, databasePath));
  await Promise.all(readers.map((r) => r.next()));
  return {
    stop: async () => {
      for (const r of readers) r.child.stdin?.write('stop\n');
      const done = await Promise.all(readers.map((r) => r.next()));
      return done.reduce((sum, m) => sum + Number(m.reads), 0);
    },
    kill: () => {
      for (const r of readers) r.child.kill('SIGKILL');
    },
  };
}
