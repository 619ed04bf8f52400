/**
 * SIGKILL during a stream of writes loses no acknowledged write (a short run here; the
 * full 20 rounds are `npm run test:crash`).
 */
import { describe, expect, it } from 'vitest';
import { runCrashTest } from '../../scripts/crash-test.js';

describe('crash durability', () => {
  it('keeps every acknowledged write and a valid database across kill -9', async () => {
    const results = await runCrashTest({ rounds: 3, log: () => {} });
    expect(results).toHaveLength(3);
    for (const result of results) {
      expect(result.acknowledged).toBeGreaterThan(0);
      expect(result).toMatchObject({ lost: [], integrity: 'ok', chainValid: true });
    }
  }, 120_000);
});
