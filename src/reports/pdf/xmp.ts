/**
 * @module
 * The document's XMP metadata (ISO 16684-1) as PDF/A-3 wants it (ISO 19005-3 §6.6): the
 * Info dictionary's title, author, subject, creator tool, producer and dates repeated with
 * the same values (§6.6.2.3.1), the PDF/A identification (part 3, conformance B), and what
 * the Archiefregeling asks a document of record to say about itself: its purpose, the tender,
 * the report id and who signs it (certificate subject and fingerprint). Those are properties
 * of our own namespace, which PDF/A allows only when the packet describes them in a PDF/A
 * extension schema (§6.6.2.3.3); the packet below does. Every value is XML-escaped: a title
 * with `&` or `<` must not break the packet.
 */

/** The namespace of Gunningswijzer's own document properties. */
export const GW_NAMESPACE = 'https://gunningswijzer.nl/ns/document/1.0/';

export type DocumentRecord = {
  /** What the document is, in Dutch: "Beoordelingsrapport (proces-verbaal) ...". */
  purpose: string;
  reportId: string;
  tender: { reference: string; title: string; buyer: string };
  /** Who signs: the signing certificate's subject and SHA-256 fingerprint. */
  signer: { subject: string; fingerprintSha256: string };
  /** SHA-256 (hex) of the embedded dossier, when the document embeds one. */
  dossierSha256?: string | undefined;
};

export type XmpFields = {
  title: string;
  author: string;
  subject: string;
  creatorTool: string;
  producer: string;
  createdAt: Date;
  record?: DocumentRecord | undefined;
};

/** Each own property with the description its extension schema gives it. */
const DESCRIPTIONS = {
  purpose: 'Het doel van het document (soort stuk en waarvoor het dient)',
  reportId: 'Het kenmerk van het document in Gunningswijzer',
  tenderReference: 'Het kenmerk van de aanbesteding',
  tenderTitle: 'De titel van de aanbesteding',
  buyer: 'De aanbestedende dienst',
  signer: 'Het onderwerp (subject) van het certificaat waarmee het document is ondertekend',
  signingCertificateSha256: 'De SHA-256-vingerafdruk van dat certificaat',
  dossierSha256: 'De SHA-256 van het ingesloten dossier (dossier.json)',
} as const;

/** XML text content and attribute values: the five predefined entities. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] as string);
}

/** `2027-02-01T10:00:00Z`: the instant to the second, as pdfkit writes the Info dates. */
export function xmpDate(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}

function alt(value: string): string {
  return `<rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(value)}</rdf:li></rdf:Alt>`;
}

function extensionSchema(): string {
  const properties = Object.entries(DESCRIPTIONS)
    .map(
      ([name, description]) =>
        `<rdf:li rdf:parseType="Resource"><pdfaProperty:name>${name}</pdfaProperty:name><pdfaProperty:valueType>Text</pdfaProperty:valueType><pdfaProperty:category>external</pdfaProperty:category><pdfaProperty:description>${escapeXml(description)}</pdfaProperty:description></rdf:li>`,
    )
    .join('\n');
  return `<rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">
<pdfaSchema:schema>Gunningswijzer: document van de aanbesteding</pdfaSchema:schema>
<pdfaSchema:namespaceURI>${GW_NAMESPACE}</pdfaSchema:namespaceURI>
<pdfaSchema:prefix>gw</pdfaSchema:prefix>
<pdfaSchema:property><rdf:Seq>
${properties}
</rdf:Seq></pdfaSchema:property>
</rdf:li></rdf:Bag></pdfaExtension:schemas>
</rdf:Description>`;
}

function gwDescription(values: readonly [string, string | undefined][]): string {
  const present = values.filter((entry): entry is [string, string] => entry[1] !== undefined);
  if (present.length === 0) return '';
  const properties = present.map(([name, value]) => `<gw:${name}>${escapeXml(value)}</gw:${name}>`).join('\n');
  return `<rdf:Description rdf:about="" xmlns:gw="${GW_NAMESPACE}">\n${properties}\n</rdf:Description>\n${extensionSchema()}`;
}

/**
 * The rdf:Description elements of the packet (pdfkit wraps them in x:xmpmeta and rdf:RDF).
 * @example xmpDescriptions({ title, author, subject, creatorTool, producer, createdAt, record })
 */
export function xmpDescriptions(fields: XmpFields): string {
  const { record } = fields;
  const date = xmpDate(fields.createdAt);
  const gw: [string, string | undefined][] =
    record === undefined
      ? []
      : [
          ['purpose', record.purpose],
          ['reportId', record.reportId],
          ['tenderReference', record.tender.reference],
          ['tenderTitle', record.tender.title],
          ['buyer', record.tender.buyer],
          ['signer', record.signer.subject],
          ['signingCertificateSha256', record.signer.fingerprintSha256],
          ['dossierSha256', record.dossierSha256],
        ];
  return `<rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">
<pdfaid:part>3</pdfaid:part>
<pdfaid:conformance>B</pdfaid:conformance>
</rdf:Description>
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
<dc:format>application/pdf</dc:format>
<dc:title>${alt(fields.title)}</dc:title>
<dc:creator><rdf:Seq><rdf:li>${escapeXml(fields.author)}</rdf:li></rdf:Seq></dc:creator>
<dc:description>${alt(fields.subject)}</dc:description>
<dc:language><rdf:Bag><rdf:li>nl-NL</rdf:li></rdf:Bag></dc:language>
</rdf:Description>
<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
<xmp:CreateDate>${date}</xmp:CreateDate>
<xmp:ModifyDate>${date}</xmp:ModifyDate>
<xmp:CreatorTool>${escapeXml(fields.creatorTool)}</xmp:CreatorTool>
</rdf:Description>
<rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
<pdf:Producer>${escapeXml(fields.producer)}</pdf:Producer>
</rdf:Description>
${gwDescription(gw)}`;
}
