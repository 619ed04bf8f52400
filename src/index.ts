/**
 * @module
 * Entry point of `npm start` (`dist/index.js`): reads the environment (an invalid one stops
 * here, one line per problem), begins what a first start must wait for in libuv's thread pool
 * (first-start.ts), and only then loads the server (server.ts), so that reading its code and
 * that work overlap (docs/build.md).
 */
import { loadEnvOrExit } from './env.js';
import { beginFirstStart } from './first-start.js';

const env = loadEnvOrExit();
const firstStart = beginFirstStart(env);
const { startServer } = await import('./server.js');
await startServer(env, firstStart);
