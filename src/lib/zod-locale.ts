/**
 * @module
 * Zod's own messages in Dutch (its `nl` locale): a field message a person reads is Dutch
 * like every other (issue 16), also where a schema has no message of its own ("Te groot:
 * verwachtte ..."). Loaded by the error mapping (zod-errors.ts) and the app, before any parse.
 */
import * as z from 'zod';

z.config(z.locales.nl());
