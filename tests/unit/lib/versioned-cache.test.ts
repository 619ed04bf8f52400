import { describe, expect, it } from 'vitest';
import { createVersionedCache } from '../../../src/lib/versioned-cache.js';

describe('createVersionedCache', () => {
  it('answers an entry only at the version it was stored at', () => {
    const cache = createVersionedCache<string>({ maxEntries: 10 });
    cache.set('a', '1', 'een');
    expect(cache.get('a', '1')).toBe('een');
    expect(cache.get('a', '2')).toBeUndefined();
    expect(cache.get('b', '1')).toBeUndefined();
  });

  it('drops the least recently stored entries beyond maxEntries', () => {
    const cache = createVersionedCache<string>({ maxEntries: 2 });
    cache.set('a', '1', 'een');
    cache.set('b', '1', 'twee');
    cache.set('a', '2', 'een bis');
    cache.set('c', '1', 'drie');
    expect(cache.get('b', '1')).toBeUndefined();
    expect(cache.get('a', '2')).toBe('een bis');
    expect(cache.get('c', '1')).toBe('drie');
  });

  it('keeps the entries within maxWeight, oldest out first, and never keeps one heavier than all of it', () => {
    const cache = createVersionedCache<string>({ maxEntries: 100, maxWeight: 10, weightOf: (value) => value.length });
    cache.set('a', '1', 'xxxx');
    cache.set('b', '1', 'yyyy');
    cache.set('c', '1', 'zzzz');
    expect(cache.get('a', '1')).toBeUndefined();
    expect(cache.get('b', '1')).toBe('yyyy');
    expect(cache.get('c', '1')).toBe('zzzz');
    // Replacing an entry gives its weight back first.
    cache.set('c', '2', 'zz');
    cache.set('d', '1', 'dddd');
    expect(cache.get('b', '1')).toBe('yyyy');
    expect(cache.get('d', '1')).toBe('dddd');
    cache.set('e', '1', 'e'.repeat(11));
    expect(cache.get('e', '1')).toBeUndefined();
    expect(cache.get('b', '1')).toBe('yyyy');
  });
});
