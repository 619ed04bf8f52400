import { defineConfig } from 'vitest/config';

// The browser story: one server, one Chromium, pages in order; slow by nature, so apart
// from `npm test` and run one file at a time.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    testTimeout: 300_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
