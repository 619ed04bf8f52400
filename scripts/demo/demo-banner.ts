/**
 * @module
 * What `npm run demo` prints once the server listens: the address, and per account the web
 * page to open first (opening it asks for the login and then goes there), and the tenders and
 * the procedures in lots by their pages. Web pages only: the API is for scripts, and its document names itself.
 */
import { statusName } from '../../src/reports/report-format.js';
import { DEMO_PASSWORD } from './demo-world.js';
import type { DemoSummary } from './generate-demo.js';

/**
 * @example demoBanner({ address: 'http://127.0.0.1:3000', summary, seconds: 7.2, database: './data/demo.db' })
 */
export function demoBanner({ address, summary, seconds, database }: { address: string; summary: DemoSummary; seconds: number; database: string }): string {
  const statusWidth = Math.max(...summary.tenders.map((t) => statusName(t.status).length));
  const lines = [
    `Gunningswijzer demo: open ${address}/inloggen  (klaar in ${seconds.toFixed(1).replace('.', ',')} s; database ${database})`,
    '',
    `Inloggen (wachtwoord voor allen: ${DEMO_PASSWORD}); open de pagina naast een account en log in met zijn e-mailadres:`,
    ...summary.users.flatMap((u) => [`  ${u.email.padEnd(32)} ${u.name.padEnd(18)} ${u.what}`, `  ${''.padEnd(32)} ${address}${u.start}`]),
    '',
    'Aanbestedingen:',
    ...summary.tenders.map(
      (t) => `  ${t.reference.padEnd(18)} ${statusName(t.status).padEnd(statusWidth)} ${t.lot.padEnd(42)} ${address}/aanbestedingen/${t.id}`,
    ),
    '',
    'Procedures in percelen:',
    ...summary.procedures.map((p) => `  ${p.reference.padEnd(18)} ${p.title}  ${address}/procedures/${p.id}`),
    '',
    `Regiovergelijking Regio IJsselland: ${address}/regio/${summary.organisations.regio}/vergelijking`,
  ];
  return `${lines.join('\n')}\n`;
}
