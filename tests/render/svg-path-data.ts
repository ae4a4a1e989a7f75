/**
 * Test helper: the absolute vertices of path data written by src/render/svg-path.ts ("Mx,y l dx,dy … Z",
 * several subpaths allowed; relative moves summed in tenths, as written). Circles ("a" arcs) are read as
 * their two arc end points.
 */
export function subpaths(d: string): [number, number][][] {
  const out: [number, number][][] = [];
  for (const m of d.matchAll(/M(-?[\d.]+),(-?[\d.]+)(?:l([^MZa]*)|a([^MZ]*))?Z?/g)) {
    let x = Math.round(Number(m[1]) * 10);
    let y = Math.round(Number(m[2]) * 10);
    const pts: [number, number][] = [[x / 10, y / 10]];
    if (m[3] !== undefined) {
      for (const pair of m[3].match(/-?[\d.]+,-?[\d.]+/g) ?? []) {
        const [dx, dy] = pair.split(',').map((v) => Math.round(Number(v) * 10));
        x += dx;
        y += dy;
        pts.push([x / 10, y / 10]);
      }
    } else if (m[4] !== undefined) {
      // "r,r 0 1,0 2r,0a r,r 0 1,0 -2r,0": the far end of the first arc.
      const dx = Number(/0 1,0 (-?[\d.]+),0/.exec(m[4])![1]);
      pts.push([(x + Math.round(dx * 10)) / 10, y / 10]);
    }
    out.push(pts);
  }
  return out;
}
