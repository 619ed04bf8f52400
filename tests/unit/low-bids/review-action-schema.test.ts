import { describe, expect, it } from 'vitest';
import { dutchErrorMap, issuesToProblems } from '../../../src/domain/evaluation/dossier.schema.js';
import { reviewActionSchema } from '../../../src/domain/low-bids/review-action.schema.js';

function problems(body: unknown) {
  const result = reviewActionSchema.safeParse(body, { error: dutchErrorMap });
  return result.success ? [] : issuesToProblems(result.error.issues, 'body');
}

describe('reviewActionSchema', () => {
  it('accepts the four actions as the API describes them', () => {
    const bodies = [
      { action: 'request-explanation', deadline: '2026-11-22', questions: 'Hoeveel lesuren?\nWelke groep?' },
      { action: 'request-explanation', deadline: '2026-11-22', questions: ['Hoeveel lesuren?'] },
      { action: 'record-explanation', explanation: 'Eigen lokalen.', receivedAt: '2026-11-20' },
      { action: 'record-no-response' },
      { action: 'decide', decision: 'rejected', motivation: 'Niet verklaard.' },
    ];
    for (const body of bodies) expect(reviewActionSchema.parse(body)).toEqual(body);
  });

  it('refuses unknown fields, so a misspelt motivation is not a decision without one', () => {
    expect(problems({ action: 'decide', decision: 'accepted', motivatie: 'x' })).toEqual([
      { path: 'motivation', message: 'verplicht veld ontbreekt' },
      { path: 'motivatie', message: 'onbekend veld "motivatie"' },
    ]);
  });

  it('refuses empty texts, impossible dates and unknown actions or decisions', () => {
    expect(problems({ action: 'request-explanation', deadline: '2026-02-29', questions: [] })).toEqual([
      { path: 'deadline', message: 'moet een bestaande datum zijn in de vorm JJJJ-MM-DD' },
      { path: 'questions', message: 'stel minstens één vraag' },
    ]);
    expect(problems({ action: 'decide', decision: 'maybe', motivation: ' ' })).toEqual([
      { path: 'decision', message: 'moet een van "accepted", "rejected" zijn' },
      { path: 'motivation', message: 'mag niet leeg zijn' },
    ]);
    expect(problems({ action: 'reopen' })).toHaveLength(1);
    expect(problems({ action: 'reopen' })[0]?.path).toBe('action');
  });
});
