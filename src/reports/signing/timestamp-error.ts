/**
 * @module
 * The one error of the timestamp exchange, apart from the exchange itself
 * (timestamp-request.ts), so that whoever tells it from other errors need not load pkijs.
 */

/** The authority did not give a usable timestamp; the message is Dutch and safe to show. */
export class TimestampError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TimestampError';
  }
}
