/**
 * @module
 * For the tests of what `npm run build` makes (`dist/`): the tests themselves run the
 * sources, so a `dist/` older than the sources would test yesterday's code. `npm test` builds
 * before it runs vitest; run alone, a test of the build says to build first.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function newestIn(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestIn(join(path, name))), 0);
}

/** Throws unless `dist/` was built after the last change to what it is built from. */
export function assertBuildIsCurrent(): void {
  const stamp = join(ROOT, 'dist', '.built');
  if (!existsSync(stamp)) throw new Error('dist/ is missing: run `npm run build` (npm test does)');
  const built = statSync(stamp).mtimeMs;
  const sources = Math.max(...['src', 'scripts', 'package.json'].map((path) => newestIn(join(ROOT, path))));
  if (sources > built) throw new Error('dist/ is older than the sources: run `npm run build` (npm test does)');
}
