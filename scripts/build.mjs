// @ts-check
/**
 * `npm run build`: compiles the server, the command line and the operator's scripts to
 * `dist/` with esbuild, so that they start with plain `node` instead of compiling TypeScript
 * at every start (tsx). `npm run build -- --watch` rebuilds on every change. What is bundled,
 * what is loaded later and where run-time files are found: docs/build.md.
 *
 * Plain JavaScript, because it runs before anything is compiled and Node 20 runs no
 * TypeScript.
 */
import { chmodSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUTDIR = join(ROOT, 'dist');
const watch = process.argv.includes('--watch');
/** `--clean` starts from an empty dist/, as for a release (`npm run build -- --clean && npm pack`). */
const clean = process.argv.includes('--clean');
const BUILT_STAMP = '.built';

/** esbuild leaves an unchanged file alone; this stamp says when the build last ran (tests/helpers/build.ts). */
function stamp() {
  writeFileSync(join(OUTDIR, BUILT_STAMP), `${new Date().toISOString()}\n`);
}

/** @type {esbuild.Plugin} */
const stampOnEnd = {
  name: 'stamp',
  setup(build) {
    build.onEnd((result) => {
      if (result.errors.length === 0) stamp();
    });
  },
};

/** Bundled CommonJS code may `require` Node's own modules; an ES module has no `require`. */
const REQUIRE_SHIM = "import { createRequire as __gwCreateRequire } from 'node:module'; const require = __gwCreateRequire(import.meta.url);";

/** @type {esbuild.BuildOptions} */
const common = {
  absWorkingDir: ROOT,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20.19',
  outdir: OUTDIR,
  // What is imported with `import()` (reports, spreadsheets, `verify`) is a chunk of its own,
  // read from disk only when first used.
  splitting: true,
  sourcemap: 'linked',
  metafile: true,
  logLevel: 'warning',
  jsx: 'automatic',
  jsxImportSource: 'hono/jsx',
  banner: { js: REQUIRE_SHIM },
};

/**
 * PDF.js (which `verify` uses to read a report's embedded proof and tagged text) stays in
 * node_modules for the server and the bin alike: in Node it takes DOMMatrix from its optional
 * companion @napi-rs/canvas, which it finds from its own package directory, and it loads its
 * worker from there; bundled, it finds neither.
 */
const PDFJS = ['pdfjs-dist', '@napi-rs/canvas'];

/**
 * The server and the scripts that open its database, with the npm packages bundled: Node
 * then reads a few files instead of some hundreds (zod, drizzle, hono and node-forge are each
 * dozens), which was half of the start. Left in node_modules: better-sqlite3 (a native
 * addon), pdfkit (reads its font metrics from its package directory), exceljs and
 * fast-csv (large CommonJS trees, loaded only by a spreadsheet import), and PDF.js (see
 * PDFJS below).
 */
/** @type {esbuild.BuildOptions} */
const server = {
  ...common,
  entryPoints: {
    index: 'src/index.ts',
    demo: 'scripts/demo.ts',
    backup: 'scripts/backup.ts',
    restore: 'scripts/restore.ts',
  },
  chunkNames: 'chunks/[name]-[hash]',
  external: ['better-sqlite3', 'pdfkit', 'exceljs', 'fast-csv', ...PDFJS],
};

/**
 * The `gunningswijzer` command line (the package's bin), with every library bundled but PDF.js,
 * so that it runs from an installed package with PDF.js as its one dependency; `verify` (the PKI
 * libraries) is a chunk loaded only when it runs. Built apart from the server, so that no
 * chunk is shared and the bin's files are its own.
 */
/** @type {esbuild.BuildOptions} */
const cli = {
  ...common,
  entryPoints: { cli: 'src/cli.ts' },
  chunkNames: 'cli-chunks/[name]-[hash]',
  external: PDFJS,
  minifyWhitespace: true,
  minifySyntax: true,
};

/**
 * Files of earlier builds are removed only a day later: a server started from an earlier
 * build still loads its chunks (a report, a spreadsheet) after a rebuild in place.
 * @param {Set<string>} current paths relative to the package root
 */
function pruneOldOutputs(current) {
  const dayAgo = Date.now() - 24 * 60 * 60 * 1000;
  /** @param {string} directory */
  const walk = (directory) => {
    for (const entry of readdirSync(directory, { withFileTypes: true })) {
      const path = join(directory, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (!current.has(relative(ROOT, path)) && statSync(path).mtimeMs < dayAgo) rmSync(path);
    }
  };
  walk(OUTDIR);
}

if (clean) rmSync(OUTDIR, { recursive: true, force: true });
if (watch) {
  const contexts = await Promise.all([server, cli].map((options) => esbuild.context({ ...options, plugins: [stampOnEnd] })));
  await Promise.all(contexts.map((context) => context.watch()));
  process.stderr.write(`esbuild: watching, writing ${relative(ROOT, OUTDIR)}/\n`);
} else {
  const results = await Promise.all([esbuild.build(server), esbuild.build(cli)]);
  // npm makes the bin executable when the package is installed; this is for running it in place.
  chmodSync(join(OUTDIR, 'cli.js'), 0o755);
  stamp();
  const outputs = new Set(results.flatMap((result) => Object.keys(result.metafile?.outputs ?? {})));
  outputs.add(relative(ROOT, join(OUTDIR, BUILT_STAMP)));
  pruneOldOutputs(outputs);
}
