/**
 * @module
 * How the regional comparison matches the lots of different tenders and procedures to one
 * route (issue 21: "a region compares the B1-route of one procedure with the B1-routes of
 * others, not with a Z-route"). A tender knows its route only as the free text of its `lot`
 * field (`B1-route`, `onderwijsroute`, `Z-route`, a module's name); a procedure's lot id
 * (`L1`) is the lot's place in that procedure and says nothing about its route, so lots are
 * matched on that text, normalised: two lots are on the same route when their texts are equal
 * after Unicode compatibility normalisation (NFKC), lower case, and without spaces, hyphens,
 * dashes, underscores, dots and slashes. So `B1-route`, `B1 route` and `b1route` are one
 * route; `B1-route` and `B1-route Zwolle` are not (a sub-region is a lot of its own).
 *
 * The route's name in the comparison: the usual spelling for the three statutory routes
 * (`KNOWN_ROUTES`), otherwise the first in code-unit order of the spellings of the tenders
 * counted (trimmed, inner white space as one space), so the name is the same whatever order
 * the tenders are read in.
 */

/** The routes of the Wet inburgering 2021, in their usual spelling. */
export const KNOWN_ROUTES: readonly string[] = ['B1-route', 'onderwijsroute', 'Z-route'];

/**
 * The key two lots share when they are on the same route.
 * @example routeKey(' B1 Route ') // 'b1route'
 * @example routeKey('Z–route') // 'zroute'
 */
export function routeKey(lot: string): string {
  return lot
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\-‐‑‒–—_./]+/gu, '');
}

const KNOWN_BY_KEY = new Map(KNOWN_ROUTES.map((route) => [routeKey(route), route]));

/**
 * A lot text as written, tidied: trimmed, inner white space as one space.
 * @example tidyRoute('  Module   Taal ') // 'Module Taal'
 */
export function tidyRoute(lot: string): string {
  return lot.trim().replace(/\s+/gu, ' ');
}

/**
 * The name of each route among the given lot texts, per lot text.
 * @example routeNames(['b1 route', 'Module A', 'module-a']) // Map { 'b1 route' => 'B1-route', 'Module A' => 'Module A', 'module-a' => 'Module A' }
 */
export function routeNames(lots: Iterable<string>): Map<string, string> {
  const keyOfLot = new Map<string, string>();
  const nameOfKey = new Map<string, string>();
  for (const lot of lots) {
    if (keyOfLot.has(lot)) continue;
    const key = routeKey(lot);
    keyOfLot.set(lot, key);
    const known = KNOWN_BY_KEY.get(key);
    const candidate = known ?? tidyRoute(lot);
    const current = nameOfKey.get(key);
    if (current === undefined || (known === undefined && candidate < current)) nameOfKey.set(key, candidate);
  }
  return new Map([...keyOfLot].map(([lot, key]) => [lot, nameOfKey.get(key) as string]));
}

/**
 * A predicate: is a lot text on the given route (by key)? Memoised per lot text, as a region's
 * thousand tenders use a handful of texts.
 * @example onRoute('B1-route')('b1 route') // true
 */
export function onRoute(route: string): (lot: string) => boolean {
  const wanted = routeKey(route);
  const seen = new Map<string, boolean>();
  // Rows of one tender come together: the last text answers most calls without a lookup.
  let lastLot: string | undefined;
  let lastAnswer = false;
  return (lot) => {
    if (lot === lastLot) return lastAnswer;
    let answer = seen.get(lot);
    if (answer === undefined) {
      answer = routeKey(lot) === wanted;
      seen.set(lot, answer);
    }
    lastLot = lot;
    lastAnswer = answer;
    return answer;
  };
}
