/**
 * @module
 * Login attempts per (e-mail address, client IP), counted in memory over a fixed window.
 * In memory is enough for the one-process server this is; it resets at restart, and it does
 * not stop one guesser spread over many IPs (scrypt's cost and strong passwords must). An
 * attempt is counted before the password is checked, so parallel guesses cannot slip
 * through while the first ones are still hashing; a successful login clears the count.
 */

export type LoginRateLimiter = {
  /** Counts an attempt; answers the seconds to wait when over the limit, else null. */
  takeAttempt: (key: string, now: number) => number | null;
  reset: (key: string) => void;
};

type Window = { startedAt: number; attempts: number };

/**
 * @example const limiter = createLoginRateLimiter({ maxAttempts: 5, windowMs: 15 * 60_000 });
 */
export function createLoginRateLimiter({
  maxAttempts,
  windowMs,
  maxKeys = 100_000,
}: {
  maxAttempts: number;
  windowMs: number;
  maxKeys?: number;
}): LoginRateLimiter {
  const windows = new Map<string, Window>();

  function prune(now: number): void {
    for (const [key, window] of windows) {
      if (now - window.startedAt >= windowMs) windows.delete(key);
    }
  }

  return {
    takeAttempt(key, now) {
      let window = windows.get(key);
      if (window === undefined || now - window.startedAt >= windowMs) {
        // Bound memory against a flood of distinct keys.
        if (windows.size >= maxKeys) prune(now);
        window = { startedAt: now, attempts: 0 };
        windows.set(key, window);
      }
      if (window.attempts >= maxAttempts) return Math.max(1, Math.ceil((window.startedAt + windowMs - now) / 1000));
      window.attempts += 1;
      return null;
    },
    reset(key) {
      windows.delete(key);
    },
  };
}
