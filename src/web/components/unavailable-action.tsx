/**
 * @module
 * An action that is not possible yet (the award decision while a review is open, the award
 * during the standstill): its button shown disabled, with the reasons beside it and tied to
 * it by `aria-describedby`, so nobody presses a button only to be told no.
 */
export function UnavailableAction({ id, label, reasons }: { id: string; label: string; reasons: readonly string[] }) {
  const reasonId = `${id}-reden`;
  return (
    <div class="gw-unavailable">
      <button type="button" class="utrecht-button utrecht-button--primary-action" disabled aria-describedby={reasonId}>
        {label}
      </button>
      <div class="gw-unavailable__reason" id={reasonId}>
        <p class="utrecht-paragraph">{reasons.length === 1 ? 'Kan nog niet:' : 'Kan nog niet, omdat:'}</p>
        <ul class="utrecht-unordered-list">
          {reasons.map((reason) => (
            <li class="utrecht-unordered-list__item">{reason}</li>
          ))}
        </ul>
      </div>
    </div>
  );
}
