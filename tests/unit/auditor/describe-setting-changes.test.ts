/**
 * Issue 16: a `tender.update` on the audit page and the auditor's timeline reads as Dutch
 * phrases with the old and the new value formatted (money, percentages, scores, the
 * vocabulary's names), not as the names of the groups that changed or as JSON.
 */
import { describe, expect, it } from 'vitest';
import { describeAuditEvent } from '../../../src/modules/auditor/describe-audit-event.js';
import { describeSettingChanges } from '../../../src/modules/auditor/describe-setting-changes.js';

const scale = [0, 2, 4, 6, 8, 10];
const before = {
  tender: {
    reference: 'ALM-2026-INB-01',
    title: 'Inburgering B1-route',
    buyer: 'Gemeente Almere',
    lot: 'B1-route',
    estimatedValue: 600000,
    expectedLearners: 100,
  },
  award: { method: 'lowest-relative', priceWeight: 30, tieBreak: ['quality', 'lot'] },
  criteria: [
    { id: 'K1', title: 'Didactische aanpak', weight: 25, scale, minimum: 4 },
    { id: 'K2', title: 'Begeleiding', weight: 20, scale },
  ],
  lowBidRules: {
    preset: 'nl-default',
    rules: [{ id: 'gap-to-next', threshold: 25 }],
    costFloor: { contactHours: 600, teacherHourlyCost: 55, groupSize: 12, overheadShare: 0.35 },
  },
  settings: { showPricesToEvaluators: false },
};

describe('the changes of a tender.update', () => {
  it('names each changed value with its old and new value, formatted', () => {
    const after = {
      tender: { ...before.tender, title: 'Inburgering B1-route 2027', estimatedValue: 650000.5, expectedLearners: undefined },
      award: { method: 'min-max-bids', priceWeight: 40, tieBreak: ['price', 'lot'] },
      criteria: [
        { id: 'K1', title: 'Didactische aanpak', weight: 30, scale, minimum: 6 },
        { id: 'K3', title: 'Kwalificaties docenten', weight: 15, scale },
      ],
      lowBidRules: {
        preset: 'nl-default',
        rules: [
          { id: 'gap-to-next', threshold: 20 },
          { id: 'mean-of-others', enabled: false },
        ],
        costFloor: { contactHours: 600, teacherHourlyCost: 57.5, groupSize: 10, overheadShare: 0.4 },
      },
      settings: { showPricesToEvaluators: true },
    };
    expect(describeSettingChanges(before, after)).toEqual([
      'titel "Inburgering B1-route" werd "Inburgering B1-route 2027"',
      'raming €\u00a0600.000,00 werd €\u00a0650.000,50',
      'verwacht aantal inburgeraars verwijderd (was 100)',
      'gunningsmethode Laagste prijs relatief (laagste prijs gedeeld door de eigen prijs) werd Min-max tussen de inschrijvingen',
      'prijsgewicht 30 werd 40',
      'beslisregel bij gelijke stand hoogste kwaliteit, dan loting werd laagste prijs, dan loting',
      'criterium K1 (Didactische aanpak): gewicht 25 werd 30, minimumscore 4 werd 6',
      'criterium K3 (Kwalificaties docenten) toegevoegd met gewicht 15',
      'criterium K2 (Begeleiding) verwijderd',
      'regel "afstand tot de eerstvolgende inschrijving": drempel 25 werd 20',
      'regel "vergelijking met het gemiddelde van de andere inschrijvingen": uitgezet',
      'kostenvloer: kosten docent per lesuur €\u00a055,00 werd €\u00a057,50',
      'kostenvloer: groepsgrootte 12 werd 10',
      'kostenvloer: opslag overhead 35% werd 40%',
      'beoordelaars zien de prijzen nee werd ja',
    ]);
  });

  it('says so when nothing changed, and names a group it does not know without its JSON', () => {
    expect(describeSettingChanges(before, structuredClone(before))).toEqual([]);
    expect(describeSettingChanges({ ...before, extra: { a: 1 } }, { ...before, extra: { a: 2 } })).toEqual(['andere instellingen']);
  });

  it('is the sentence of the audit page and the timeline, with no identifier or JSON in it', () => {
    const after = { ...before, tender: { ...before.tender, estimatedValue: 450000 }, lowBidRules: { ...before.lowBidRules, preset: 'germany' } };
    const sentence = describeAuditEvent({ action: 'tender.update', entityId: 't1', change: { before, after }, redacted: false });
    expect(sentence).toMatch(/^Concept gewijzigd: raming €\u00a0600\.000,00 werd €\u00a0450\.000,00; standaardregels .+ werd .+\.$/);
    expect(sentence).not.toMatch(/nl-default|germany|[{}"]/);
    expect(describeAuditEvent({ action: 'tender.update', entityId: 't1', change: { before, after: before }, redacted: false })).toBe(
      'Concept gewijzigd: niets inhoudelijks.',
    );
  });
});
