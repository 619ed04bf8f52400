/**
 * @module
 * The type of the pdfkit document every layout helper draws on, apart from the module that
 * creates it (pdf-document.ts), which itself uses the helpers: so that no import goes in a ring.
 */
export type PdfDocument = PDFKit.PDFDocument;
