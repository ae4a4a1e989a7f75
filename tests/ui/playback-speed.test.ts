import { describe, expect, it } from 'vitest';
import { advance, defaultSpeed } from '../../src/ui/surfaces/playback-speed.ts';

describe('defaultSpeed', () => {
  it('plays a race in about five seconds', () => {
    expect(defaultSpeed(100)).toBe(30); // 100/5 = 20: ln-distance to 30 (0.41) beats 10 (0.69)
    expect(defaultSpeed(3000)).toBe(1000); // 600: ln(1000/600) = 0.51 beats ln(600/300) = 0.69
    expect(defaultSpeed(5000)).toBe(1000);
    expect(defaultSpeed(1)).toBe(10);
  });
});

describe('advance', () => {
  it('moves speed·dt iterations and stops at the budget', () => {
    expect(advance(10, 300, 100, 500)).toBe(40);
    expect(advance(490, 300, 100, 500)).toBe(500);
    expect(advance(10, 300, -5, 500)).toBe(10);
  });
});
