import { describe, expect, it } from 'vitest';
import { getSurface } from '../../surfaces/index.ts';
import { projection } from '../../src/render/projection.ts';
import {
  MIN_SPAN,
  clampDomain,
  homeDomain,
  roundDomain,
  roundToSpan,
  sameDomain,
  transformBetween,
  transformedDomain,
  wheelZoomExponent,
  zoomAbout,
} from '../../src/render/zoom.ts';
import { defaultView } from '../../src/view/fields.ts';
import { decodeView } from '../../src/view/link.ts';
import { VOCABULARY } from '../../src/view/vocabulary.ts';

const BOWL = { x: [-10, 10], y: [-5, 5] } as const;
/** The bowl at 600 × 300 px, offset like a plot inside its margins. */
const BOX = { left: 42, top: 8, width: 600, height: 300 };

describe('zooming about a point', () => {
  it('divides both spans by the factor and keeps the point where it is', () => {
    expect(zoomAbout(BOWL, 2, [0, 0])).toEqual({ x: [-5, 5], y: [-2.5, 2.5] });
    // About (6, 1): the left end moves from 16 units away to 8, the right one from 4 to 2.
    expect(zoomAbout(BOWL, 2, [6, 1])).toEqual({ x: [-2, 8], y: [-2, 3] });
    // Zooming out by 4 about a corner.
    expect(zoomAbout(BOWL, 0.25, [-10, -5])).toEqual({ x: [-10, 70], y: [-5, 35] });
  });
  it('as a pixel transform (d3-zoom: p ↦ k·p + t) gives the same domain as zooming about the data point under the pointer', () => {
    const p = projection(BOWL, BOX);
    // Zoom by 2 about the pixel (492, 83), which shows the data point (5, 2.5).
    const [px, py] = [492, 83];
    expect([p.invertX(px), p.invertY(py)]).toEqual([5, 2.5]);
    const t = { k: 2, x: px - 2 * px, y: py - 2 * py };
    expect(transformedDomain(BOWL, BOX, t)).toEqual(zoomAbout(BOWL, 2, [5, 2.5]));
    expect(zoomAbout(BOWL, 2, [5, 2.5])).toEqual({ x: [-2.5, 7.5], y: [-1.25, 3.75] });
  });
});

describe('panning', () => {
  it('moves the domain against the drag: 30 px right and 15 px down on a 30 px/unit plot', () => {
    // 600 px for 20 units: 30 px per unit along both axes.
    const d = transformedDomain(BOWL, BOX, { k: 1, x: 30, y: 15 });
    expect(d).toEqual({ x: [-11, 9], y: [-4.5, 5.5] });
  });
  it('the identity shows the base domain', () => {
    expect(transformedDomain(BOWL, BOX, { k: 1, x: 0, y: 0 })).toEqual(BOWL);
  });
});

describe('previewing a domain with the drawn layers', () => {
  it('maps each data point from its pixel in the old plot to its pixel in the new one', () => {
    const to = { x: [-2, 8], y: [0, 5] } as const;
    const m = transformBetween(BOWL, to, BOX);
    expect([m.kx, m.ky]).toEqual([2, 2]);
    const [a, b] = [projection(BOWL, BOX), projection(to, BOX)];
    for (const [x, y] of [[-2, 0], [8, 5], [3, 1.25], [-10, -5]]) {
      expect(m.kx * a.x(x) + m.x).toBeCloseTo(b.x(x), 9);
      expect(m.ky * a.y(y) + m.y).toBeCloseTo(b.y(y), 9);
    }
  });
  it('is the inverse of transformedDomain', () => {
    const t = { k: 3, x: -250, y: 40 };
    const m = transformBetween(BOWL, transformedDomain(BOWL, BOX, t), BOX);
    expect(m.kx).toBeCloseTo(3, 12);
    expect(m.ky).toBeCloseTo(3, 12);
    expect(m.x).toBeCloseTo(-250, 9);
    expect(m.y).toBeCloseTo(40, 9);
  });
});

describe('limits', () => {
  it('leaves a domain inside the limits alone (the same object)', () => {
    expect(clampDomain(BOWL)).toBe(BOWL);
  });
  it('never zooms in below MIN_SPAN: both spans grow by one factor, about the centre', () => {
    const tiny = zoomAbout({ x: [0, 2], y: [0, 1] }, 1e8, [1, 0.5]);
    const c = clampDomain(tiny);
    expect(c.y[1] - c.y[0]).toBeCloseTo(MIN_SPAN, 15);
    expect(c.x[1] - c.x[0]).toBeCloseTo(2 * MIN_SPAN, 15);
    expect((c.x[0] + c.x[1]) / 2).toBeCloseTo(1, 12);
    expect(c.x[1] - c.x[0]).toBeGreaterThan(0);
  });
  it('never zooms out beyond the field table’s ±1e6 and keeps the shape', () => {
    const huge = zoomAbout(BOWL, 1e-7, [0, 0]); // 2e8 × 1e8
    expect(clampDomain(huge)).toEqual({ x: [-1e6, 1e6], y: [-5e5, 5e5] });
  });
  it('shifts a domain that runs past the limit back inside, keeping its spans', () => {
    expect(clampDomain({ x: [999_990, 1_000_010], y: [-1_000_050, -999_950] })).toEqual({ x: [999_980, 1e6], y: [-1e6, -999_900] });
  });
  it('a pan and a zoom far out end inside the limits with positive spans', () => {
    const d = clampDomain(transformedDomain(BOWL, BOX, { k: 1e-9, x: 5e9, y: -3e9 }));
    for (const r of [d.x, d.y]) {
      expect(r[0]).toBeGreaterThanOrEqual(-1e6);
      expect(r[1]).toBeLessThanOrEqual(1e6);
      expect(r[1] - r[0]).toBeGreaterThan(0);
    }
    expect(d.x[1] - d.x[0]).toBe(2e6);
    // What is committed reads back through the field table.
    expect(decodeView(`s=bowl&dom=${[d.x, d.y].flat().join(',')}`, VOCABULARY).notices).toEqual([]);
  });
});

describe('rounding a committed domain', () => {
  it('rounds each end to a thousandth of its span’s decade (0.01 for a span of 14, 0.001 for 7)', () => {
    expect(roundDomain({ x: [-7.0710678, 7.0710678], y: [-3.5355339, 3.5355339] })).toEqual({ x: [-7.07, 7.07], y: [-3.536, 3.536] });
    expect(roundToSpan(0.30000000000000004, 14)).toBe(0.3);
    expect(roundToSpan(123.456789, 0.05)).toBe(123.45679);
  });
});

describe('reset', () => {
  it('goes back to the surface’s own domain, or −5…5 for a typed expression', () => {
    const rosenbrock = defaultView(getSurface('rosenbrock')!, VOCABULARY);
    const zoomed = { ...rosenbrock, domain: zoomAbout(rosenbrock.domain, 4, [1, 1]) };
    expect(sameDomain(zoomed.domain, rosenbrock.domain)).toBe(false);
    expect(homeDomain(zoomed, VOCABULARY)).toEqual({ x: [-2, 2], y: [-1, 3] });
    const typed = decodeView('f=x%5E2%2By%5E2&start=1,1&dom=0,1,0,1', VOCABULARY).view;
    expect(typed.domain).toEqual({ x: [0, 1], y: [0, 1] });
    expect(homeDomain(typed, VOCABULARY)).toEqual({ x: [-5, 5], y: [-5, 5] });
  });
});

describe('Ctrl + wheel', () => {
  it('zooms by √2 per mouse-wheel notch and by about 1 % per trackpad-pinch event', () => {
    expect(2 ** wheelZoomExponent(-100, 0)).toBeCloseTo(Math.SQRT2, 12); // wheel up: in
    expect(2 ** wheelZoomExponent(100, 0)).toBeCloseTo(Math.SQRT1_2, 12);
    expect(2 ** wheelZoomExponent(-3, 1)).toBeCloseTo(Math.SQRT2, 12); // Firefox: 3 lines
    expect(2 ** wheelZoomExponent(-2, 0)).toBeCloseTo(2 ** 0.01, 12); // a pinch's small Ctrl + wheel delta
  });
  it('zooms as far for notches the browser coalesced into one event as for the notches one by one', () => {
    expect(wheelZoomExponent(-300, 0)).toBeCloseTo(3 * wheelZoomExponent(-100, 0), 12);
    expect(2 ** wheelZoomExponent(-300, 0)).toBeCloseTo(2 ** 1.5, 12);
  });
});
