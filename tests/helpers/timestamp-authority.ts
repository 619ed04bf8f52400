/**
 * A real RFC 3161 timestamp authority on loopback for the tests and the benchmark: Debian's
 * `openssl ts -reply` behind a small HTTP handler, signing with a TSA certificate made here
 * with the openssl CLI (extended key usage timeStamping, critical, as RFC 3161 §2.3 wants).
 * `misbehave` makes it fail in the ways a real authority can: an HTTP error, no answer, an
 * endless answer, a rejection, a token for other data or without our nonce.
 */
import { execFile } from 'node:child_process';
import { X509Certificate, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

const run = promisify(execFile);
const OPENSSL = '/usr/bin/openssl';

export type Misbehaviour =
  | 'none'
  | 'http-error'
  | 'no-answer'
  | 'oversized'
  | 'garbage'
  | 'rejection'
  /** A valid token, but over another signature value. */
  | 'other-imprint'
  /** A valid token for our imprint, but requested with another nonce. */
  | 'other-nonce';

export type TestTimestampAuthority = {
  url: string;
  /** The TSA certificate as Node describes it (subject one line, SHA-256 fingerprint). */
  subject: string;
  fingerprintSha256: string;
  /** Requests received, in order (the DER TimeStampReq), and their headers. */
  requests: Buffer[];
  headers: IncomingHttpHeaders[];
  /**
   * OpenSSL's own check of a token (`openssl ts -verify`): its signature by this authority's
   * certificate and that its imprint is the SHA-256 of `data`. Resolves to OpenSSL's output.
   */
  opensslVerify(token: Uint8Array, data: Uint8Array): Promise<string>;
  misbehave(how: Misbehaviour): void;
  close(): Promise<void>;
};

const CONFIG = `
[ tsa ]
default_tsa = tsa_config
[ tsa_config ]
serial = ./serial
crypto_device = builtin
signer_digest = sha256
default_policy = 1.3.6.1.4.1.99999.1
digests = sha256, sha384, sha512
accuracy = secs:1
ordering = no
tsa_name = yes
ess_cert_id_chain = no
ess_cert_id_alg = sha256
`;

/** The openssl CLI's DER reply to a DER query, made in `directory`. */
async function reply(directory: string, query: Buffer): Promise<Buffer> {
  const name = randomBytes(6).toString('hex');
  const queryFile = join(directory, `${name}.tsq`);
  const replyFile = join(directory, `${name}.tsr`);
  writeFileSync(queryFile, query);
  await run(OPENSSL, ['ts', '-reply', '-config', 'ts.cnf', '-queryfile', queryFile, '-signer', 'tsa.crt', '-inkey', 'tsa.key', '-out', replyFile], {
    cwd: directory,
  });
  return readFileSync(replyFile);
}

/** The same request with another imprint or nonce: what a confused or replaying authority would sign. */
function alteredQuery(query: Buffer, what: 'imprint' | 'nonce'): Buffer {
  const request = pkijs.TimeStampReq.fromBER(new Uint8Array(query));
  if (what === 'imprint') {
    request.messageImprint.hashedMessage = new asn1js.OctetString({ valueHex: randomBytes(32) });
  } else {
    request.nonce = new asn1js.Integer({ valueHex: Buffer.from([0x11, ...randomBytes(7)]) });
  }
  return Buffer.from(request.toSchema().toBER());
}

function rejection(): Buffer {
  const response = new pkijs.TimeStampResp({
    status: new pkijs.PKIStatusInfo({ status: pkijs.PKIStatus.rejection, statusStrings: [new asn1js.Utf8String({ value: 'onderhoud' })] }),
  });
  return Buffer.from(response.toSchema().toBER());
}

/**
 * @param options.extraCertificates how many further certificates the authority puts in every
 *   token (as a real one does with its chain), to make tokens larger.
 * @example const tsa = await startTimestampAuthority(); ... await tsa.close();
 */
export async function startTimestampAuthority(options: { extraCertificates?: number } = {}): Promise<TestTimestampAuthority> {
  const directory = mkdtempSync(join(tmpdir(), 'gw-tsa-'));
  const extra = options.extraCertificates ?? 0;
  writeFileSync(join(directory, 'ts.cnf'), extra > 0 ? `${CONFIG}certs = ./extra.pem\n` : CONFIG);
  writeFileSync(join(directory, 'serial'), '01\n');
  await run(
    OPENSSL,
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      'tsa.key',
      '-out',
      'tsa.crt',
      '-days',
      '2',
      '-subj',
      '/C=NL/O=Gunningswijzer test/CN=Test-tijdstempeldienst',
      '-addext',
      'extendedKeyUsage=critical,timeStamping',
      '-addext',
      'keyUsage=critical,digitalSignature',
      '-addext',
      'basicConstraints=critical,CA:FALSE',
    ],
    { cwd: directory },
  );
  const certificate = new X509Certificate(readFileSync(join(directory, 'tsa.crt')));
  const pems: string[] = [];
  for (let i = 0; i < extra; i++) {
    // The TSA's key again: a certificate per subject is enough to grow the token, without key generation.
    const { stdout } = await run(
      OPENSSL,
      ['req', '-x509', '-key', 'tsa.key', '-days', '2', '-subj', `/C=NL/O=Gunningswijzer test/CN=Tussencertificaat ${i + 1}`],
      { cwd: directory },
    );
    pems.push(stdout);
  }
  if (extra > 0) writeFileSync(join(directory, 'extra.pem'), pems.join(''));

  let how: Misbehaviour = 'none';
  const requests: Buffer[] = [];
  const headers: IncomingHttpHeaders[] = [];
  // openssl ts updates its serial file: one reply at a time.
  let queue: Promise<unknown> = Promise.resolve();
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const query = Buffer.concat(chunks);
      requests.push(query);
      headers.push(request.headers);
      const send = (status: number, body: Buffer) => {
        response.writeHead(status, { 'content-type': 'application/timestamp-reply' });
        response.end(body);
      };
      if (how === 'http-error') return send(500, Buffer.from('storing'));
      if (how === 'no-answer') return; // the client's timeout has to end this
      if (how === 'garbage') return send(200, Buffer.from('dit is geen tijdstempel'));
      if (how === 'rejection') return send(200, rejection());
      if (how === 'oversized') {
        response.writeHead(200, { 'content-type': 'application/timestamp-reply' });
        const block = Buffer.alloc(64 * 1024, 0x30);
        let sent = 0;
        const pump = () => {
          while (sent < 64 && !response.destroyed && response.write(block)) sent++;
          if (sent >= 64 || response.destroyed) response.end();
          else response.once('drain', pump);
        };
        return pump();
      }
      const asked = how === 'other-imprint' ? alteredQuery(query, 'imprint') : how === 'other-nonce' ? alteredQuery(query, 'nonce') : query;
      const next = queue.then(() => reply(directory, asked));
      queue = next.catch(() => undefined);
      next.then(
        (body) => send(200, body),
        (error: unknown) => send(500, Buffer.from(String(error))),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/tsa`,
    subject: certificate.subject.split('\n').filter(Boolean).join(', '),
    fingerprintSha256: certificate.fingerprint256,
    requests,
    headers,
    opensslVerify: async (token, data) => {
      const name = randomBytes(6).toString('hex');
      writeFileSync(join(directory, `${name}.tst`), token);
      writeFileSync(join(directory, `${name}.dat`), data);
      const { stdout, stderr } = await run(OPENSSL, ['ts', '-verify', '-token_in', '-in', `${name}.tst`, '-data', `${name}.dat`, '-CAfile', 'tsa.crt'], {
        cwd: directory,
      });
      return `${stdout}${stderr}`;
    },
    misbehave: (next) => {
      how = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          rmSync(directory, { recursive: true, force: true });
          resolve();
        });
      }),
  };
}
