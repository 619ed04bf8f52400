/**
 * @module
 * Starts the real server in a child process on a given database, for the scripts that must
 * kill it or load it from outside: the durability rounds, the benchmarks and the tests of the
 * build. Resolves once the server logs the address it listens on. By default it runs the
 * sources (`src/index.ts` through tsx), as the tests do; `build: true` runs `dist/index.js`
 * with plain node, as `npm start` does (run `npm run build` first).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** What `npm start` runs, and what the tests run instead. */
export const SERVER_ENTRY = {
  build: [join(ROOT, 'dist', 'index.js')],
  source: ['--import', 'tsx', join(ROOT, 'src', 'index.ts')],
} as const;

export type ServerProcess = { child: ChildProcess; baseUrl: string };

export function startServerProcess(options: {
  databasePath: string;
  admin: { email: string; password: string };
  /** Run the build (`dist/index.js`) instead of the sources. */
  build?: boolean;
  /** The working directory; the package's own by default. */
  cwd?: string;
  /** More environment variables (signing, publication settings). */
  env?: NodeJS.ProcessEnv;
}): Promise<ServerProcess> {
  // GW_PROFILE_DIR=dir writes a V8 CPU profile of the server there when it stops (see docs/server.md).
  const profile = process.env.GW_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.GW_PROFILE_DIR}`] : [];
  const child = spawn(process.execPath, [...profile, ...(options.build ? SERVER_ENTRY.build : SERVER_ENTRY.source)], {
    cwd: options.cwd ?? ROOT,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_PATH: options.databasePath,
      ADMIN_EMAIL: options.admin.email,
      ADMIN_PASSWORD: options.admin.password,
      LOG_LEVEL: 'info',
      ...options.env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let buffer = '';
    // A server that never says it listens must not outlive the script.
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not start: ${buffer}`));
    }, 30_000);
    child.stderr?.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const match = /"message":"bereikbaar","url":"(http:\/\/[^"]+)"/.exec(buffer);
      if (match?.[1] !== undefined) {
        clearTimeout(timer);
        resolve({ child, baseUrl: match[1] });
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}: ${buffer}`));
    });
  });
}
