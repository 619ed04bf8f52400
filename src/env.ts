/**
 * @module
 * The only reader of `process.env`. Configuration is parsed once with zod; an invalid
 * configuration is reported one line per problem (`PORT: ...`) so that an operator sees
 * every mistake at once instead of fixing them one restart at a time.
 */
import * as z from 'zod';
import './lib/zod-locale.js';
import { OCID_PREFIX_PATTERN, OCID_PREFIX_PLACEHOLDER } from './domain/ocds/extensions.js';
import type { AppConfig } from './http/types.js';
import { LOG_LEVELS } from './lib/logger.js';

/** An empty variable counts as unset: `PORT= npm start` should take the default. */
const optionalText = z.preprocess((v) => (v === '' ? undefined : v), z.string().optional());

/** `true` or `false` in any case; unset or empty is false. */
const flag = z.preprocess(
  (v) => (v === '' || v === undefined ? 'false' : String(v).toLowerCase()),
  z.enum(['true', 'false'], { error: 'moet true of false zijn' }).transform((v) => v === 'true'),
);

/** An absolute http(s) URL without query or fragment; a trailing slash is dropped, so paths can be appended. */
const httpUrl = z
  .url({ protocol: /^https?$/, error: 'moet een volledige http- of https-URL zijn' })
  .refine((v) => !URL.canParse(v) || (new URL(v).search === '' && new URL(v).hash === ''), 'mag geen zoekdeel (?...) of fragment (#...) hebben')
  .transform((v) => v.replace(/\/+$/, ''));

const envSchema = z
  .object({
    PORT: z.preprocess(
      (v) => (v === '' || v === undefined ? '3000' : v),
      z
        .string()
        .regex(/^\d+$/, 'moet een geheel getal zijn')
        .transform(Number)
        .pipe(z.number().int().min(0, 'moet tussen 0 en 65535 liggen').max(65535, 'moet tussen 0 en 65535 liggen')),
    ),
    HOST: z.preprocess((v) => (v === '' || v === undefined ? '127.0.0.1' : v), z.string().min(1)),
    DATABASE_PATH: z.preprocess((v) => (v === '' || v === undefined ? './data/gunningswijzer.db' : v), z.string().min(1)),
    ADMIN_EMAIL: optionalText.pipe(z.email('moet een e-mailadres zijn').optional()),
    ADMIN_PASSWORD: optionalText.pipe(z.string().min(12, 'moet minstens 12 tekens lang zijn').optional()),
    SIGNING_P12: optionalText,
    SIGNING_P12_PASSWORD: optionalText,
    /** A file with the certificates (PEM) that signed before `SIGNING_P12`: their signed audit heads stay verifiable. */
    SIGNING_PREVIOUS_CERTIFICATES: optionalText,
    /** An RFC 3161 timestamp authority: reports become PAdES B-T. Unset: B-B, no trusted time. */
    TSA_URL: optionalText.pipe(z.url({ protocol: /^https?$/, error: 'moet een http- of https-URL zijn' }).optional()),
    /** The largest bid document accepted, in bytes; unset: 25 MiB (26214400). */
    DOCUMENT_MAX_BYTES: z.preprocess(
      (v) => (v === '' ? undefined : v),
      z
        .string()
        .regex(/^\d+$/, 'moet een geheel aantal bytes zijn')
        .transform(Number)
        .pipe(
          z
            .number()
            .int()
            .min(1024, 'moet minstens 1024 bytes zijn')
            .max(1024 * 1024 * 1024, 'mag hoogstens 1 GiB zijn'),
        )
        .optional(),
    ),
    LOG_LEVEL: z.preprocess(
      (v) => (v === '' || v === undefined ? 'info' : String(v).toLowerCase()),
      z.enum(LOG_LEVELS, { error: `moet een van deze zijn: ${LOG_LEVELS.join(', ')}` }),
    ),
    /** Set to `true` behind HTTPS so the session cookie gets the `Secure` attribute. */
    COOKIE_SECURE: flag,
    /**
     * Set to `true` only behind a reverse proxy that sets `X-Forwarded-For`: the login limit
     * then counts the address the proxy names instead of the proxy's own. Without a proxy a
     * client could write any address there and escape the limit.
     */
    TRUST_PROXY: flag,
    /**
     * Where clients reach the server (scheme, host, port, any path prefix of a reverse proxy).
     * Absolute URLs the server publishes (the OCDS package's `uri`) are made from it, never
     * from a request's Host header, which the client chooses.
     */
    PUBLIC_BASE_URL: optionalText.pipe(httpUrl.optional()),
    /** The ocid prefix registered with the Open Contracting Partnership for this publisher. */
    OCDS_OCID_PREFIX: optionalText.pipe(z.string().regex(OCID_PREFIX_PATTERN, "moet 'ocds-' zijn met zes kleine letters of cijfers erachter").optional()),
    /** Who answers for this server's API: `info.contact` of the OpenAPI document (NL API Design Rules). */
    API_CONTACT_NAME: optionalText,
    API_CONTACT_EMAIL: optionalText.pipe(z.email('moet een e-mailadres zijn').optional()),
    API_CONTACT_URL: optionalText.pipe(httpUrl.optional()),
  })
  .superRefine(
    (env: Partial<Record<string, unknown>>, ctx) => {
      // Half an admin account is a typo, not a choice: refuse it rather than guess.
      if ((env.ADMIN_EMAIL === undefined) !== (env.ADMIN_PASSWORD === undefined)) {
        ctx.addIssue({
          code: 'custom',
          path: [env.ADMIN_EMAIL === undefined ? 'ADMIN_EMAIL' : 'ADMIN_PASSWORD'],
          message: 'ADMIN_EMAIL en ADMIN_PASSWORD horen samen: zet ze allebei of geen van beide',
        });
      }
      if (env.SIGNING_P12_PASSWORD !== undefined && env.SIGNING_P12 === undefined) {
        ctx.addIssue({ code: 'custom', path: ['SIGNING_P12'], message: 'verplicht als SIGNING_P12_PASSWORD is gezet' });
      }
      // Run even when a field failed, so that every problem is reported in one go.
    },
    { when: () => true },
  );

export type Env = z.output<typeof envSchema>;

export type EnvResult = { ok: true; env: Env } | { ok: false; problems: string[] };

/**
 * Parses a environment map (defaults to `process.env`); never throws.
 * @example parseEnv({ PORT: 'x' }) // { ok: false, problems: ['PORT: moet een geheel getal zijn'] }
 */
export function parseEnv(source: Record<string, string | undefined> = process.env): EnvResult {
  const result = envSchema.safeParse(source);
  if (result.success) return { ok: true, env: result.data };
  const problems = result.error.issues.map((issue) => `${issue.path.join('.') || 'omgeving'}: ${issue.message}`);
  return { ok: false, problems };
}

/** Development defaults of the publication settings; `npm start` warns while any is in use. */
export const DEVELOPMENT_DEFAULTS = {
  ocidPrefix: OCID_PREFIX_PLACEHOLDER,
  contactName: 'Beheer Gunningswijzer',
  // .example is reserved (RFC 2606): it reaches no one, which is why the server warns.
  contactEmail: 'beheer@gunningswijzer.example',
} as const;

/**
 * Where clients reach the server and who answers for it, with their defaults: the base URL
 * `http://localhost:PORT`, the contact URL the base URL. `developmentDefaults` names what a
 * production server must set and has not.
 * @example publicationConfig(env).config.publicBaseUrl // 'https://gunningswijzer.regio.nl'
 */
export function publicationConfig(env: Env): {
  config: Pick<AppConfig, 'publicBaseUrl' | 'ocidPrefix' | 'apiContact'>;
  developmentDefaults: string[];
} {
  const publicBaseUrl = env.PUBLIC_BASE_URL ?? `http://localhost:${env.PORT}`;
  const required = { PUBLIC_BASE_URL: env.PUBLIC_BASE_URL, OCDS_OCID_PREFIX: env.OCDS_OCID_PREFIX, API_CONTACT_EMAIL: env.API_CONTACT_EMAIL };
  return {
    config: {
      publicBaseUrl,
      ocidPrefix: env.OCDS_OCID_PREFIX ?? DEVELOPMENT_DEFAULTS.ocidPrefix,
      apiContact: {
        name: env.API_CONTACT_NAME ?? DEVELOPMENT_DEFAULTS.contactName,
        email: env.API_CONTACT_EMAIL ?? DEVELOPMENT_DEFAULTS.contactEmail,
        url: env.API_CONTACT_URL ?? publicBaseUrl,
      },
    },
    developmentDefaults: Object.entries(required)
      .filter(([, value]) => value === undefined)
      .map(([name]) => name),
  };
}

/** What starts each line about a wrong setting on stderr, at start-up (here and in server.ts). */
export const CONFIGURATION_PROBLEM = 'Ongeldige configuratie: ';

/** Parses `process.env` or prints every problem and exits with status 1. */
export function loadEnvOrExit(): Env {
  const result = parseEnv();
  if (result.ok) return result.env;
  for (const line of result.problems) process.stderr.write(`${CONFIGURATION_PROBLEM}${line}\n`);
  process.exit(1);
}
