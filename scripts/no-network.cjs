// Preloaded (`node --require`) into the Spectral CLI by scripts/lint-api.ts: every network
// connection throws. The lint runs in `npm test` on machines without a network; a ruleset or
// document that reached out (a remote `extends`, a remote function or $ref) must fail there
// and here alike, not pass on a developer's machine because it happens to be online.
'use strict';
const net = require('node:net');

function refuse() {
  throw new Error('network access is not allowed while linting (scripts/no-network.cjs)');
}

// http, https, tls and undici all connect through net.Socket.
net.Socket.prototype.connect = refuse;
globalThis.fetch = async () => refuse();
