import { describe, expect, it } from 'vitest';
import { parseEnv } from '../../src/env.js';

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
    expect(parseEnv({ TSA_URL: 'https://gemeente:geheim@tsa.example.nl/tsr' })).toMatchObject({ ok: true, env: { TSA_URL: 'https://gemeente:geheim@tsa.example.nl/tsr' } });
    expect(parseEnv({ TSA_URL: '' })).toEqual({ ok: true, env: expect.not.objectContaining({ TSA_URL: expect.anything() }) });
    for (const wrong of ['ftp://tsa.example.nl', 'tsa.example.nl', 'http://']) {
      expect(parseEnv({ TSA_URL: wrong })).toEqual({ ok: false, problems: ['TSA_URL: must be an http or https URL'] });
    }
  });
});
