/**
 * @module
 * The accessible frame every chart on the pages shares: an SVG image named by its title and
 * described in words (WCAG 1.1.1), so a screen reader gets what the picture shows.
 */
import type { Child } from 'hono/jsx';

export function ChartSvg(props: { id: string; width: number; height: number; title: string; description: string; children?: Child }) {
  return (
    <svg
      class="gw-chart"
      viewBox={`0 0 ${props.width} ${props.height}`}
      role="img"
      aria-labelledby={`${props.id}-titel ${props.id}-uitleg`}
      xmlns="http://www.w3.org/2000/svg"
      font-family="inherit"
      font-size="13"
    >
      <title id={`${props.id}-titel`}>{props.title}</title>
      <desc id={`${props.id}-uitleg`}>{props.description}</desc>
      {props.children}
    </svg>
  );
}
