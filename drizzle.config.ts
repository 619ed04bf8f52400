/**
 * drizzle-kit configuration: `npx drizzle-kit generate` writes SQL migrations for the
 * schema into `migrations/`; they are committed and applied by the server at start.
 */
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'sqlite',
  schema: './src/db/schema/index.ts',
  out: './migrations',
});
