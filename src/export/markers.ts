/**
 * The optimizer marker shapes of src/render/palette.ts as SVG path data centred on (x, y), radius r,
 * coordinates rounded to 0.1 px. Each shape fits the same r so markers of different optimizers weigh the
 * same in a figure; 'cross' and 'plus' are outlines of thick strokes so they can be filled like the others.
 */
import type { OptimizerLook } from '../render/palette.ts';

const f = (v: number): string => String(Math.round(v * 10) / 10);

function polygon(points: readonly (readonly [number, number])[], x: number, y: number, r: number): string {
  return `${points.map(([u, v], i) => `${i === 0 ? 'M' : 'L'}${f(x + u * r)},${f(y + v * r)}`).join('')}Z`;
}

const STAR = Array.from({ length: 10 }, (_, i): [number, number] => {
  const a = (Math.PI * i) / 5 - Math.PI / 2;
  const rr = i % 2 === 0 ? 1.15 : 0.5;
  return [rr * Math.cos(a), rr * Math.sin(a)];
});
const t = 0.32;
const PLUS: [number, number][] = [
  [-t, -1], [t, -1], [t, -t], [1, -t], [1, t], [t, t], [t, 1], [-t, 1], [-t, t], [-1, t], [-1, -t], [-t, -t],
];
const CROSS = PLUS.map(([u, v]): [number, number] => [(u - v) * Math.SQRT1_2 * 1.1, (u + v) * Math.SQRT1_2 * 1.1]);

export function markerPath(shape: OptimizerLook['marker'], x: number, y: number, r: number): string {
  switch (shape) {
    case 'circle':
      return `M${f(x - r)},${f(y)}A${f(r)},${f(r)} 0 1,0 ${f(x + r)},${f(y)}A${f(r)},${f(r)} 0 1,0 ${f(x - r)},${f(y)}Z`;
    case 'square':
      return polygon([[-0.85, -0.85], [0.85, -0.85], [0.85, 0.85], [-0.85, 0.85]], x, y, r);
    case 'triangle':
      return polygon([[0, -1.1], [1, 0.75], [-1, 0.75]], x, y, r);
    case 'diamond':
      return polygon([[0, -1.15], [1.15, 0], [0, 1.15], [-1.15, 0]], x, y, r);
    case 'star':
      return polygon(STAR, x, y, r);
    case 'plus':
      return polygon(PLUS, x, y, r);
    case 'cross':
      return polygon(CROSS, x, y, r);
  }
}
