/**
 * @module
 * `/aanbestedingen/:id/rapporten`: the signed reports of a tender (`listReports`), making an
 * evaluation report or an award letter (`createReport`), and downloading them from
 * `GET /api/v1/reports/:id` (the same session cookie). `/rapporten/controleren`: checking an
 * uploaded PDF's signature and whether this server issued it (`verifyReport`).
 */
import { Hono, type Context } from 'hono';
import type { Bid } from '../../domain/evaluation/dossier.js';
import { requireActor } from '../../http/authenticate.js';
import type { AppContext, AppEnv } from '../../http/types.js';
import { AppError } from '../../lib/app-error.js';
import { listBids } from '../../modules/bids/bids.service.js';
import { createReport, listReports, verifyReport, type ListedReport, type ReportVerification } from '../../modules/reports/reports.service.js';
import type { SignatureRecord } from '../../reports/signing/signature-record.js';
import { ReportInput } from '../../modules/reports/reports.routes.js';
import { parseInput } from '../../lib/zod-errors.js';
import { tenderAccessOf, tenderRowOf, type TenderAccess } from '../../modules/tenders/tender-access.js';
import { Notice, SubmitButton } from '../components/alerts.js';
import { BidName } from '../components/bid-name.js';
import { bidLabel } from '../../domain/bid-label.js';
import { SelectField } from '../components/form-field.js';
import { Cell, Row, Table } from '../components/table.js';
import { TenderFrame, tenderPath } from '../components/tender-frame.js';
import { formatInstantDateTime } from '../format.js';
import { NO_ERRORS } from '../forms/form-errors.js';
import { readForm } from '../forms/form-values.js';
import { Layout } from '../layout.js';
import { redirectAfterPost, renderPage } from '../render.js';
import { readBidNames } from '../tender-data.js';
import { viewerOf, type Viewer } from '../viewer.js';

const KIND_NAMES = {
  evaluation: 'Beoordelingsrapport',
  'award-letter': 'Gunningsbrief',
  'price-opening': 'Proces-verbaal opening prijsenveloppen',
  'procedure-evaluation': 'Beoordelingsrapport van de procedure',
  'procedure-award-letter': 'Gunningsbrief van de procedure',
} as const;

function ReportsPage({
  viewer,
  access,
  decided,
  reports,
  bids,
  notice,
  refusal,
}: {
  viewer: Viewer;
  access: TenderAccess;
  /** Whether the award decision is taken, so that award letters can be made. */
  decided: boolean;
  reports: ListedReport[];
  bids: Bid[];
  notice: string | undefined;
  refusal: string | undefined;
}) {
  const inkoper = access.roles.has('inkoper');
  const names = new Map(bids.map((b) => [b.id, b.provider.name]));
  return (
    <TenderFrame viewer={viewer} access={access} tab="rapporten" title="Rapporten">
      {notice === undefined ? null : <Notice kind="ok">{notice}</Notice>}
      {refusal === undefined ? null : <Notice kind="error">{refusal}</Notice>}
      {reports.length === 0 ? (
        <p class="utrecht-paragraph utrecht-paragraph--distanced">Er zijn nog geen rapporten gemaakt.</p>
      ) : (
        <Table
          caption="Ondertekende rapporten, oudste eerst"
          columns={[
            { label: 'Soort' },
            { label: 'Inschrijving' },
            { label: 'Gemaakt' },
            { label: 'SHA-256' },
            { label: 'Handtekening gecontroleerd' },
            { label: 'Bestand' },
          ]}
        >
          {reports.map((r) => (
            <Row>
              <Cell header>{KIND_NAMES[r.kind]}</Cell>
              <Cell>{r.bidId === null ? '-' : <BidName bidId={r.bidId} name={names.get(r.bidId)} />}</Cell>
              <Cell date>{formatInstantDateTime(r.createdAt)}</Cell>
              <Cell>
                <code class="utrecht-code">{r.sha256.slice(0, 16)}</code>
              </Cell>
              <Cell>{signatureCheckSentence(r.signatureCheck)}</Cell>
              <Cell>
                <a class="utrecht-link utrecht-link--html-a" href={r.url} download>
                  {`${KIND_NAMES[r.kind]} ${r.bidId === null ? '' : bidLabel(r.bidId, names.get(r.bidId))} downloaden (PDF)`.replace('  ', ' ')}
                </a>
              </Cell>
            </Row>
          ))}
        </Table>
      )}
      {inkoper ? (
        <>
          <form method="post" action={tenderPath(access, 'rapporten')} class="utrecht-form">
            <h2 class="utrecht-heading-2 utrecht-heading-2--distanced">Beoordelingsrapport maken</h2>
            <p class="utrecht-paragraph utrecht-paragraph--distanced">
              Het rapport legt de beoordeling vast zoals die nu is, ondertekend; een later rapport vervangt het niet.
            </p>
            <input type="hidden" name="kind" value="evaluation" />
            <SubmitButton>Beoordelingsrapport maken</SubmitButton>
          </form>
          {!decided ? null : (
            <form method="post" action={tenderPath(access, 'rapporten')} class="utrecht-form">
              <h2 class="utrecht-heading-2 utrecht-heading-2--distanced">Gunningsbrief maken</h2>
              <input type="hidden" name="kind" value="award-letter" />
              <SelectField
                name="bidId"
                label="Voor inschrijving"
                errors={NO_ERRORS}
                options={bids.map((b) => ({ value: b.id, label: bidLabel(b.id, b.provider.name) }))}
              />
              <SubmitButton>Gunningsbrief maken</SubmitButton>
            </form>
          )}
        </>
      ) : null}
    </TenderFrame>
  );
}

/** Who signed, with which certificate, when it was validated and with what result (Archiefregeling). */
function signatureCheckSentence(check: SignatureRecord | null): string {
  if (check === null) return 'niet vastgelegd (rapport van voor deze controle)';
  const result = check.valid ? 'geldig' : `ongeldig: ${check.problems.join(' ')}`;
  const signer = check.signer === null ? 'onbekende ondertekenaar' : `${check.signer.subject} (certificaat SHA-256 ${check.signer.fingerprintSha256})`;
  return `${formatInstantDateTime(check.validatedAt)}: ${result}; ondertekend door ${signer}${check.padesLevel === null ? '' : `, PAdES ${check.padesLevel}`}.`;
}

/** What the document says of itself and whether its embedded dossier re-computes to what it prints. */
function documentSentences(result: ReportVerification): string[] {
  const document = result.document;
  if (document === null) return [];
  const sentences: string[] = [];
  if (document.pdfa !== null) sentences.push(`Archiefformaat PDF/A-${document.pdfa.slice(0, 1)}${document.pdfa.slice(1).toLowerCase()}.`);
  const record = document.record;
  if (record.purpose !== undefined)
    sentences.push(
      `Document: ${record.purpose}${record.tenderReference === undefined ? '' : `, aanbesteding ${record.tenderReference}`}${record.tenderTitle === undefined ? '' : ` (${record.tenderTitle})`}.`,
    );
  const proof = document.proof;
  if (proof !== null) {
    sentences.push(`SHA-256 van het ingesloten dossier: ${proof.dossierSha256}.`);
    const holds = proof.dossierValid && proof.embeddedResultMatches && proof.printedWinnerMatches && proof.printedRankingMatches;
    sentences.push(
      holds
        ? 'Het ingesloten dossier is opnieuw doorgerekend: de uitkomst, de winnaar en de rangschikking in het rapport kloppen.'
        : 'Het ingesloten dossier is opnieuw doorgerekend: de uitkomst, de winnaar of de rangschikking in het rapport klopt NIET.',
    );
  }
  const procedureProof = document.procedureProof;
  if (procedureProof !== null) {
    sentences.push(`SHA-256 van de ingesloten procedure: ${procedureProof.procedureSha256}.`);
    sentences.push(
      procedureProof.procedureValid && procedureProof.embeddedResultMatches
        ? 'De ingesloten procedure is opnieuw doorgerekend: de uitkomst per perceel en de toewijzing van de percelen in het rapport kloppen.'
        : 'De ingesloten procedure is opnieuw doorgerekend: de uitkomst per perceel of de toewijzing van de percelen in het rapport klopt NIET.',
    );
  }
  return sentences;
}

/** The PAdES level and, at B-T, the authority's time: what the API's verification says, in a sentence. */
function signatureLevelSentence(result: ReportVerification): string {
  if (result.timestamp !== null && result.padesLevel === 'B-T') {
    return `PAdES B-T: tijdstempel van ${formatInstantDateTime(result.timestamp.time)} door ${result.timestamp.authority.subject}.`;
  }
  if (result.padesLevel === 'B-B') return 'PAdES B-B: zonder tijdstempel, dus zonder vertrouwd tijdstip.';
  return 'Geen PAdES-handtekening.';
}

function VerifyPage({ viewer, result, fileName }: { viewer: Viewer; result: ReportVerification | undefined; fileName: string | undefined }) {
  return (
    <Layout title="Rapport controleren" viewer={viewer} nav="rapporten">
      <h1 class="utrecht-heading-1 utrecht-heading-1--distanced">Rapport controleren</h1>
      <p class="utrecht-paragraph utrecht-paragraph--distanced">
        Controleer of een PDF door deze Gunningswijzer is ondertekend en sindsdien niet is gewijzigd. De handtekening wordt cryptografisch gecontroleerd; daarna
        wordt het bestand opgezocht tussen de uitgegeven rapporten.
      </p>
      {result === undefined ? null : result.intact && result.knownReport ? (
        <Notice kind="ok">
          {fileName}: de handtekening is geldig, dekt het hele bestand en dit is rapport {result.reportId} van deze server. Ondertekend door{' '}
          {result.signer?.subject ?? 'onbekend'}. {signatureLevelSentence(result)} SHA-256 van het bestand: {result.sha256}.{' '}
          {documentSentences(result).join(' ')}
          {result.issuedSignatureCheck === null ? '' : ` Bij uitgifte gecontroleerd op ${signatureCheckSentence(result.issuedSignatureCheck)}`}
        </Notice>
      ) : (
        <Notice kind="error">
          {fileName}: {result.signatureValid ? 'de handtekening is geldig' : 'de handtekening is ongeldig of ontbreekt'}
          {result.signatureValid && !result.coversWholeDocument ? ', maar dekt niet het hele bestand' : ''}
          {result.knownReport ? '' : '; dit bestand is niet door deze server uitgegeven'}. SHA-256 van het bestand: {result.sha256}.{' '}
          {documentSentences(result).join(' ')}
          {result.problems.length > 0 ? ` ${result.problems.join(' ')}` : ''}
        </Notice>
      )}
      <form method="post" action="/rapporten/controleren" enctype="multipart/form-data" class="utrecht-form">
        <div class="utrecht-form-field utrecht-form-field--distanced utrecht-form-field--text">
          <div class="utrecht-form-field__label">
            <label class="utrecht-form-label" for="veld-pdf">
              PDF-bestand
            </label>
          </div>
          <div class="utrecht-form-field__input">
            <input id="veld-pdf" name="pdf" type="file" accept="application/pdf,.pdf" required class="utrecht-textbox utrecht-textbox--html-input" />
          </div>
        </div>
        <SubmitButton>Controleren</SubmitButton>
      </form>
    </Layout>
  );
}

export function reportPages(ctx: AppContext) {
  const app = new Hono<AppEnv>();
  const render = (c: Context<AppEnv>, extra: { notice?: string | undefined; refusal?: string | undefined }, status: 200 | 400 | 409 | 503 = 200) => {
    const viewer = viewerOf(ctx, c);
    const access = tenderAccessOf(c);
    const reports = listReports(ctx, { access });
    // Auditors read the bids too; an admin reads the reports but not the bids, and sees codes.
    const bids = access.roles.has('inkoper') || access.roles.has('auditor') ? (listBids(ctx, { actor: viewer.actor, access }) as Bid[]) : [];
    return renderPage(
      c,
      <ReportsPage
        viewer={viewer}
        access={access}
        decided={tenderRowOf(ctx, access).awardDecision !== null}
        reports={reports}
        bids={bids}
        notice={extra.notice}
        refusal={extra.refusal}
      />,
      status,
    );
  };

  app.get('/aanbestedingen/:id/rapporten', (c) => render(c, { notice: c.req.query('melding') }));
  app.post('/aanbestedingen/:id/rapporten', async (c) => {
    const access = tenderAccessOf(c);
    const values = await readForm(c);
    const kind = values.kind === 'award-letter' ? 'award-letter' : 'evaluation';
    try {
      await createReport(ctx, {
        actor: requireActor(c),
        access,
        input: parseInput(ReportInput, { kind, ...(kind === 'award-letter' ? { bidId: values.bidId } : {}) }),
      });
    } catch (error) {
      // 'unavailable': the timestamp authority failed and nothing was stored; the form stays to try again.
      if (!(error instanceof AppError) || (error.code !== 'invalid-input' && error.code !== 'conflict' && error.code !== 'unavailable')) throw error;
      if (error.code === 'unavailable') c.header('retry-after', error.headers['retry-after'] ?? '60');
      return render(c, { refusal: error.detail ?? error.errors.map((e) => e.message).join('; ') }, error.status as 400);
    }
    const bidId = values.bidId ?? '';
    const made =
      kind === 'evaluation'
        ? 'Het beoordelingsrapport is gemaakt en ondertekend.'
        : `De gunningsbrief voor ${bidLabel(bidId, readBidNames(ctx, requireActor(c), access).get(bidId))} is gemaakt en ondertekend.`;
    return redirectAfterPost(c, `${tenderPath(access, 'rapporten')}?melding=${encodeURIComponent(made)}`);
  });

  app.get('/rapporten/controleren', (c) => renderPage(c, <VerifyPage viewer={viewerOf(ctx, c)} result={undefined} fileName={undefined} />));
  app.post('/rapporten/controleren', async (c) => {
    const viewer = viewerOf(ctx, c);
    const file = (await c.req.parseBody()).pdf;
    if (!(file instanceof File) || file.size === 0) throw new AppError('invalid-input', { detail: 'Kies een PDF-bestand.' });
    const result = await verifyReport(ctx, { bytes: new Uint8Array(await file.arrayBuffer()) });
    return renderPage(c, <VerifyPage viewer={viewer} result={result} fileName={file.name} />);
  });
  return app;
}
