/**
 * The sweep figure (src/render/sweep-scene.ts) as one standalone SVG string, the single renderer of the
 * app's Sweep view, its SVG and PNG exports, the embed page and `cli render --lab sweep`. Deterministic
 * (coordinates rounded to 0.1 px), no scripts or external references, every user-controlled string through
 * escapeXml; a <title> and a <desc> that say in words what the figure shows. Each run's dot carries its
 * entrant index and value (data-e, data-v), so a reader of the file can tell them apart.
 */
import type { Glyph } from '../render/markers.ts';
import { PATH_WIDTH } from '../render/palette.ts';
import type { SceneText, SweepScene } from '../render/sweep-scene.ts';
import type { SweepFigureInput } from '../render/sweep-figure-input.ts';
import { outlineD, polylineD } from '../render/svg-path.ts';
import { escapeXml } from './escape.ts';

const n1 = (v: number): string => String(Math.round(v * 10) / 10);
const FONT = 'system-ui,-apple-system,"Segoe UI",Helvetica,Arial,sans-serif';
const STYLE =
  `text{font-family:${FONT};fill:#222}.h{font-weight:600}.k{font-weight:600}.t{fill:#444}` +
  '.e{font-family:ui-monospace,Menlo,Consolas,monospace;fill:#444}' +
  '.l{paint-order:stroke;stroke:#fff;stroke-width:3px;stroke-linejoin:round}' +
  `.p{fill:none;stroke-width:${PATH_WIDTH};stroke-linejoin:round;stroke-linecap:round}`;

function text(t: SceneText): string {
  const anchor = t.anchor === 'start' ? '' : ` text-anchor="${t.anchor}"`;
  const rotate = t.rotate ? ` transform="rotate(${t.rotate} ${n1(t.x)} ${n1(t.y)})"` : '';
  return `<text class="${t.cls}" x="${n1(t.x)}" y="${n1(t.y)}" font-size="${t.size}"${anchor}${rotate}>${escapeXml(t.text)}</text>`;
}

function glyph(g: Glyph, x: number, y: number): string {
  return g
    .map((part) => {
      const stroke = part.stroke === null ? '' : ` stroke="${part.stroke}" stroke-width="${part.strokeWidth}"`;
      return `<path fill="${part.fill ?? 'none'}"${stroke} d="${outlineD(part.outline, x, y)}"/>`;
    })
    .join('');
}

/** The figure in words (the <desc>): each entrant's legend, the race, and how to read it. */
function description(input: SweepFigureInput, scene: SweepScene): string {
  const legend = scene.texts.filter((t) => t.cls === 'k' || (t.cls === 't' && t.size === 11 && t.x > 20)).map((t) => t.text);
  return `${input.title}: f(x, y) = ${input.expr}; ${input.about.join(', ')}. ${legend.join(' ')}`;
}

/** `s` is sweepScene(input, size): the app keeps it to pick clicked points. */
export function sweepSvg(input: SweepFigureInput, s: SweepScene): string {
  const { box } = s;
  const right = box.left + box.width;
  const bottom = box.top + box.height;
  let out =
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${s.width} ${s.height}" width="${s.width}" height="${s.height}" role="img" aria-labelledby="ops-title ops-desc">` +
    `<title id="ops-title">${escapeXml(input.title)}</title><desc id="ops-desc">${escapeXml(description(input, s))}</desc><style>${STYLE}</style>` +
    `<rect width="${s.width}" height="${s.height}" fill="#fff"/>`;
  for (const b of s.bands) {
    const fill = b.kind === 'diverged' ? '#fbe9e7' : '#eef0f4';
    out += `<rect x="${n1(box.left)}" y="${n1(b.top)}" width="${n1(box.width)}" height="${n1(b.height)}" fill="${fill}"/>`;
  }
  for (const y of s.gridY) out += `<path stroke="#e4e6eb" d="M${n1(box.left)},${n1(y)}H${n1(right)}"/>`;
  for (const x of s.tickX) out += `<path stroke="#e4e6eb" d="M${n1(x)},${n1(box.top)}V${n1(bottom)}"/><path stroke="#333" d="M${n1(x)},${n1(bottom)}v4"/>`;
  out += `<path stroke="#333" fill="none" d="M${n1(box.left)},${n1(box.top)}V${n1(bottom)}H${n1(right)}"/>`;
  if (s.targetY !== null) out += `<path stroke="#555" stroke-dasharray="3 3" d="M${n1(box.left)},${n1(s.targetY)}H${n1(right)}"/>`;
  for (const r of s.rules) {
    const look = s.entrants[r.entrant].look;
    out += `<path stroke="${look.color}" stroke-width="1.5" stroke-dasharray="${r.dash}" d="M${n1(r.x)},${n1(box.top)}V${n1(bottom)}"><title>${escapeXml(r.label)}</title></path>`;
  }
  for (const l of s.lines) {
    const look = s.entrants[l.entrant].look;
    out += `<path class="p" stroke="${look.color}"${look.dash ? ` stroke-dasharray="${look.dash}"` : ''} d="${polylineD(l.xs, l.ys)}"/>`;
  }
  for (const p of s.points) {
    const look = s.entrants[p.entrant].look;
    out +=
      p.kind === 'diverged'
        ? `<path data-e="${p.entrant}" data-v="${p.value}" fill="none" stroke="${look.color}" stroke-width="1.4" d="M${n1(p.x - 2.5)},${n1(p.y - 2.5)}l5,5m0,-5l-5,5"/>`
        : `<circle data-e="${p.entrant}" data-v="${p.value}" cx="${n1(p.x)}" cy="${n1(p.y)}" r="2.2" fill="${look.color}"/>`;
  }
  for (const l of s.legend) {
    const look = s.entrants[l.entrant].look;
    out += `<path class="p" stroke="${look.color}"${look.dash ? ` stroke-dasharray="${look.dash}"` : ''} d="M${n1(l.x0)},${n1(l.y)}H${n1(l.x1)}"/>`;
  }
  for (const g of s.glyphs) out += glyph(g.glyph, g.x, g.y);
  for (const t of s.texts) out += text(t);
  return `${out}</svg>`;
}
