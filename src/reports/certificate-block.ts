/**
 * @module
 * Who signed the file, on the cover of a report and at the end of a letter, and whether the
 * signature carries a trusted time (PAdES B-T) or only the server's own clock (B-B); for the
 * development certificate a framed warning, because its signature proves integrity only.
 */
import { formatInstant } from './format-dates.js';
import { COLOR, SIZE, heading, labelledRows, notice, paragraph } from './pdf/layout.js';
import type { PdfDocument } from './pdf/pdf-document.js';
import type { CertificateInfo, SignatureLevel } from './signing/signer.js';
import { fill, wording } from './wording.js';

/** 32 colon-joined pairs have no place to wrap; two lines of 16 fit the column. */
function splitFingerprint(fingerprint: string): string {
  const pairs = fingerprint.split(':');
  return pairs.length <= 16 ? fingerprint : `${pairs.slice(0, 16).join(':')}:\n${pairs.slice(16).join(':')}`;
}

export function drawDevelopmentWarning(doc: PdfDocument): void {
  const words = wording.common;
  notice(doc, { title: words.developmentWarningTitle, text: words.developmentWarning, color: COLOR.warning, fill: COLOR.warningFill });
}

/** `warnForDevelopment: false` where the warning was already shown higher up the page. */
export function drawCertificate(
  doc: PdfDocument,
  options: { certificate: CertificateInfo; signatureLevel: SignatureLevel; warnForDevelopment: boolean; checkUrl: string },
): void {
  const { certificate } = options;
  const words = wording.common;
  heading(doc, { text: words.certificateTitle, level: 3 });
  labelledRows(doc, {
    rows: [
      [words.certificateSubject, certificate.subject],
      [words.certificateIssuer, certificate.issuer],
      [words.certificateValidity, fill(words.certificateValidityValue, { from: formatInstant(certificate.validFrom), to: formatInstant(certificate.validTo) })],
      [words.certificateFingerprint, splitFingerprint(certificate.fingerprintSha256)],
      [words.certificateTimestamp, options.signatureLevel === 'B-T' ? words.timestampPresent : words.timestampAbsent],
    ],
  });
  if (certificate.development && options.warnForDevelopment) drawDevelopmentWarning(doc);
  paragraph(doc, { text: fill(words.signatureNote, { checkUrl: options.checkUrl }), size: SIZE.small, color: COLOR.muted });
}
