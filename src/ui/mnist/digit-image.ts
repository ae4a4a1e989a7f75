/**
 * Turns a free-hand drawing into an MNIST-like input, following how MNIST itself was made (LeCun et
 * al.): the ink's bounding box is scaled to fit a 20×20 box (aspect kept), then placed in a 28×28
 * image so that its centre of mass sits at the centre (14, 14). Values are ink intensities in [0, 1].
 *
 * `ink` is a square grayscale raster (size × size, 0 = paper, 1 = ink), row-major.
 */
export function toMnistInput(ink: ArrayLike<number>, size: number): Float32Array | null {
  let x0 = size, y0 = size, x1 = -1, y1 = -1;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      if (ink[y * size + x] > 0.05) {
        if (x < x0) x0 = x;
        if (x > x1) x1 = x;
        if (y < y0) y0 = y;
        if (y > y1) y1 = y;
      }
    }
  }
  if (x1 < 0) return null;
  const w = x1 - x0 + 1;
  const h = y1 - y0 + 1;
  const scale = 20 / Math.max(w, h);
  // Area-average the bounding box down into a 20×20 (or narrower) box.
  const bw = Math.max(1, Math.round(w * scale));
  const bh = Math.max(1, Math.round(h * scale));
  const box = new Float32Array(bw * bh);
  for (let by = 0; by < bh; by++) {
    for (let bx = 0; bx < bw; bx++) {
      const sx0 = x0 + (bx * w) / bw, sx1 = x0 + ((bx + 1) * w) / bw;
      const sy0 = y0 + (by * h) / bh, sy1 = y0 + ((by + 1) * h) / bh;
      let sum = 0, area = 0;
      for (let sy = Math.floor(sy0); sy < Math.ceil(sy1); sy++) {
        const fy = Math.min(sy + 1, sy1) - Math.max(sy, sy0);
        for (let sx = Math.floor(sx0); sx < Math.ceil(sx1); sx++) {
          const fx = Math.min(sx + 1, sx1) - Math.max(sx, sx0);
          sum += ink[sy * size + sx] * fx * fy;
          area += fx * fy;
        }
      }
      box[by * bw + bx] = area > 0 ? sum / area : 0;
    }
  }
  let mass = 0, mx = 0, my = 0;
  for (let by = 0; by < bh; by++) {
    for (let bx = 0; bx < bw; bx++) {
      const v = box[by * bw + bx];
      mass += v;
      mx += v * (bx + 0.5);
      my += v * (by + 0.5);
    }
  }
  const ox = Math.round(14 - mx / mass);
  const oy = Math.round(14 - my / mass);
  const out = new Float32Array(784);
  for (let by = 0; by < bh; by++) {
    for (let bx = 0; bx < bw; bx++) {
      const tx = bx + ox, ty = by + oy;
      if (tx >= 0 && tx < 28 && ty >= 0 && ty < 28) out[ty * 28 + tx] = Math.min(1, box[by * bw + bx]);
    }
  }
  return out;
}
