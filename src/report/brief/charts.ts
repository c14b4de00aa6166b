/**
 * Draws the brief's Vega-Lite specs as inline SVG, headless (vega's 'none' renderer: no canvas, no
 * browser). The one module that imports vega and vega-lite, and it loads them only when a brief is
 * drawn (dynamic import), so no other command pays for them.
 */
import type { BriefChart } from './chart-specs.js';

export interface DrawnChart {
  readonly id: string;
  /** The SVG element, with <title>, <desc>, role="img" and aria-label; sized by its viewBox. */
  readonly svg: string;
}

const escapeXml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The SVG with a title and description a screen reader announces, and without fixed width and
 * height (the page's CSS scales it to the column; the viewBox keeps its proportions).
 */
export function accessibleSvg(svg: string, chart: Pick<BriefChart, 'id' | 'title' | 'description'>): string {
  const open = svg.match(/^<svg\b[^>]*>/);
  if (!open) throw new Error(`chart ${chart.id}: vega returned no <svg> element`);
  const viewBox = open[0].match(/viewBox="0 0 ([\d.]+) ([\d.]+)"/);
  const width = viewBox ? Number(viewBox[1]) : null;
  const head = open[0]
    .replace(/\s(?:width|height|role|aria-[a-z]+)="[^"]*"/g, '')
    .replace(/^<svg/, `<svg role="img" aria-label="${escapeXml(chart.title)}"${width ? ` style="max-width:${width}px"` : ''}`);
  // <title> is the SVG's accessible name and tooltip, <desc> its description (SVG-AAM 1.0 §8.1).
  const labels = `<title>${escapeXml(chart.title)}</title><desc>${escapeXml(chart.description)}</desc>`;
  // vega marks its groups with aria attributes of its own; the figure is one image to assistive technology.
  const body = svg.slice(open[0].length).replace(/\s(?:role|aria-[a-z]+)="[^"]*"/g, '');
  return `${head}${labels}${body}`;
}

/** Each chart drawn to SVG, in order. @throws Error naming the chart when vega cannot draw it */
export async function drawCharts(charts: readonly BriefChart[]): Promise<DrawnChart[]> {
  if (charts.length === 0) return [];
  const [vega, vegaLite] = await Promise.all([import('vega'), import('vega-lite')]);
  const drawn: DrawnChart[] = [];
  for (const chart of charts) {
    // biome-ignore lint/suspicious/noExplicitAny: vega-lite's TopLevelSpec is a deep union; the spec is built and checked in chart-specs.ts and by compile().
    const compiled = vegaLite.compile(chart.spec as any).spec;
    const view = new vega.View(vega.parse(compiled), { renderer: 'none' });
    try {
      const svg = await view.toSVG();
      drawn.push({ id: chart.id, svg: accessibleSvg(svg, chart) });
    } catch (e) {
      throw new Error(`chart ${chart.id}: ${(e as Error).message}`);
    } finally {
      view.finalize();
    }
  }
  return drawn;
}
