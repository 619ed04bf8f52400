/**
 * What the server reads before it answers its first request: the modules `src/server.ts`
 * imports statically, followed through every file. The PDF and spreadsheet libraries are
 * loaded by `import()` where a report is drawn or checked or a sheet read: statically
 * reached, they cost the start some 300 ms of reading and compiling (issue 19, docs/build.md).
 */
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const LOADED_WHEN_USED = ['pdfkit', 'pdfjs-dist', 'fontkit', 'exceljs', 'fast-csv'];

/** Each input esbuild reads from `entry`, with the input that first imported it statically. */
async function staticallyReached(entry: string): Promise<Map<string, string | null>> {
  const { metafile } = await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    splitting: true,
    outdir: 'dist-start-imports-test',
    write: false,
    metafile: true,
    logLevel: 'silent',
    jsx: 'automatic',
    jsxImportSource: 'hono/jsx',
    external: ['better-sqlite3', ...LOADED_WHEN_USED],
  });
  const importedBy = new Map<string, string | null>([[entry, null]]);
  const queue = [entry];
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    for (const { path, kind } of metafile.inputs[file]?.imports ?? []) {
      if (kind !== 'import-statement' || importedBy.has(path)) continue;
      importedBy.set(path, file);
      queue.push(path);
    }
  }
  return importedBy;
}

/** `a.ts -> b.ts -> pdfkit`: how the start came to read `path`. */
function chainTo(importedBy: ReadonlyMap<string, string | null>, path: string): string {
  const chain: string[] = [];
  for (let at: string | null | undefined = path; at != null; at = importedBy.get(at)) chain.unshift(at);
  return chain.join(' -> ');
}

describe("the server's start", () => {
  it('reads no PDF or spreadsheet library', async () => {
    const reached = await staticallyReached('src/server.ts');
    expect(reached.size).toBeGreaterThan(100);
    expect(reached.has('src/app.ts')).toBe(true);
    const heavy = [...reached.keys()].filter((path) =>
      LOADED_WHEN_USED.some((name) => path === name || path.startsWith(`${name}/`) || path.includes(`node_modules/${name}/`)),
    );
    expect(heavy.map((path) => chainTo(reached, path))).toEqual([]);
  }, 30_000);
});
