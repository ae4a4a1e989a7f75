/**
 * A 3-D path as a flat ribbon of triangles, for software WebGL: screen-space wide lines (three.js's Line2,
 * one instanced quad per segment with a heavy vertex shader) cost SwiftShader about 0.1 s a frame for a
 * race's seven paths, while a plain unlit triangle list draws in a few milliseconds. Each segment of the
 * (thinned) path becomes a quad `width` wide, lying horizontally (offset perpendicular to the segment's
 * direction in x, y), as two triangles (6 vertices, no index). A dash pattern (world units, on/off
 * alternating, as SVG's stroke-dasharray) is cut into the quads along the path's arc length, so an
 * entrant's dash is the same in 3-D as on the contour plot. `vertexEnd[i]` is the number of vertices
 * emitted for the path up to its point i, so a view draws the first vertexEnd[i] vertices to show the
 * path through point i.
 */
export interface Ribbon {
  readonly positions: Float32Array;
  readonly vertexEnd: Uint32Array;
}

export function ribbon(path: Float32Array, width: number, dash: readonly number[] = []): Ribbon {
  const n = path.length / 3;
  const out: number[] = [];
  const vertexEnd = new Uint32Array(Math.max(n, 1));
  const half = width / 2;
  const cycle = dash.reduce((a, b) => a + b, 0);
  let arc = 0;

  /** Whether arc length s is in an "on" part of the pattern, and where that part ends. */
  const phase = (s: number): { on: boolean; end: number } => {
    if (dash.length === 0 || cycle <= 0) return { on: true, end: Infinity };
    const base = Math.floor(s / cycle) * cycle;
    let at = base;
    for (let i = 0; ; i = (i + 1) % dash.length) {
      if (s < at + dash[i]) return { on: i % 2 === 0, end: at + dash[i] };
      at += dash[i];
    }
  };

  const quad = (ax: number, ay: number, az: number, bx: number, by: number, bz: number, ox: number, oy: number) => {
    out.push(ax - ox, ay - oy, az, bx - ox, by - oy, bz, bx + ox, by + oy, bz);
    out.push(ax - ox, ay - oy, az, bx + ox, by + oy, bz, ax + ox, ay + oy, az);
  };

  for (let i = 1; i < n; i++) {
    const [ax, ay, az] = [path[3 * i - 3], path[3 * i - 2], path[3 * i - 1]];
    const [bx, by, bz] = [path[3 * i], path[3 * i + 1], path[3 * i + 2]];
    const length = Math.hypot(bx - ax, by - ay, bz - az);
    const flat = Math.hypot(bx - ax, by - ay);
    const [ox, oy] = flat > 0 ? [(-(by - ay) / flat) * half, ((bx - ax) / flat) * half] : [half, 0];
    let s = 0;
    while (s < length) {
      const p = phase(arc + s);
      const e = Math.min(length, p.end - arc);
      if (p.on && e > s) {
        const t0 = s / length;
        const t1 = e / length;
        quad(ax + (bx - ax) * t0, ay + (by - ay) * t0, az + (bz - az) * t0, ax + (bx - ax) * t1, ay + (by - ay) * t1, az + (bz - az) * t1, ox, oy);
      }
      s = e;
    }
    arc += length;
    vertexEnd[i] = out.length / 3;
  }
  return { positions: Float32Array.from(out), vertexEnd };
}
