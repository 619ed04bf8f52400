import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { World } from '../helpers/seed.js';
import type { TestApp } from '../helpers/test-app.js';
import { visibleText, type PageClient } from './page-client.js';
import { ijssellandB1Example } from '../helpers/dossiers.js';
import { pageWorld } from './page-world.js';
import { importAlmereTender } from '../helpers/tenders.js';

const EXAMPLE = ijssellandB1Example();

let t: TestApp;
let w: World;
let page: PageClient;
let id: string;
beforeEach(async () => {
  ({ t, w, page } = await pageWorld());
  id = await importAlmereTender(w, EXAMPLE);
});
afterEach(() => t.close());

describe('the reports pages', () => {
  it('makes a signed evaluation report, lists it for download, and verifies the downloaded PDF', async () => {
    const made = await page.post(`/aanbestedingen/${id}/rapporten`, { kind: 'evaluation' });
    expect(made.status, visibleText(made.html).slice(0, 400)).toBe(303);
    const list = await page.get(`/aanbestedingen/${id}/rapporten?melding=x`);
    const link = /href="(\/api\/v1\/reports\/[^"]+)" download/.exec(list.html)?.[1];
    expect(link).toBeDefined();
    expect(visibleText(list.html)).toContain('Beoordelingsrapport downloaden (PDF)');
    const pdf = await t.app.request(`http://localhost${link ?? ''}`, { headers: { cookie: `gw_session=${page.cookies.get('gw_session') ?? ''}` } });
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const bytes = new Uint8Array(await pdf.arrayBuffer());
    const form = new FormData();
    form.set('pdf', new File([bytes], 'rapport.pdf'));
    const checked = await page.post('/rapporten/controleren', form);
    expect(checked.status).toBe(200);
    expect(visibleText(checked.html)).toContain('rapport.pdf: de handtekening is geldig, dekt het hele bestand en dit is rapport');
    expect(visibleText(checked.html)).toContain('PAdES B-B: zonder tijdstempel, dus zonder vertrouwd tijdstip.');
    // The file's own SHA-256, which the report cannot print inside itself, is on the check page.
    expect(visibleText(checked.html)).toContain(`SHA-256 van het bestand: ${createHash('sha256').update(bytes).digest('hex')}.`);
    const tampered = new Uint8Array(bytes);
    const at = Math.floor(tampered.length / 3);
    tampered[at] = (tampered[at] ?? 0) ^ 1;
    const bad = new FormData();
    bad.set('pdf', new File([tampered], 'gewijzigd.pdf'));
    expect(visibleText((await page.post('/rapporten/controleren', bad)).html)).toContain('gewijzigd.pdf: de handtekening is ongeldig of ontbreekt');
  });

  it("refuses an award letter before the award decision, with the service's reason", async () => {
    const refused = await page.post(`/aanbestedingen/${id}/rapporten`, { kind: 'award-letter', bidId: 'B1' });
    expect(refused.status).toBe(409);
    expect(visibleText(refused.html)).toContain('Een gunningsbrief kan pas worden gemaakt na de gunningsbeslissing');
  });
});
