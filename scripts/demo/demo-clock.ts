/**
 * @module
 * The demo's clock. While the demo data is made it shows the simulated day (the services
 * read `ctx.clock`, so an opening in 2024 is dated 2024 and the standstill of a decision has
 * really passed before its award); every reading moves it on by 20 seconds, so the events of
 * one day keep their order in the audit trail. `release()` hands over to the real time.
 */
export type DemoClock = {
  now: () => Date;
  /** Jumps to an instant (ISO 8601); never backwards. */
  set: (iso: string) => void;
  /** From now on the real time. */
  release: () => void;
};

const STEP_MS = 20_000;

/** @example const clock = createDemoClock(); clock.set('2024-02-12T09:00:00Z'); clock.now(); */
export function createDemoClock(): DemoClock {
  let simulated: number | null = null;
  return {
    now: () => {
      if (simulated === null) return new Date();
      const reading = new Date(simulated);
      simulated += STEP_MS;
      return reading;
    },
    set: (iso) => {
      const target = new Date(iso).getTime();
      if (Number.isNaN(target)) throw new RangeError(`not an instant: ${iso}`);
      simulated = simulated === null ? target : Math.max(simulated, target);
    },
    release: () => {
      simulated = null;
    },
  };
}
