import { afterEach, beforeEach, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
beforeEach(() => {
  t = createTestApp();
});
afterEach(() => t.close());

it('serves the NL Design System CSS, its tokens, the font and our two small files, and nothing else', async () => {
  for (const [path, type] of [
    ['/static/utrecht-components.css', 'text/css'],
    ['/static/utrecht-tokens.css', 'text/css'],
    ['/static/noto-sans.css', 'text/css'],
    ['/static/layout.css', 'text/css'],
    ['/static/enhance.js', 'text/javascript'],
    ['/static/files/noto-sans-latin-wght-normal.woff2', 'font/woff2'],
  ] as const) {
    const response = await t.app.request(path);
    expect(response.status, path).toBe(200);
    expect(response.headers.get('content-type')).toContain(type);
  }
  expect(await (await t.app.request('/static/utrecht-components.css')).text()).toContain('.utrecht-page-header');
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
