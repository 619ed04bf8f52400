/**
 * @module
 * The schools a conflict-of-interest declaration is about, by name and KvK number, shown to
 * the beoordelaar before it declares: on a tender's panel page and, for every lot at once, on
 * a procedure's (issue 21). Only names, never a price or a score (blind scoring).
 */
import type { DeclaredSchool } from '../../modules/panel/declaration-subject.js';

/** @param scope what the list covers, after "deze N inschrijvers" (", op alle percelen samen") */
export function DeclaredSchools({ schools, scope = '' }: { schools: readonly DeclaredSchool[]; scope?: string }) {
  if (schools.length === 0)
    return <p class="utrecht-paragraph utrecht-paragraph--distanced">Er zijn nog geen inschrijvingen; u verklaart over de inschrijvers die nog inschrijven.</p>;
  return (
    <>
      <p class="utrecht-paragraph utrecht-paragraph--distanced">
        U verklaart over {schools.length === 1 ? 'deze inschrijver' : `deze ${schools.length} inschrijvers`}
        {scope}:
      </p>
      <ul class="utrecht-unordered-list utrecht-unordered-list--distanced" id="verklaring-scholen">
        {schools.map((school) => (
          <li class="utrecht-unordered-list__item">
            {school.name} <span class="gw-bid__code">(KvK {school.kvk})</span>
          </li>
        ))}
      </ul>
    </>
  );
}
