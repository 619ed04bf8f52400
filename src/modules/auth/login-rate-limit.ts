/**
 * @module
 * The one login limiter of the app: the API's login, the login form and the password check of
 * a password change all count here, so a guesser gains nothing by switching between them.
 *
 * Two limits over the same fixed window, counted in memory (enough for the one-process
 * server this is; it resets at restart):
 * - per account and client: `maxAttempts` tries at one e-mail address from one client
 *   address. Per pair, not per account alone: a limit per account would let anyone lock any
 *   user out by failing at its address.
 * - per client: `maxFailuresPerClient` wrong passwords from one client address, whatever the
 *   accounts, against one client trying a few passwords at every address it knows.
 *   Successful logins do not count, so colleagues behind one office address are not locked
 *   out by each other.
 * It does not stop one guesser spread over many addresses: scrypt's cost and the length of
 * passwords must. An attempt is counted before the password is checked, so parallel guesses
 * cannot slip through while the first ones are still hashing; a correct password clears the
 * pair's count and takes its attempt back from the client's.
 */

export type LoginLimiter = {
  /**
   * Counts an attempt of `account` from `client`; answers the seconds to wait when either
   * limit is reached (nothing is counted then), else null.
   */
  takeAttempt: (account: string, client: string, now: number) => number | null;
  /** The password was right: the pair starts over and the attempt does not count against the client. */
  recordSuccess: (account: string, client: string) => void;
};

export type LoginLimits = {
  maxAttempts: number;
  maxFailuresPerClient: number;
  windowMs: number;
  /** Bounds memory against a flood of distinct keys; windows past their end are dropped first. */
  maxKeys?: number;
};

type Window = { startedAt: number; count: number };

/** Fixed-window counts per key. */
function createWindowCounter({ limit, windowMs, maxKeys }: { limit: number; windowMs: number; maxKeys: number }) {
  const windows = new Map<string, Window>();
  const current = (key: string, now: number): Window | undefined => {
    const window = windows.get(key);
    return window !== undefined && now - window.startedAt < windowMs ? window : undefined;
  };
  return {
    /** Seconds until `key` may count again, or null while it is under its limit. */
    blockedFor(key: string, now: number): number | null {
      const window = current(key, now);
      if (window === undefined || window.count < limit) return null;
      return Math.max(1, Math.ceil((window.startedAt + windowMs - now) / 1000));
    },
    add(key: string, now: number): void {
      const window = current(key, now);
      if (window !== undefined) {
        window.count += 1;
        return;
      }
      if (windows.size >= maxKeys) {
        for (const [k, w] of windows) if (now - w.startedAt >= windowMs) windows.delete(k);
      }
      windows.set(key, { startedAt: now, count: 1 });
    },
    takeBack(key: string): void {
      const window = windows.get(key);
      if (window !== undefined && window.count > 0) window.count -= 1;
    },
    clear(key: string): void {
      windows.delete(key);
    },
  };
}

/**
 * @example const limiter = createLoginLimiter({ maxAttempts: 10, maxFailuresPerClient: 50, windowMs: 15 * 60_000 });
 */
export function createLoginLimiter({ maxAttempts, maxFailuresPerClient, windowMs, maxKeys = 100_000 }: LoginLimits): LoginLimiter {
  const pairs = createWindowCounter({ limit: maxAttempts, windowMs, maxKeys });
  const clients = createWindowCounter({ limit: maxFailuresPerClient, windowMs, maxKeys });
  const pairKey = (account: string, client: string) => `${account}\u0000${client}`;
  return {
    takeAttempt(account, client, now) {
      const pair = pairKey(account, client);
      const pairWait = pairs.blockedFor(pair, now);
      const clientWait = clients.blockedFor(client, now);
      if (pairWait !== null || clientWait !== null) return Math.max(pairWait ?? 0, clientWait ?? 0);
      pairs.add(pair, now);
      clients.add(client, now);
      return null;
    },
    recordSuccess(account, client) {
      pairs.clear(pairKey(account, client));
      clients.takeBack(client);
    },
  };
}

declare module '../../http/types.js' {
  interface AppContext {
    /** One limiter for every password check: the API's login, the form's and a password change. */
    loginLimiter: LoginLimiter;
  }
}
