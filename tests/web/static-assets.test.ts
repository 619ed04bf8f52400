import { afterEach, beforeEach, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
beforeEach(() => {
  t = createTestApp();
});
afterEach(() => t.close());

it('serves the NL Design System CSS, its tokens, the font, our theme, layout, script and favicon, and nothing else', async () => {
  for (const [path, type] of [
    ['/static/utrecht-components.css', 'text/css'],
    ['/static/utrecht-tokens.css', 'text/css'],
    ['/static/noto-sans.css', 'text/css'],
    ['/static/gunningswijzer-theme.css', 'text/css'],
    ['/static/layout.css', 'text/css'],
    ['/static/enhance.js', 'text/javascript'],
    ['/static/favicon.svg', 'image/svg+xml'],
    ['/static/files/noto-sans-latin-wght-normal.woff2', 'font/woff2'],
  ] as const) {
    const response = await t.app.request(path);
    expect(response.status, path).toBe(200);
    expect(response.headers.get('content-type')).toContain(type);
  }
  expect(await (await t.app.request('/static/utrecht-components.css')).text()).toContain('.utrecht-page-header');
  expect(await (await t.app.request('/static/gunningswijzer-theme.css')).text()).toContain('.gunningswijzer-theme {');
  for (const path of ['/static/package.json', '/static/..%2F..%2Fpackage.json', '/static/files/..%2Findex.css', '/static/files/x.woff2']) {
    expect((await t.app.request(path)).status, path).toBe(404);
  }
});

it('answers an unknown page with the Dutch 404 page, and an unknown API path with problem JSON as before', async () => {
  const page = await t.app.request('/aanbestedingen/x/onbekend');
  expect(page.status).toBe(303); // not logged in: to the login form first
  const api = await t.app.request('/api/v1/onbekend');
  expect(api.headers.get('content-type')).toBe('application/problem+json');
  const health = await t.app.request('/health');
  expect(health.status).toBe(200);
});

it('dresses every page in the Gunningswijzer theme, after the published tokens, with its favicon and logo', async () => {
  const html = await (await t.app.request('/inloggen')).text();
  expect(html).toMatch(/<html lang="nl" class="[^"]*\bgunningswijzer-theme\b/);
  const sheets = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => m[1]);
  // Our tokens come after the published ones, so ours win; the components read them.
  expect(sheets.indexOf('/static/gunningswijzer-theme.css')).toBeGreaterThan(sheets.indexOf('/static/utrecht-tokens.css'));
  expect(html).toContain('<link rel="icon" href="/static/favicon.svg" type="image/svg+xml"/>');
  expect(html).toMatch(/<img class="gw-logo__mark" src="\/static\/favicon.svg" alt=""/);
  // No other organisation's brand: the Utrecht red footer is replaced by our own.
  const theme = await (await t.app.request('/static/gunningswijzer-theme.css')).text();
  expect(theme).toContain('--utrecht-page-footer-background-image: none;');
  expect(theme).not.toMatch(/utrecht-color-red/);
});
