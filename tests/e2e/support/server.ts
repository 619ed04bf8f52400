/**
 * @module
 * The real HTTP server for the browser: `createApp` on a temporary SQLite file, listening
 * with @hono/node-server on 127.0.0.1 and a free port, with the people of the story created
 * through the API (as `npm run demo` does).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { createApp } from '../../../src/app.js';
import { openDatabase } from '../../../src/db/client.js';
import { createLogger } from '../../../src/lib/logger.js';
import { createMember, createOrganisation, seedPlatformAdmin } from '../../helpers/seed.js';
import type { TestClient } from '../../helpers/client.js';

export type StoryServer = {
  baseUrl: string;
  users: { inkoper: string; evaluatorA: string; evaluatorB: string; auditor: string };
  /** Gemeente Zwolle, and its inkoper as an API client: for what the browser test sets up without pages (a procedure import). */
  zwolle: string;
  inkoperApi: TestClient;
  close: () => Promise<void>;
};

export async function startStoryServer(): Promise<StoryServer> {
  const dir = mkdtempSync(join(tmpdir(), 'gw-e2e-'));
  const db = openDatabase({ path: join(dir, 'e2e.db') });
  // Cheap scrypt as in the API tests: the cost parameters are stored per hash, the code path is the same.
  const created = createApp({ db, logger: createLogger({ level: 'warn' }), config: { passwordHash: { N: 1024, r: 8, p: 1 } } });
  const t = { ...created, db, dbPath: join(dir, 'e2e.db'), clock: undefined as never, close: () => undefined };
  const admin = await seedPlatformAdmin(t);
  const zwolle = await createOrganisation(admin, { name: 'Gemeente Zwolle', kind: 'gemeente' });
  const inkoperApi = await createMember(t, admin, { organisationId: zwolle, role: 'inkoper', email: 'inkoper@zwolle.test' });
  const people = {
    inkoper: inkoperApi.email,
    evaluatorA: (await createMember(t, admin, { organisationId: zwolle, role: 'beoordelaar', email: 'anna@zwolle.test' })).email,
    evaluatorB: (await createMember(t, admin, { organisationId: zwolle, role: 'beoordelaar', email: 'bert@zwolle.test' })).email,
    auditor: (await createMember(t, admin, { organisationId: zwolle, role: 'auditor', email: 'auditor@zwolle.test' })).email,
  };
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: created.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    users: people,
    zwolle,
    inkoperApi,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          db.close();
          rmSync(dir, { recursive: true, force: true });
          resolve();
        });
      }),
  };
}
