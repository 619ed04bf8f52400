/**
 * @module
 * Starts the real server (`src/index.ts`) in a child process on a given database, for the
 * scripts that must kill it or load it from outside: the durability rounds and the server
 * benchmark. Resolves once the server logs the address it listens on.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

export type ServerProcess = { child: ChildProcess; baseUrl: string };

export function startServerProcess(options: {
  databasePath: string;
  admin: { email: string; password: string };
}): Promise<ServerProcess> {
  // GW_PROFILE_DIR=dir writes a V8 CPU profile of the server there when it stops (see docs/server.md).
  const profile = process.env.GW_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.GW_PROFILE_DIR}`] : [];
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', join(ROOT, 'src/index.ts')], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_PATH: options.databasePath,
      ADMIN_EMAIL: options.admin.email,
      ADMIN_PASSWORD: options.admin.password,
      LOG_LEVEL: 'info',
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
      const match = /"message":"listening","url":"(http:\/\/[^"]+)"/.exec(buffer);
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
