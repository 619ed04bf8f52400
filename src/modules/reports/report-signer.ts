/**
 * @module
 * Which certificate signs the reports: the operator's P12 (`SIGNING_P12`) or, without one, a
 * self-signed development certificate kept beside the database (api.md); and, with `TSA_URL`,
 * which timestamp authority stamps every signature (PAdES B-T). The signer is made on first
 * use and kept: parsing a P12 per signature is slow, and a development certificate is a key
 * generation. The server prepares it at start with `prepare`, which generates a new
 * development key in the thread pool while the start does other work; `get` makes it on the
 * spot for whoever asks first without that (the tests, the demo generator).
 */
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname } from 'node:path';
import type { Logger } from '../../lib/logger.js';
import { createDevelopmentSigner, prepareDevelopmentSigner } from '../../reports/signing/development-certificate.js';
import { createP12Signer } from '../../reports/signing/p12-signer.js';
import type { ReportSigner } from '../../reports/signing/signer.js';
import { createTimestampAuthority, type TimestampAuthorityOptions } from '../../reports/signing/timestamp-client.js';

export type SignerSource = { kind: 'p12'; path: string; password: string } | { kind: 'development'; directory: string };

/** The development certificate lives next to the database (`data/` by default). */
export function developmentSignerSource(databasePath: string): SignerSource {
  return { kind: 'development', directory: databasePath === ':memory:' || databasePath === '' ? tmpdir() : dirname(databasePath) };
}

export type SignerHolder = {
  /** The signer, made now on this thread if it was not made yet. */
  get: () => ReportSigner;
  /** The signer, with a new development key generated off the main thread. */
  prepare: () => Promise<ReportSigner>;
};

/** Without `timestamping` the reports are PAdES B-B: signed, but with no trusted time. */
export function lazySigner(
  source: SignerSource,
  logger: Logger,
  timestamping?: TimestampAuthorityOptions,
  /** A development key whose generation began at the start (first-start.ts). */
  developmentKey?: Promise<string>,
): SignerHolder {
  let signer: ReportSigner | undefined;
  let preparing: Promise<ReportSigner> | undefined;
  const timestampAuthority = () => (timestamping === undefined ? undefined : createTimestampAuthority(timestamping));
  const keep = (made: ReportSigner & { path?: string; created?: boolean }): ReportSigner => {
    // A `get` while `prepare` waited for its key has made and kept one already: the first stays.
    if (signer !== undefined) return signer;
    if (source.kind === 'development') {
      logger.warn('rapporten worden ondertekend met een zelfondertekend ONTWIKKELcertificaat; zet SIGNING_P12 voor echt gebruik', {
        path: made.path,
        created: made.created,
      });
    }
    signer = made;
    return signer;
  };
  const make = (): ReportSigner =>
    source.kind === 'p12'
      ? createP12Signer({ p12: readFileSync(source.path), password: source.password, timestampAuthority: timestampAuthority() })
      : createDevelopmentSigner({ directory: source.directory, timestampAuthority: timestampAuthority() });
  return {
    get: () => signer ?? keep(make()),
    prepare: () => {
      if (signer !== undefined) return Promise.resolve(signer);
      preparing ??= (async () => {
        if (source.kind === 'p12') return keep(make());
        return keep(await prepareDevelopmentSigner({ directory: source.directory, timestampAuthority: timestampAuthority(), key: developmentKey }));
      })();
      return preparing;
    },
  };
}

declare module '../../http/types.js' {
  interface AppContext {
    /** The certificate that signs reports, made on first use (`lazySigner`). */
    signer: () => ReportSigner;
  }
}
