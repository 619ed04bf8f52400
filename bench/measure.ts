/**
 * @module
 * A tiny measuring helper for the benchmarks: warm up, then time many runs and report the
 * median per run. Targets are printed as ratios against a baseline measured in the same run,
 * so a slower or busier machine moves both sides alike.
 */
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';

/** `cpuMs`: the median processor time per run (user + system) where measured: on a machine shared with other work the wall time mostly says how busy it is. */
export type Measurement = { name: string; medianMs: number; runs: number; cpuMs?: number };

/** The machine's load average over the last minute, per core, for printing beside wall times. */
export function loadPerCore(): string {
  return `${(loadavg()[0] ?? 0).toFixed(1)} op ${cpus().length} kernen`;
}

/** The middle value; of an even count, the upper of the two middle ones; NaN of none. */
export const median = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

export function measure(name: string, fn: () => unknown, options: { runs?: number; warmup?: number } = {}): Measurement {
  const runs = options.runs ?? 200;
  for (let i = 0; i < (options.warmup ?? 20); i++) fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return { name, medianMs: samples[Math.floor(samples.length / 2)] ?? NaN, runs };
}

/** As `measure`, for work that returns a promise (rendering and signing PDFs). */
export async function measureAsync(name: string, fn: () => Promise<unknown>, options: { runs?: number; warmup?: number } = {}): Promise<Measurement> {
  const runs = options.runs ?? 50;
  for (let i = 0; i < (options.warmup ?? 5); i++) await fn();
  const samples: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const startCpu = process.cpuUsage();
    await fn();
    const used = process.cpuUsage(startCpu);
    samples.push(performance.now() - start);
    cpu.push((used.user + used.system) / 1000);
  }
  samples.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  return { name, medianMs: samples[Math.floor(samples.length / 2)] ?? NaN, runs, cpuMs: cpu[Math.floor(cpu.length / 2)] ?? NaN };
}

export function report(lines: { label: string; value: string; target?: string; ok?: boolean }[]): void {
  for (const line of lines) {
    const verdict = line.ok === undefined ? '' : line.ok ? '  ok' : '  MISSED';
    console.log(`${line.label.padEnd(58)} ${line.value.padStart(14)}${line.target ? `  (doel ${line.target})` : ''}${verdict}`);
  }
}
