/**
 * @module
 * The directory of the installed package, where the files read at run time lie
 * (`migrations/`, `templates/`, `src/web/static/`). It is found from this file by walking up
 * to the nearest `package.json`, because this code runs from two places: the sources
 * (`src/lib/`, under vitest and `npm run dev`) and the build (`dist/`, one bundle per entry
 * point, where a path relative to the source file would point elsewhere). Either way the
 * server may start from any working directory.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findPackageRoot(start: string): string {
  for (let directory = start; ; directory = dirname(directory)) {
    if (existsSync(join(directory, 'package.json'))) return directory;
    if (dirname(directory) === directory) throw new Error(`no package.json in ${start} or above`);
  }
}

/** The absolute path of the package's directory. */
export const PACKAGE_ROOT = findPackageRoot(dirname(fileURLToPath(import.meta.url)));

/** @example packagePath('templates', 'tenders') // PACKAGE_ROOT + '/templates/tenders' */
export function packagePath(...segments: string[]): string {
  return join(PACKAGE_ROOT, ...segments);
}
