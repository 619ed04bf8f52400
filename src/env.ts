/**
 * @module
 * The only reader of `process.env`. Configuration is parsed once with zod; an invalid
 * configuration is reported one line per problem (`PORT: ...`) so that an operator sees
 * every mistake at once instead of fixing them one restart at a time.
 */
import { z } from 'zod';
import { LOG_LEVELS } from './lib/logger.js';


/** An empty variable counts as unset: `PORT= npm start` should take the default. */
const optionalText = z.preprocess((v) => (v === '' ? undefined : v), z.string().optional());

/** `true` or `false` in any case; unset or empty is false. */
const flag = z.preprocess(
  (v) => (v === '' || v === undefined ? 'false' : String(v).toLowerCase()),
  z.enum(['true', 'false'], { error: 'must be true or false' }).transform((v) => v === 'true'),
);

const envSchema = z
  .object({
    PORT: z.preprocess(
      (v) => (v === '' || v === undefined ? '3000' : v),
      z.string().regex(/^\d+$/, 'must be a whole number').transform(Number).pipe(z.number().int().min(0).max(65535)),
    ),
    HOST: z.preprocess((v) => (v === '' || v === undefined ? '127.0.0.1' : v), z.string().min(1)),
    DATABASE_PATH: z.preprocess(
      (v) => (v === '' || v === undefined ? './data/gunningswijzer.db' : v),
      z.string().min(1),
    ),
    ADMIN_EMAIL: optionalText.pipe(z.email('must be an e-mail address').optional()),
    ADMIN_PASSWORD: optionalText.pipe(z.string().min(12, 'must be at least 12 characters').optional()),
    SIGNING_P12: optionalText,
    SIGNING_P12_PASSWORD: optionalText,
    /** A file with the certificates (PEM) that signed before `SIGNING_P12`: their signed audit heads stay verifiable. */
    SIGNING_PREVIOUS_CERTIFICATES: optionalText,
    /** An RFC 3161 timestamp authority: reports become PAdES B-T. Unset: B-B, no trusted time. */
    TSA_URL: optionalText.pipe(z.url({ protocol: /^https?$/, error: 'must be an http or https URL' }).optional()),
    LOG_LEVEL: z.preprocess(
      (v) => (v === '' || v === undefined ? 'info' : String(v).toLowerCase()),
      z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` }),
    ),
    /** Set to `true` behind HTTPS so the session cookie gets the `Secure` attribute. */
    COOKIE_SECURE: flag,
    /**
     * Set to `true` only behind a reverse proxy that sets `X-Forwarded-For`: the login limit
     * then counts the address the proxy names instead of the proxy's own. Without a proxy a
     * client could write any address there and escape the limit.
     */
    TRUST_PROXY: flag,
  })
  .superRefine((env: Partial<Record<string, unknown>>, ctx) => {
    // Half an admin account is a typo, not a choice: refuse it rather than guess.
    if ((env.ADMIN_EMAIL === undefined) !== (env.ADMIN_PASSWORD === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: [env.ADMIN_EMAIL === undefined ? 'ADMIN_EMAIL' : 'ADMIN_PASSWORD'],
        message: 'ADMIN_EMAIL and ADMIN_PASSWORD must be set together',
      });
    }
    if (env.SIGNING_P12_PASSWORD !== undefined && env.SIGNING_P12 === undefined) {
      ctx.addIssue({ code: 'custom', path: ['SIGNING_P12'], message: 'required when SIGNING_P12_PASSWORD is set' });
    }
    // Run even when a field failed, so that every problem is reported in one go.
  }, { when: () => true });

export type Env = z.output<typeof envSchema>;

export type EnvResult = { ok: true; env: Env } | { ok: false; problems: string[] };

/**
 * Parses a environment map (defaults to `process.env`); never throws.
 * @example parseEnv({ PORT: 'x' }) // { ok: false, problems: ['PORT: must be a whole number'] }
 */
export function parseEnv(source: Record<string, string | undefined> = process.env): EnvResult {
  const result = envSchema.safeParse(source);
  if (result.success) return { ok: true, env: result.data };
  const problems = result.error.issues.map((issue) => `${issue.path.join('.') || 'environment'}: ${issue.message}`);
  return { ok: false, problems };
}

/** Parses `process.env` or prints every problem and exits with status 1. */
export function loadEnvOrExit(): Env {
  const result = parseEnv();
  if (result.ok) return result.env;
  for (const line of result.problems) process.stderr.write(`Invalid configuration: ${line}\n`);
  process.exit(1);
}
