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
        'PUBLIC_BASE_URL: moet een volledige http- of https-URL zijn',
        "OCDS_OCID_PREFIX: moet 'ocds-' zijn met zes kleine letters of cijfers erachter",
        'API_CONTACT_EMAIL: moet een e-mailadres zijn',
        'API_CONTACT_URL: moet een volledige http- of https-URL zijn',
      ],
    });
    expect(parseEnv({ PUBLIC_BASE_URL: 'https://gw.example.nl/?x=1' })).toEqual({
      ok: false,
      problems: ['PUBLIC_BASE_URL: mag geen zoekdeel (?...) of fragment (#...) hebben'],
    });
  });

  it("says every problem of the configuration in Dutch, zod's own limits included", () => {
    const result = parseEnv({
      PORT: '70000',
      ADMIN_EMAIL: 'beheer',
      ADMIN_PASSWORD: 'kort',
      SIGNING_P12_PASSWORD: 'geheim',
      TSA_URL: 'tsa',
      DOCUMENT_MAX_BYTES: '25MB',
      LOG_LEVEL: 'luid',
      COOKIE_SECURE: 'ja',
      TRUST_PROXY: 'nee',
    });
    expect(result).toEqual({
      ok: false,
      problems: [
        'PORT: moet tussen 0 en 65535 liggen',
        'ADMIN_EMAIL: moet een e-mailadres zijn',
        'ADMIN_PASSWORD: moet minstens 12 tekens lang zijn',
        'TSA_URL: moet een http- of https-URL zijn',
        'DOCUMENT_MAX_BYTES: moet een geheel aantal bytes zijn',
        'LOG_LEVEL: moet een van deze zijn: debug, info, warn, error, silent',
        'COOKIE_SECURE: moet true of false zijn',
        'TRUST_PROXY: moet true of false zijn',
        'SIGNING_P12: verplicht als SIGNING_P12_PASSWORD is gezet',
      ],
    });
    if (result.ok) return;
    for (const problem of result.problems) expect(problem).not.toMatch(/\b(must|required|invalid|expected|should|at least|at most)\b/i);
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
      'PORT: moet een geheel getal zijn',
      'LOG_LEVEL: moet een van deze zijn: debug, info, warn, error, silent',
      'ADMIN_PASSWORD: ADMIN_EMAIL en ADMIN_PASSWORD horen samen: zet ze allebei of geen van beide',
    ]);
  });

  it('refuses half an admin account', () => {
    const result = parseEnv({ ADMIN_EMAIL: 'admin@example.nl' });
    expect(result).toEqual({ ok: false, problems: ['ADMIN_PASSWORD: ADMIN_EMAIL en ADMIN_PASSWORD horen samen: zet ze allebei of geen van beide'] });
  });

  it('refuses a port out of range and a short admin password', () => {
    const result = parseEnv({ PORT: '70000', ADMIN_EMAIL: 'a@b.nl', ADMIN_PASSWORD: 'short' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toHaveLength(2);
    expect(result.problems[0]).toMatch(/^PORT: /);
    expect(result.problems[1]).toBe('ADMIN_PASSWORD: moet minstens 12 tekens lang zijn');
  });

  it('believes X-Forwarded-For only when TRUST_PROXY says so', () => {
    expect(parseEnv({ TRUST_PROXY: 'true' })).toMatchObject({ ok: true, env: { TRUST_PROXY: true } });
    expect(parseEnv({ TRUST_PROXY: 'FALSE' })).toMatchObject({ ok: true, env: { TRUST_PROXY: false } });
    expect(parseEnv({ TRUST_PROXY: '' })).toMatchObject({ ok: true, env: { TRUST_PROXY: false } });
    expect(parseEnv({ TRUST_PROXY: '1' })).toEqual({ ok: false, problems: ['TRUST_PROXY: moet true of false zijn'] });
  });

  it('takes an http or https TSA_URL and refuses anything else without echoing it', () => {
    expect(parseEnv({ TSA_URL: 'https://gemeente:geheim@tsa.example.nl/tsr' })).toMatchObject({
      ok: true,
      env: { TSA_URL: 'https://gemeente:geheim@tsa.example.nl/tsr' },
    });
    expect(parseEnv({ TSA_URL: '' })).toEqual({ ok: true, env: expect.not.objectContaining({ TSA_URL: expect.anything() }) });
    for (const wrong of ['ftp://tsa.example.nl', 'tsa.example.nl', 'http://']) {
      expect(parseEnv({ TSA_URL: wrong })).toEqual({ ok: false, problems: ['TSA_URL: moet een http- of https-URL zijn'] });
    }
  });

  it('takes DOCUMENT_MAX_BYTES as a whole number of bytes, unset for the 25 MiB default', () => {
    expect(parseEnv({ DOCUMENT_MAX_BYTES: '52428800' })).toMatchObject({ ok: true, env: { DOCUMENT_MAX_BYTES: 52_428_800 } });
    expect(parseEnv({ DOCUMENT_MAX_BYTES: '' })).toMatchObject({ ok: true, env: {} });
    expect(parseEnv({ DOCUMENT_MAX_BYTES: '25MB' })).toEqual({ ok: false, problems: ['DOCUMENT_MAX_BYTES: moet een geheel aantal bytes zijn'] });
    expect(parseEnv({ DOCUMENT_MAX_BYTES: '10' })).toEqual({ ok: false, problems: ['DOCUMENT_MAX_BYTES: moet minstens 1024 bytes zijn'] });
  });
});
