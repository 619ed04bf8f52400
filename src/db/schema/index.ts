/**
 * @module
 * Every table, for drizzle-kit and for the typed client.
 */
export * from './organisations.js';
export * from './auth.js';
export * from './providers.js';
export * from './procedures.js';
export * from './tenders.js';
export * from './audit.js';
export * from './panel.js';
export * from './reports.js';
export * from './documents.js';
