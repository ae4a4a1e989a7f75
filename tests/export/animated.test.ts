import { describe, expect, it } from 'vitest';
import { plainEntrants } from '../../src/view/entrants.ts';
import { animationCss, DRAW_FRACTION, STOPS } from '../../src/export/animated.ts';
import { figureSvg } from '../../src/export/figure.ts';
import { figureSpecForView } from '../../src/export/view-figure.ts';
import { defaultView } from '../../src/view/fields.ts';
import { VOCABULARY } from '../../src/view/vocabulary.ts';
import { getSurface } from '../../surfaces/index.ts';
import { elements, wellFormed } from './svg-inspect.ts';

describe('animationCss', () => {
  // A track 10 px long per iteration for 10 iterations: length(m) = 10·m, 100 px in all; dash = 101.
  const track = { last: 10, lengthAt: (m: number) => 10 * Math.min(m, 10) };

  it('maps time to iterations: at stop s the offset is 101 − 10·(10·s/40)', () => {
    const css = animationCss([track], 10, 6);
    const frames = /@keyframes opf-m0\{(.*?)\}\./.exec(css)![1];
    expect(frames.startsWith('0%{stroke-dashoffset:101}')).toBe(true);
    // s = 20 → 40 % of the loop, iteration 5, 50 px drawn → offset 51.
    expect(frames).toContain('40%{stroke-dashoffset:51}');
    // s = 1 → 2 %, iteration 0.25 → 2.5 px → offset 98.5.
    expect(frames).toContain('2%{stroke-dashoffset:98.5}');
    expect(frames).toContain(`${DRAW_FRACTION * 100}%,100%{stroke-dashoffset:0}`);
    expect(frames.match(/stroke-dashoffset/g)).toHaveLength(STOPS + 1);
    expect(css).toContain('.opf-m0{stroke-dasharray:101 101;animation:opf-m0 6s linear infinite}');
  });

  it('shows an early-finishing run\'s end marker when its path ends, and the others at the end of drawing', () => {
    const short = { last: 5, lengthAt: (m: number) => 10 * Math.min(m, 5) };
    const css = animationCss([track, short], 10, 4);
    expect(css).toContain('@keyframes opf-e0{0%{opacity:0}80%,100%{opacity:1}}');
    expect(css).toContain('@keyframes opf-e1{0%{opacity:0}40%,100%{opacity:1}}');
    expect(css).toContain('.opf-e1{animation:opf-e1 4s step-end infinite}');
  });

  it('switches every animation off under prefers-reduced-motion', () => {
    expect(animationCss([track], 10, 6)).toMatch(/@media \(prefers-reduced-motion:reduce\)\{\.opf-anim\{animation:none\}\}$/);
  });
});

describe('animated figure', () => {
  const view = { ...defaultView(getSurface('bowl')!, VOCABULARY), entrants: plainEntrants(['sgd', 'adam']), steps: 60 };
  const spec = figureSpecForView(view, { width: 520, height: 340 });
  const svg = figureSvg(spec, { animateSeconds: 5 });
  const els = elements(svg);

  it('is well-formed with no script, one mask per trajectory, and static styles that show the finished figure', () => {
    expect(wellFormed(svg)).toBe(true);
    expect(svg).not.toMatch(/<script|\son\w+=/i);
    const masks = els.filter((e) => e.name === 'mask');
    expect(masks.map((m) => m.attrs.id)).toEqual(['opf-mask0', 'opf-mask1']);
    for (const [i, m] of masks.entries()) {
      const p = els.find((e) => e.ancestors.at(-1) === m)!;
      expect(p.attrs.class).toBe(`opf-anim opf-m${i}`);
      // No stroke-dashoffset attribute: without animation the offset is 0 and the whole path shows.
      expect(p.attrs['stroke-dashoffset']).toBeUndefined();
      const traj = els.find((e) => e.attrs.class === 'p' && e.attrs.mask === `url(#opf-mask${i})`)!;
      expect(p.attrs.d).toBe(traj.attrs.d);
    }
  });

  it('draws the same trajectories as the static figure', () => {
    const still = elements(figureSvg(spec)).filter((e) => e.attrs.class === 'p' && e.ancestors.at(-1)?.attrs['data-optimizer']);
    const moving = els.filter((e) => e.attrs.class === 'p' && e.ancestors.at(-1)?.attrs['data-optimizer']);
    expect(moving.map((e) => e.attrs.d)).toEqual(still.map((e) => e.attrs.d));
  });
});

describe('animated small multiples', () => {
  const view = { ...defaultView(getSurface('bowl')!, VOCABULARY), entrants: plainEntrants(['sgd', 'momentum', 'adam']), steps: 60, layout: 'grid' as const };
  const spec = figureSpecForView(view, { width: 720, height: 480 });
  const els = elements(figureSvg(spec, { animateSeconds: 5 }));

  it('reveals each panel\'s trajectory through its own mask, clipped to its own panel', () => {
    const masks = els.filter((e) => e.name === 'mask');
    expect(masks.map((m) => m.attrs.id)).toEqual(['opf-mask0', 'opf-mask1', 'opf-mask2']);
    for (const [i, m] of masks.entries()) {
      const traj = els.find((e) => e.attrs.class === 'p' && e.attrs.mask === `url(#opf-mask${i})`)!;
      expect(traj.attrs['clip-path']).toBe(`url(#opf-plot${i})`);
      expect(els.find((e) => e.ancestors.at(-1) === m)!.attrs.d).toBe(traj.attrs.d);
    }
  });
});
