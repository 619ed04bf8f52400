/**
 * @module
 * The exchange with a timestamp authority behind `createTimestampAuthority`
 * (timestamp-client.ts): the TimeStampReq (RFC 3161 §2.4.1), the HTTP POST with its timeout
 * and size limit (§3.4), and the checks of the reply. Loaded by the first timestamp, so that
 * pkijs is not read at the server's start (docs/build.md).
 */
import { createHash, randomBytes } from 'node:crypto';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { OID } from './oids.js';
import { TimestampError } from './timestamp-error.js';
import { berOf, verifyTimestampToken, type TimestampInfo } from './timestamp-token.js';

/**
 * RFC 3161 §2.4.1: a large random INTEGER nonce. The first byte is kept in 0x01..0x7f so the
 * eight bytes are a positive, minimally encoded DER INTEGER (X.690 §8.3.2).
 */
function newNonce(): Uint8Array {
  const nonce = randomBytes(8);
  nonce[0] = ((nonce[0] as number) & 0x7f) | 0x01;
  return nonce;
}

function timestampRequest(signatureValue: Uint8Array, nonce: Uint8Array): Uint8Array {
  const request = new pkijs.TimeStampReq({
    version: 1,
    messageImprint: new pkijs.MessageImprint({
      hashAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256, algorithmParams: new asn1js.Null() }),
      hashedMessage: new asn1js.OctetString({ valueHex: createHash('sha256').update(signatureValue).digest() }),
    }),
    nonce: new asn1js.Integer({ valueHex: nonce }),
    // The authority's certificate must be in the token, so that the token verifies on its own.
    certReq: true,
  });
  return new Uint8Array(request.toSchema().toBER());
}

function post(url: URL, body: Uint8Array, limits: { timeoutMs: number; maxResponseBytes: number }, shown: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const fail = (message: string) => reject(new TimestampError(message));
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const request = send(url, {
      method: 'POST',
      headers: { 'content-type': 'application/timestamp-query', accept: 'application/timestamp-reply', 'content-length': body.byteLength },
    });
    const timer = setTimeout(() => {
      request.destroy();
      fail(`de tijdstempeldienst ${shown} antwoordde niet binnen ${dutchSeconds(limits.timeoutMs)}`);
    }, limits.timeoutMs);
    const done = () => clearTimeout(timer);
    request.on('error', (error) => {
      done();
      fail(`de tijdstempeldienst ${shown} is niet bereikbaar (${(error as NodeJS.ErrnoException).code ?? error.message})`);
    });
    request.on('response', (response: IncomingMessage) => {
      if (response.statusCode !== 200) {
        done();
        response.resume();
        request.destroy();
        fail(`de tijdstempeldienst ${shown} antwoordde met HTTP ${response.statusCode ?? '?'}`);
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      response.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > limits.maxResponseBytes) {
          done();
          request.destroy();
          fail(`het antwoord van de tijdstempeldienst ${shown} is groter dan ${limits.maxResponseBytes} bytes`);
          return;
        }
        chunks.push(chunk);
      });
      response.on('end', () => {
        done();
        resolve(Buffer.concat(chunks));
      });
      response.on('error', (error) => {
        done();
        fail(`het antwoord van de tijdstempeldienst ${shown} brak af (${error.message})`);
      });
    });
    request.end(body);
  });
}

/** "0,3 seconden", "1 seconde", "10 seconden": the message is read by a Dutch inkoper. */
function dutchSeconds(ms: number): string {
  const seconds = ms / 1000;
  return `${seconds.toLocaleString('nl-NL', { maximumFractionDigits: 1 })} ${seconds === 1 ? 'seconde' : 'seconden'}`;
}

const GRANTED = [pkijs.PKIStatus.granted, pkijs.PKIStatus.grantedWithMods];

/** RFC 3161 §2.4.2: the status must grant a token, and the token must be there. */
function tokenOf(reply: Buffer, shown: string): Uint8Array {
  const parsed = asn1js.fromBER(new Uint8Array(reply));
  let response: pkijs.TimeStampResp;
  try {
    if (parsed.offset === -1) throw new Error(parsed.result.error);
    response = new pkijs.TimeStampResp({ schema: parsed.result });
  } catch (error) {
    throw new TimestampError(
      `het antwoord van de tijdstempeldienst ${shown} is geen RFC 3161-antwoord (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  if (!GRANTED.includes(response.status.status)) {
    const text = response.status.statusStrings?.map((s) => s.valueBlock.value).join('; ');
    throw new TimestampError(`de tijdstempeldienst ${shown} weigerde het tijdstempel (status ${response.status.status}${text ? `: ${text}` : ''})`);
  }
  // The token as the authority encoded it: its signature is over those bytes.
  const tokenSchema = (parsed.result as asn1js.Sequence).valueBlock.value[1];
  if (response.timeStampToken === undefined || tokenSchema === undefined) {
    throw new TimestampError(`de tijdstempeldienst ${shown} gaf geen tijdstempel terug`);
  }
  const token = berOf(tokenSchema);
  // The token goes into our CMS as parsed ASN.1; only DER comes back out byte for byte, and a
  // re-encoded token would no longer match the authority's signature.
  if (!Buffer.from(tokenSchema.toBER()).equals(token)) {
    throw new TimestampError(`het tijdstempel van ${shown} is niet in DER gecodeerd`);
  }
  return token;
}

function firstNonZero(bytes: Uint8Array): number {
  let index = 0;
  while (index < bytes.length - 1 && bytes[index] === 0) index++;
  return index;
}

/** Two big-endian INTEGER contents as numbers: DER drops leading zero bytes a request may keep. */
function sameInteger(a: Uint8Array, b: Uint8Array): boolean {
  return Buffer.from(a)
    .subarray(firstNonZero(a))
    .equals(Buffer.from(b).subarray(firstNonZero(b)));
}

/** The limits of one exchange: `createTimestampAuthority` fills in the defaults. */
export type TimestampLimits = { timeoutMs: number; maxResponseBytes: number };

/**
 * The verified DER TimeStampToken for `signatureValue` from the authority at `url` (`shown`
 * is the URL without credentials, for the messages).
 */
export async function requestTimestamp(
  url: URL,
  shown: string,
  limits: TimestampLimits,
  signatureValue: Uint8Array,
): Promise<{ token: Uint8Array; info: TimestampInfo }> {
  const nonce = newNonce();
  const reply = await post(url, timestampRequest(signatureValue, nonce), limits, shown);
  const token = tokenOf(reply, shown);
  const check = await verifyTimestampToken(token, signatureValue);
  if (!check.valid) throw new TimestampError(`de tijdstempeldienst ${shown} gaf een onbruikbaar tijdstempel: ${check.problem}`);
  // RFC 3161 §2.4.2: the nonce must come back unchanged, else the reply is not to our request.
  const returned = check.tstInfo.nonce?.valueBlock.valueHexView;
  if (returned === undefined || !sameInteger(returned, nonce)) {
    throw new TimestampError(`de tijdstempeldienst ${shown} gaf een tijdstempel zonder onze nonce terug`);
  }
  return { token, info: check.info };
}
