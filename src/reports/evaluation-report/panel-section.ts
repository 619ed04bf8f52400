/**
 * @module
 * Section 7: the panel. Each member's conflict-of-interest declaration and seal time show
 * that scoring was independent: declared before seeing the bids, scores hidden until sealed.
 * Before every member has sealed, it names who has not and says the report holds no
 * individual scores until then.
 */
import { formatInstant } from '../format-dates.js';
import { FONT, heading, paragraph } from '../pdf/layout.js';
import { drawTable } from '../pdf/table.js';
import { unsealedMembers } from '../report-format.js';
import { fill, wording } from '../wording.js';
import type { SectionContext } from './context.js';

export function drawPanelSection(context: SectionContext): void {
  const { doc, data } = context;
  const words = wording.evaluation.panel;
  heading(doc, { text: wording.evaluation.sections.panel, level: 1 });
  const members = data.panel?.members ?? [];
  if (members.length === 0) {
    paragraph(doc, { text: words.none });
    return;
  }
  paragraph(doc, { text: words.intro });
  const unsealed = unsealedMembers(data);
  if (unsealed !== undefined) paragraph(doc, { text: fill(words.notSealed, { names: unsealed }), font: FONT.bold });
  const [name = '', declaration = '', remarks = '', sealed = ''] = words.columns;
  drawTable(doc, {
    columns: [
      { header: name, width: 0.24 },
      { header: declaration, width: 0.24 },
      { header: remarks, width: 0.3 },
      { header: sealed, width: 0.22 },
    ],
    rows: members.map((member) => ({
      cells: [
        member.name,
        member.conflictDeclaredAt === null ? wording.common.notDeclared : formatInstant(member.conflictDeclaredAt),
        member.conflictRemarks ?? wording.common.none,
        member.sealedAt === null ? wording.common.notSealed : formatInstant(member.sealedAt),
      ],
    })),
  });
}
