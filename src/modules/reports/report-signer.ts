/**
 * @module
 * Which certificate signs the reports: the operator's P12 (`SIGNING_P12`) or, without one, a
 * self-signed development certificate kept beside the database (api.md); and, with `TSA_URL`,
 * which timestamp authority stamps every signature (PAdES B-T). The signer is made on first
 * use and kept: parsing a P12 per signature is slow, and a development certificate is a key
 * generation.
 */
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname } from 'node:path';
import type { Logger } from '../../lib/logger.js';
import { createDevelopmentSigner } from '../../reports/signing/development-certificate.js';
import { createP12Signer } from '../../reports/signing/p12-signer.js';
import type { ReportSigner } from '../../reports/signing/signer.js';
import { createTimestampAuthority, type TimestampAuthorityOptions } from '../../reports/signing/timestamp-client.js';

export type SignerSource =
  | { kind: 'p12'; path: string; password: string }
  | { kind: 'development'; directory: string };

/** The development certificate lives next to the database (`data/` by default). */
export function developmentSignerSource(databasePath: string): SignerSource {
  return { kind: 'development', directory: databasePath === ':memory:' || databasePath === '' ? tmpdir() : dirname(databasePath) };
}

/** Without `timestamping` the reports are PAdES B-B: signed, but with no trusted time. */
export function lazySigner(source: SignerSource, logger: Logger, timestamping?: TimestampAuthorityOptions): () => ReportSigner {
  let signer: ReportSigner | undefined;
  return () => {
    if (signer !== undefined) return signer;
    const timestampAuthority = timestamping === undefined ? undefined : createTimestampAuthority(timestamping);
    if (source.kind === 'p12') {
      signer = createP12Signer({ p12: readFileSync(source.path), password: source.password, timestampAuthority });
    } else {
      const development = createDevelopmentSigner({ directory: source.directory, timestampAuthority });
      logger.warn('reports are signed with a self-signed DEVELOPMENT certificate; set SIGNING_P12 for real use', {
        path: development.path,
        created: development.created,
      });
      signer = development;
    }
    return signer;
  };
}
