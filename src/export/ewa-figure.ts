/**
 * The exponentially-weighted-averages chart (src/render/ewa-chart.ts) as a standalone SVG string: title,
 * axes, the daily values as dots, the four averages with a legend, and a caption saying what is shown
 * (the series' formula and seed, the averaging rule). The Lessons section shows it and downloads it.
 */
import { ewaChart, type EwaChart } from '../render/ewa-chart.ts';
import { wrapText } from '../render/text-width.ts';
import { escapeXml } from './escape.ts';

const FONT = 'system-ui,-apple-system,"Segoe UI",Helvetica,Arial,sans-serif';

/** `chart` defaults to the 640 × 400 chart; a narrow one (ewaChart(360, 420)) stays readable on a phone. */
export function ewaSvg(chart: EwaChart = ewaChart()): string {
  const { width, height, box, ticks } = chart;
  const bottom = box.top + box.height;
  const right = box.left + box.width;
  let out = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family='${FONT}' font-size="11">`;
  out += `<title>${escapeXml(chart.title)}</title><rect width="${width}" height="${height}" fill="#fff"/>`;
  chart.titleLines.forEach((line, i) => {
    out += `<text x="8" y="${20 + i * (chart.titleSize + 4)}" font-size="${chart.titleSize}" font-weight="600" fill="#222">${escapeXml(line)}</text>`;
  });
  for (const t of ticks.y) {
    out += `<line x1="${box.left}" x2="${right}" y1="${t.at}" y2="${t.at}" stroke="#e3e5ea"/>`;
    out += `<text x="${box.left - 6}" y="${t.at + 4}" text-anchor="end" fill="#444">${escapeXml(t.label)}</text>`;
  }
  for (const t of ticks.x) out += `<text x="${t.at}" y="${bottom + 15}" text-anchor="middle" fill="#444">${escapeXml(t.label)}</text>`;
  out += `<rect x="${box.left}" y="${box.top}" width="${box.width}" height="${box.height}" fill="none" stroke="#b9bcc6"/>`;
  out += `<text x="${right}" y="${bottom + 30}" text-anchor="end" font-style="italic" fill="#444">${escapeXml(chart.xName)}</text>`;
  out += `<text x="${box.left - 6}" y="${box.top - 6}" text-anchor="end" font-style="italic" fill="#444">${escapeXml(chart.yName)}</text>`;
  out += `<g fill="#7b8fb0" fill-opacity="0.55">${chart.dots.map(([x, y]) => `<circle cx="${x}" cy="${y}" r="1.6"/>`).join('')}</g>`;
  for (const l of chart.lines) out += `<path d="${l.d}" fill="none" stroke="${l.color}" stroke-width="2"${l.dash ? ` stroke-dasharray="${l.dash}"` : ''}/>`;
  chart.lines.forEach((l, i) => {
    const x = 8 + (i % chart.legendColumns) * 220;
    const y = chart.legendTop + Math.floor(i / chart.legendColumns) * 16;
    out += `<line x1="${x}" x2="${x + 22}" y1="${y - 4}" y2="${y - 4}" stroke="${l.color}" stroke-width="2"${l.dash ? ` stroke-dasharray="${l.dash}"` : ''}/>`;
    out += `<text x="${x + 28}" y="${y}" fill="#222">${escapeXml(l.label)}</text>`;
  });
  wrapText(chart.caption, width - 16, { size: 11 }).forEach((line, i) => (out += `<text x="8" y="${bottom + 50 + i * 15}" fill="#444">${escapeXml(line)}</text>`));
  return out + '</svg>';
}
