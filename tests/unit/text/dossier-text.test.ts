import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { dossierSchema, parseDossier, type ValidationProblem } from '../../../src/domain/evaluation/dossier.schema.js';
import { reviewActionSchema } from '../../../src/domain/low-bids/review-action.schema.js';
import { parseTemplate } from '../../../src/domain/templates/template.schema.js';
import { TEXT_LIMITS } from '../../../src/domain/text/text-limits.js';
import { exampleDossier } from '../../helpers/dossiers.js';

type Json = any;

function problemsOf(mutate: (d: Json) => void): ValidationProblem[] {
  const dossier: Json = exampleDossier();
  mutate(dossier);
  const result = parseDossier(dossier);
  return result.ok ? [] : result.problems;
}

describe('free text in a dossier (the import endpoint and the evaluate command)', () => {
  it('accepts every text at exactly its maximum', () => {
    expect(
      problemsOf((d) => {
        d.tender.reference = 'R'.repeat(TEXT_LIMITS.reference);
        d.tender.title = 'T'.repeat(TEXT_LIMITS.title);
        d.criteria[0].description = 'Regel een.\n'.repeat(TEXT_LIMITS.description / 11) + 'x'.repeat(TEXT_LIMITS.description % 11);
        d.bids[0].provider.name = 'N'.repeat(TEXT_LIMITS.name);
      }),
    ).toEqual([]);
  });

  it('refuses a provider name, title and reference one character too long, at their paths', () => {
    const problems = problemsOf((d) => {
      d.bids[1].provider.name = 'N'.repeat(TEXT_LIMITS.name + 1);
      d.tender.title = 'T'.repeat(TEXT_LIMITS.title + 1);
      d.tender.reference = 'R'.repeat(200_000);
    });
    expect(problems).toEqual([
      { path: 'tender.reference', message: 'het kenmerk is te lang: hoogstens 200 tekens (nu 200.000)' },
      { path: 'tender.title', message: 'de titel is te lang: hoogstens 200 tekens (nu 201)' },
      { path: 'bids[1].provider.name', message: 'de naam is te lang: hoogstens 200 tekens (nu 201)' },
    ]);
  });

  it('refuses a line break in a name, a bidi override in a title and a tab in a price line', () => {
    const problems = problemsOf((d) => {
      d.bids[0].provider.name = 'Taalhuis\nGegund aan: Taalhuis';
      d.criteria[1].title = 'Duale \u202etrajecten';
      d.bids[3].priceLines[0].description = 'Trajecten\tB1';
    });
    expect(problems).toEqual([
      { path: 'criteria[1].title', message: expect.stringContaining('de titel mag geen richtingsteken bevatten (U+202E op positie 7)') },
      { path: 'bids[0].provider.name', message: 'de naam mag geen regeleinde bevatten (U+000A op positie 9)' },
      { path: 'bids[3].priceLines[0].description', message: 'de omschrijving mag geen tab bevatten (U+0009 op positie 10)' },
    ]);
  });

  it('keeps line breaks in a review motivation but not a bidi isolate, and bounds its length', () => {
    const review = (motivation: string) => (d: Json) => {
      d.bids[2].lowBidReview = { state: 'accepted', decision: 'accepted', motivation, decidedAt: '2026-03-01' };
    };
    expect(problemsOf(review('De prijs is verklaard.\nDe kostenvloer is gehaald.'))).toEqual([]);
    expect(problemsOf(review('De prijs \u2066is\u2069 verklaard.'))).toEqual([
      { path: 'bids[2].lowBidReview.motivation', message: expect.stringContaining('de motivering mag geen richtingsteken bevatten (U+2066') },
    ]);
    expect(problemsOf(review('x'.repeat(TEXT_LIMITS.motivation + 1)))).toEqual([
      { path: 'bids[2].lowBidReview.motivation', message: 'de motivering is te lang: hoogstens 10.000 tekens (nu 10.001)' },
    ]);
  });

  it('documents every maximum in the JSON schema the OpenAPI document is built from', () => {
    const schema = JSON.stringify(z.toJSONSchema(dossierSchema, { io: 'input', unrepresentable: 'any' }));
    for (const limit of [TEXT_LIMITS.reference, TEXT_LIMITS.title, TEXT_LIMITS.name, TEXT_LIMITS.label, TEXT_LIMITS.description, TEXT_LIMITS.motivation]) {
      expect(schema).toContain(`"maxLength":${limit}`);
    }
  });
});

describe('free text in a review action', () => {
  it('refuses a question in a list that holds a line break, and a list too long when joined', () => {
    const refused = reviewActionSchema.safeParse({ action: 'request-explanation', deadline: '2026-12-01', questions: ['Hoeveel uur?\nEn wie?'] });
    expect(refused.success ? [] : refused.error.issues.map((i) => i.message)).toEqual(['de vraag mag geen regeleinde bevatten (U+000A op positie 13)']);
    const many = reviewActionSchema.safeParse({
      action: 'request-explanation',
      deadline: '2026-12-01',
      questions: Array.from({ length: 3 }, () => 'v'.repeat(4_000)),
    });
    expect(many.success ? [] : many.error.issues.map((i) => i.message)).toEqual(['de vragen samen is te lang: hoogstens 10.000 tekens (nu 12.002)']);
  });
});

describe('free text in a tender template', () => {
  it('applies the same rules to a template file', () => {
    const template = JSON.parse(readFileSync(new URL('../../../templates/tenders/b1-route.json', import.meta.url), 'utf8'));
    template.name = 'B1-route\u202e';
    template.awardRationale = 'x'.repeat(TEXT_LIMITS.motivation + 1);
    const result = parseTemplate(template);
    expect(result.ok ? [] : result.problems).toEqual([
      { path: 'name', message: expect.stringContaining('de naam mag geen richtingsteken bevatten') },
      { path: 'awardRationale', message: 'de onderbouwing is te lang: hoogstens 10.000 tekens (nu 10.001)' },
    ]);
  });
});
