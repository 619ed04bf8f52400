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

/** @example const cache = createVersionedCache<string>({ maxEntries: 200 }); */
export function createVersionedCache<V>({ maxEntries }: { maxEntries: number }): VersionedCache<V> {
  const entries = new Map<string, { version: string; value: V }>();
  return {
    get(key, version) {
      const entry = entries.get(key);
      return entry !== undefined && entry.version === version ? entry.value : undefined;
    },
    set(key, version, value) {
      entries.delete(key);
      // Map keeps insertion order: the first key is the least recently stored.
      if (entries.size >= maxEntries) entries.delete(entries.keys().next().value as string);
      entries.set(key, { version, value });
    },
  };
}
