/**
 * @module
 * A list of label and value pairs in the Utrecht data-list markup (`dl`), so a screen reader
 * reads each value with its label.
 */
import type { Child } from 'hono/jsx';

export function DataList({ rows }: { rows: readonly (readonly [string, Child])[] }) {
  return (
    <dl class="utrecht-data-list utrecht-data-list--rows">
      {rows.map(([key, value]) => (
        <div class="utrecht-data-list__item">
          <dt class="utrecht-data-list__item-key">{key}</dt>
          <dd class="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
