import { describe, expect, it } from 'vitest';
import { getOptimizer } from '../../src/optim/index.ts';
import { hyperText } from '../../src/render/hyper-text.ts';
import { MINIMUM_LABEL, START_LABEL, markerLabel } from '../../src/render/marker-label.ts';

describe('hyperText', () => {
  it('writes lr as lr and the others by symbol, with short numbers', () => {
    const adam = getOptimizer('adam');
    expect(hyperText(adam.hyper, { lr: 0.1, beta1: 0.9, beta2: 0.999, eps: 1e-8 })).toBe('lr=0.1 β1=0.9 β2=0.999 ε=1e-8');
    expect(hyperText(getOptimizer('momentum').hyper, { lr: 0.123456, beta: 0.9, dampening: 0 })).toBe('lr=0.1235 β=0.9 d=0');
    expect(hyperText(getOptimizer('adadelta').hyper, { rho: 0.9, eps: 1e-6 })).toBe('ρ=0.9 ε=1e-6');
  });
});

describe('markerLabel', () => {
  const box = { left: 0, top: 0, width: 200, height: 100 };
  it('sits at the style offset when it fits', () => {
    expect(markerLabel('start', 50, 50, START_LABEL, box)).toEqual({ text: 'start', x: 60, y: 42, anchor: 'start' });
  });
  it('mirrors left at the right edge and below at the top edge', () => {
    expect(markerLabel('start', 195, 5, START_LABEL, box)).toEqual({ text: 'start', x: 185, y: 5 + 8 + 0.8 * 12, anchor: 'end' });
    // "minimum" hangs below its marker; at the bottom edge it goes above.
    expect(markerLabel('minimum', 20, 98, MINIMUM_LABEL, box)!.y).toBe(98 - 12);
  });
  it('gives no label for a marker outside the box', () => {
    expect(markerLabel('minimum', -5, 50, MINIMUM_LABEL, box)).toBeNull();
  });
});
