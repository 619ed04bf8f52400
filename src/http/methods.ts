/**
 * @module
 * The HTTP methods that neither carry a body nor change anything (RFC 9110 "safe"): CSRF
 * checks pass them, and no middleware reads or limits their body.
 */

export const SAFE_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS']);
