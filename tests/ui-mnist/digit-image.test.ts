import { describe, expect, it } from 'vitest';
import { toMnistInput } from '../../src/ui/mnist/digit-image.ts';

function centreOfMass(img: Float32Array): [number, number] {
  let m = 0, x = 0, y = 0;
  for (let r = 0; r < 28; r++) for (let c = 0; c < 28; c++) {
    const v = img[r * 28 + c];
    m += v; x += v * (c + 0.5); y += v * (r + 0.5);
  }
  return [x / m, y / m];
}

describe('toMnistInput', () => {
  it('returns null for an empty drawing', () => {
    expect(toMnistInput(new Float32Array(100 * 100), 100)).toBeNull();
  });

  it('scales a square blob in a corner to 20×20 and centres its mass at (14, 14)', () => {
    const size = 100;
    const ink = new Float32Array(size * size);
    for (let y = 5; y < 45; y++) for (let x = 10; x < 50; x++) ink[y * size + x] = 1; // 40×40 square, top-left
    const img = toMnistInput(ink, size)!;
    let on = 0;
    for (const v of img) if (v > 0.5) on++;
    expect(on).toBe(400); // 40×40 scaled by 20/40 → 20×20 fully inked pixels
    const [cx, cy] = centreOfMass(img);
    expect(cx).toBeCloseTo(14, 6);
    expect(cy).toBeCloseTo(14, 6);
  });

  it('keeps the aspect ratio of a tall stroke (a "1")', () => {
    const size = 140;
    const ink = new Float32Array(size * size);
    for (let y = 20; y < 120; y++) for (let x = 60; x < 80; x++) ink[y * size + x] = 1; // 20 wide, 100 tall
    const img = toMnistInput(ink, size)!;
    const cols = new Set<number>(), rows = new Set<number>();
    img.forEach((v, i) => { if (v > 0.5) { cols.add(i % 28); rows.add(Math.floor(i / 28)); } });
    expect(rows.size).toBe(20); // height fills the 20-pixel box
    expect(cols.size).toBe(4); // width 20·(20/100) = 4 pixels
  });
});
