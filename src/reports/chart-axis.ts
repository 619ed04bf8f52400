/**
 * @module
 * The axes of the quality-price chart and the route trend, in the report (pdfkit) and on the
 * pages (SVG) alike: bounds and ticks on a 1-2-5 step, so that every tick label is a number a
 * reader can use. Pure arithmetic, apart from the PDF code, so that a page showing a chart
 * does not load the report's fonts and pdfkit at the server's start.
 */

export type Axis = { min: number; max: number; step: number };

/** Round axis bounds on a 1-2-5 step around `min` to `max`, with about `ticks` steps. */
export function niceAxis(options: { min: number; max: number; ticks: number }): Axis {
  let { min, max } = options;
  if (max - min < 1e-9 * Math.max(1, Math.abs(max))) {
    const pad = Math.abs(max) * 0.1 || 1;
    min -= pad;
    max += pad;
  }
  const rough = (max - min) / options.ticks;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? 10 * power;
  return { min: Math.floor(min / step) * step, max: Math.ceil(max / step) * step, step };
}

/** Every tick of the axis, from its minimum to its maximum. */
export function axisTicks(axis: Axis): number[] {
  const count = Math.round((axis.max - axis.min) / axis.step);
  return Array.from({ length: count + 1 }, (_, i) => axis.min + i * axis.step);
}
