/**
 * @module
 * A tiny measuring helper for the benchmarks: warm up, then time many runs and report the
 * median per run. Targets are printed as ratios against a baseline measured in the same run,
 * so a slower or busier machine moves both sides alike.
 */
import { performance } from 'node:perf_hooks';

export type Measurement = { name: string; medianMs: number; runs: number };

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
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return { name, medianMs: samples[Math.floor(samples.length / 2)] ?? NaN, runs };
}

export function report(lines: { label: string; value: string; target?: string; ok?: boolean }[]): void {
  for (const line of lines) {
    const verdict = line.ok === undefined ? '' : line.ok ? '  ok' : '  MISSED';
    console.log(`${line.label.padEnd(58)} ${line.value.padStart(14)}${line.target ? `  (doel ${line.target})` : ''}${verdict}`);
  }
}
