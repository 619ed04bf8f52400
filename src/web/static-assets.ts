/**
 * @module
 * `GET /static/*`: the NL Design System's published CSS (Utrecht component library and its
 * design tokens), the Noto Sans font the tokens name, and our own files (the theme's tokens
 * `gunningswijzer-theme.css`, `layout.css`, `enhance.js`, the favicon), served straight from `node_modules` and `src/web/static`.
 * A fixed list of files, not a directory listing: nothing else under `node_modules` can be
 * fetched. Files are read once; versions are pinned in package.json, so a day's caching is
 * safe and a deploy restarts the process anyway.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Hono } from 'hono';
import type { AppEnv } from '../http/types.js';
import { packagePath } from '../lib/package-root.js';

const require = createRequire(import.meta.url);
const packageDir = (name: string, from = require) => dirname(from.resolve(`${name}/package.json`));

const utrechtCss = packageDir('@utrecht/component-library-css');
const designTokens = packageDir('@utrecht/design-tokens');
// The font is the design tokens' own dependency: resolve it from there, not from the app.
const notoSans = packageDir('@fontsource-variable/noto-sans', createRequire(join(designTokens, 'package.json')));
const ownStatic = packagePath('src', 'web', 'static');

const FILES: Record<string, { path: string; type: string }> = {
  'utrecht-components.css': { path: join(utrechtCss, 'dist', 'index.css'), type: 'text/css; charset=utf-8' },
  'utrecht-tokens.css': { path: join(designTokens, 'dist', 'index.css'), type: 'text/css; charset=utf-8' },
  'noto-sans.css': { path: join(notoSans, 'index.css'), type: 'text/css; charset=utf-8' },
  'gunningswijzer-theme.css': { path: join(ownStatic, 'gunningswijzer-theme.css'), type: 'text/css; charset=utf-8' },
  'layout.css': { path: join(ownStatic, 'layout.css'), type: 'text/css; charset=utf-8' },
  'favicon.svg': { path: join(ownStatic, 'favicon.svg'), type: 'image/svg+xml' },
  'enhance.js': { path: join(ownStatic, 'enhance.js'), type: 'text/javascript; charset=utf-8' },
};

/** The font's stylesheet refers to `./files/<name>.woff2`. */
const FONT_FILE = /^noto-sans-[a-z-]+\.woff2$/;

const cache = new Map<string, Uint8Array<ArrayBuffer>>();
function readCached(path: string): Uint8Array<ArrayBuffer> {
  let bytes = cache.get(path);
  if (bytes === undefined) {
    bytes = new Uint8Array(readFileSync(path));
    cache.set(path, bytes);
  }
  return bytes;
}

const CACHE_CONTROL = 'public, max-age=86400';

/** The URL of a static file, for the layout. */
export function staticUrl(name: keyof typeof FILES | string): string {
  return `/static/${name}`;
}

export function staticRoutes() {
  const app = new Hono<AppEnv>();
  app.get('/static/files/:file', (c) => {
    const file = c.req.param('file');
    if (!FONT_FILE.test(file)) return c.notFound();
    try {
      return c.body(readCached(join(notoSans, 'files', file)), 200, { 'content-type': 'font/woff2', 'cache-control': CACHE_CONTROL });
    } catch {
      return c.notFound();
    }
  });
  app.get('/static/:file', (c) => {
    const entry = FILES[c.req.param('file')];
    if (entry === undefined) return c.notFound();
    return c.body(readCached(entry.path), 200, { 'content-type': entry.type, 'cache-control': CACHE_CONTROL });
  });
  return app;
}
