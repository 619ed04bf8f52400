import { describe, expect, it } from 'vitest';
import { parseEnv, publicationConfig, type Env } from '../../src/env.js';

describe('parseEnv', () => {
  it('takes the documented defaults', () => {
    const result = parseEnv({});
    expect(result).toEqual({
      ok: true,
      env: {
        PORT: 3000,
        HOST: '127.0.0.1',
        DATABASE_PATH: './data/gunningswijzer.db',
        LOG_LEVEL: 'info',
        COOKIE_SECURE: false,
        TRUST_PROXY: false,
      },
    });
  });

  it('checks the publication settings: an http(s) base URL, a well-formed ocid prefix and contact', () => {
    const result = parseEnv({
      PUBLIC_BASE_URL: 'gunningswijzer.nl',
      OCDS_OCID_PREFIX: 'ocds-GW',
      API_CONTACT_EMAIL: 'beheer',
      API_CONTACT_URL: 'ftp://example.nl',
    });
    expect(result).toEqual({
      ok: false,
      problems: [
        'PUBLIC_BASE_URL: must be an absolute http or https URL',
        "OCDS_OCID_PREFIX: must be 'ocds-' and six lowercase letters or digits",
        'API_CONTACT_EMAIL: must be an e-mail address',
        'API_CONTACT_URL: must be an absolute http or https URL',
      ],
    });
    expect(parseEnv({ PUBLIC_BASE_URL: 'https://gw.example.nl/?x=1' })).toEqual({ ok: false, problems: ['PUBLIC_BASE_URL: must have no query or fragment'] });
  });

  it('builds the publication settings, with development defaults it names', () => {
    const parsed = (source: Record<string, string>): Env => {
      const result = parseEnv(source);
      if (!result.ok) throw new Error(result.problems.join('\n'));
      return result.env;
    };
    expect(publicationConfig(parsed({ PORT: '8080' }))).toEqual({
      config: {
        publicBaseUrl: 'http://localhost:8080',
        ocidPrefix: 'ocds-gw0000',
        apiContact: { name: 'Beheer Gunningswijzer', email: 'beheer@gunningswijzer.example', url: 'http://localhost:8080' },
      },
      developmentDefaults: ['PUBLIC_BASE_URL', 'OCDS_OCID_PREFIX', 'API_CONTACT_EMAIL'],
    });
    const configured = parsed({
      PUBLIC_BASE_URL: 'https://gunningswijzer.ijsselland.nl/inkoop/',
      OCDS_OCID_PREFIX: 'ocds-ijs123',
      API_CONTACT_NAME: 'Team Inkoop',
      API_CONTACT_EMAIL: 'inkoop@ijsselland.nl',
    });
    expect(publicationConfig(configured)).toEqual({
      config: {
        publicBaseUrl: 'https://gunningswijzer.ijsselland.nl/inkoop',
        ocidPrefix: 'ocds-ijs123',
        apiContact: { name: 'Team Inkoop', email: 'inkoop@ijsselland.nl', url: 'https://gunningswijzer.ijsselland.nl/inkoop' },
      },
      developmentDefaults: [],
    });
  });

  it('reports every problem on its own line', () => {
    const result = parseEnv({ PORT: 'abc', LOG_LEVEL: 'loud', ADMIN_EMAIL: 'admin@example.nl' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      'PORT: must be a whole number',
      'LOG_LEVEL: must be one of debug, info, warn, error, silent',
      'ADMIN_PASSWORD: ADMIN_EMAIL and ADMIN_PASSWORD must be set together',
    ]);
  });

  it('refuses half an admin account', () => {
    const result = parseEnv({ ADMIN_EMAIL: 'admin@example.nl' });
    expect(result).toEqual({ ok: false, problems: ['ADMIN_PASSWORD: ADMIN_EMAIL and ADMIN_PASSWORD must be set together'] });
  });

  it('refuses a port out of range and a short admin password', () => {
    const result = parseEnv({ PORT: '70000', ADMIN_EMAIL: 'a@b.nl', ADMIN_PASSWORD: 'short' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toHaveLength(2);
    expect(result.problems[0]).toMatch(/^PORT: /);
    expect(result.problems[1]).toBe('ADMIN_PASSWORD: must be at least 12 characters');
  });

  it('believes X-Forwarded-For only when TRUST_PROXY says so', () => {
    expect(parseEnv({ TRUST_PROXY: 'true' })).toMatchObject({ ok: true, env: { TRUST_PROXY: true } });
    expect(parseEnv({ TRUST_PROXY: 'FALSE' })).toMatchObject({ ok: true, env: { TRUST_PROXY: false } });
    expect(parseEnv({ TRUST_PROXY: '' })).toMatchObject({ ok: true, env: { TRUST_PROXY: false } });
    expect(parseEnv({ TRUST_PROXY: '1' })).toEqual({ ok: false, problems: ['TRUST_PROXY: must be true or false'] });
  });

  it('takes an http or https TSA_URL and refuses anything else without echoing it', () => {
    expect(parseEnv({ TSA_URL: 'https://gemeente:geheim@tsa.example.nl/tsr' })).toMatchObject({
      ok: true,
      env: { TSA_URL: 'https://gemeente:geheim@tsa.example.nl/tsr' },
    });
    expect(parseEnv({ TSA_URL: '' })).toEqual({ ok: true, env: expect.not.objectContaining({ TSA_URL: expect.anything() }) });
    for (const wrong of ['ftp://tsa.example.nl', 'tsa.example.nl', 'http://']) {
      expect(parseEnv({ TSA_URL: wrong })).toEqual({ ok: false, problems: ['TSA_URL: must be an http or https URL'] });
    }
  });

  it('takes DOCUMENT_MAX_BYTES as a whole number of bytes, unset for the 25 MiB default', () => {
    expect(parseEnv({ DOCUMENT_MAX_BYTES: '52428800' })).toMatchObject({ ok: true, env: { DOCUMENT_MAX_BYTES: 52_428_800 } });
    expect(parseEnv({ DOCUMENT_MAX_BYTES: '' })).toMatchObject({ ok: true, env: {} });
    expect(parseEnv({ DOCUMENT_MAX_BYTES: '25MB' })).toEqual({ ok: false, problems: ['DOCUMENT_MAX_BYTES: must be a whole number of bytes'] });
    expect(parseEnv({ DOCUMENT_MAX_BYTES: '10' })).toEqual({ ok: false, problems: ['DOCUMENT_MAX_BYTES: must be at least 1024 bytes'] });
  });
});
