/**
 * @module
 * A bounded map whose entries hold only for the version they were stored at. The server's
 * caches take the version from the audit trail (every change appends an event in its own
 * transaction), so an entry is used only while nothing it depends on has changed.
 */

export type VersionedCache<V> = {
  /** The value stored for `key` at exactly `version`, or undefined. */
  get: (key: string, version: string) => V | undefined;
  set: (key: string, version: string, value: V) => void;
};

export type VersionedCacheLimits<V> = {
  maxEntries: number;
  /** With `weightOf`: the most the entries may weigh together (a page cache bounds its bytes, not only its pages). */
  maxWeight?: number;
  weightOf?: (value: V) => number;
};

/** @example const cache = createVersionedCache<string>({ maxEntries: 200, maxWeight: 2 ** 20, weightOf: (s) => s.length }); */
export function createVersionedCache<V>({ maxEntries, maxWeight = Infinity, weightOf = () => 0 }: VersionedCacheLimits<V>): VersionedCache<V> {
  const entries = new Map<string, { version: string; value: V; weight: number }>();
  let weight = 0;
  const remove = (key: string) => {
    const entry = entries.get(key);
    if (entry === undefined) return;
    weight -= entry.weight;
    entries.delete(key);
  };
  return {
    get(key, version) {
      const entry = entries.get(key);
      return entry !== undefined && entry.version === version ? entry.value : undefined;
    },
    set(key, version, value) {
      remove(key);
      const added = weightOf(value);
      if (added > maxWeight) return;
      // Map keeps insertion order: the first key is the least recently stored.
      while (entries.size > 0 && (entries.size >= maxEntries || weight + added > maxWeight)) remove(entries.keys().next().value as string);
      entries.set(key, { version, value, weight: added });
      weight += added;
    },
  };
}
