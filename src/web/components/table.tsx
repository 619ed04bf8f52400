/**
 * @module
 * Utrecht tables. Numbers align right (`--numeric`) so amounts can be compared by eye;
 * every table has a caption and header cells with `scope`, so a screen reader announces
 * the column with each cell.
 */
import type { Child } from 'hono/jsx';

export type Column = { label: string; numeric?: boolean };

export function Table({ caption, columns, children }: { caption: Child; columns: readonly Column[]; children?: Child }) {
  return (
    <div class="gw-scroll">
      <table class="utrecht-table utrecht-table--html-table utrecht-table--distanced">
        <caption class="utrecht-table__caption">{caption}</caption>
        <thead class="utrecht-table__header">
          <tr class="utrecht-table__row">
            {columns.map((column) => (
              <th scope="col" class={`utrecht-table__header-cell${column.numeric ? ' utrecht-table__header-cell--numeric-column' : ''}`}>
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody class="utrecht-table__body">{children}</tbody>
      </table>
    </div>
  );
}

export function Row({ children }: { children?: Child }) {
  return <tr class="utrecht-table__row">{children}</tr>;
}

/**
 * `numeric`: an amount or a number, right-aligned and never wrapped; `date`: a date or an
 * instant, never wrapped (issue 16); `code`: a hash or identifier that may break anywhere.
 */
export function Cell({ numeric, date, code, header, children }: { numeric?: boolean; date?: boolean; code?: boolean; header?: boolean; children?: Child }) {
  const numericClass = `${numeric ? ' utrecht-table__cell--numeric-data utrecht-table__cell--numeric-column' : ''}${date ? ' gw-cell--date' : ''}${code ? ' gw-code' : ''}`;
  return header ? (
    <th scope="row" class={`utrecht-table__header-cell${numericClass}`}>
      {children}
    </th>
  ) : (
    <td class={`utrecht-table__cell${numericClass}`}>{children}</td>
  );
}
