import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/api/**/*.test.ts', 'tests/cli/**/*.test.ts', 'tests/web/**/*.test.ts', 'tests/fuzz/**/*.test.ts', 'tests/hardening/**/*.test.ts'],
    testTimeout: 20_000,
  },
});
