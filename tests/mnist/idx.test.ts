import { describe, expect, it } from 'vitest';
import { parseIdxImages, parseIdxLabels } from '../../src/mnist/idx.ts';
import { fillBatch, splitMnist } from '../../src/mnist/dataset.ts';
import { idx } from './idx-file.ts';


describe('IDX reader', () => {
  it('reads a 2-image 2×3 file and its labels', () => {
    const images = parseIdxImages(idx(0x803, [2, 2, 3], [0, 1, 2, 3, 4, 5, 255, 254, 253, 252, 251, 250]));
    expect([images.count, images.rows, images.cols]).toEqual([2, 2, 3]);
    expect(Array.from(images.pixels)).toEqual([0, 1, 2, 3, 4, 5, 255, 254, 253, 252, 251, 250]);
    expect(Array.from(parseIdxLabels(idx(0x801, [3], [7, 0, 9])))).toEqual([7, 0, 9]);
  });

  it('rejects wrong magic, truncation, trailing bytes, short headers and non-digit labels', () => {
    expect(() => parseIdxImages(idx(0x801, [2], [1, 2]), 'x')).toThrow('x: magic number 0x00000801, expected 0x00000803');
    expect(() => parseIdxImages(idx(0x803, [2, 2, 2], [1, 2, 3]))).toThrow('images: file truncated: 19 bytes, dimensions 2×2×2 need 24');
    expect(() => parseIdxLabels(idx(0x801, [1], [1, 2]))).toThrow('labels: file has trailing bytes: 10 bytes, dimensions 1 need 9');
    expect(() => parseIdxImages(new Uint8Array([0, 0, 8, 3, 0, 0, 0, 1, 0, 0]))).toThrow('too short for an IDX header (16 bytes)');
    expect(() => parseIdxLabels(new Uint8Array([0x1f, 0x8b, 8, 0, 0, 0, 0, 0]))).toThrow(/magic number 0x1f8b0800.*gzipped/);
    expect(() => parseIdxLabels(idx(0x801, [2], [3, 10]))).toThrow('label 10 at index 1 is not a digit');
  });
});

describe('split and batches', () => {
  // 10 training images of 2 pixels: image i has pixels (i, 255); label i mod 10.
  const files = {
    trainImages: idx(0x803, [10, 1, 2], Array.from({ length: 10 }, (_, i) => [i, 255]).flat()),
    trainLabels: idx(0x801, [10], Array.from({ length: 10 }, (_, i) => i)),
    testImages: idx(0x803, [3, 1, 2], [0, 0, 1, 1, 2, 2]),
    testLabels: idx(0x801, [3], [4, 5, 6]),
  };

  it('holds out a seeded, disjoint validation set and keeps the test set whole', () => {
    const s = splitMnist(files, { seed: 5, validation: 3 });
    expect(s.validation.indices.length).toBe(3);
    expect(s.train.indices.length).toBe(7);
    const all = [...s.validation.indices, ...s.train.indices].sort((a, b) => a - b);
    expect(all).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(Array.from(s.test.indices)).toEqual([0, 1, 2]);
    expect(splitMnist(files, { seed: 5, validation: 3 }).train.indices).toEqual(s.train.indices);
    expect(splitMnist(files, { seed: 6, validation: 3 }).train.indices).not.toEqual(s.train.indices);
    expect(Array.from(splitMnist(files, { seed: 5, validation: 3, limit: 2 }).train.indices)).toEqual(Array.from(s.train.indices.subarray(0, 2)));
  });

  it('fills a batch scaled by 1/255 with the matching labels', () => {
    const s = splitMnist(files, { seed: 5, validation: 3 });
    const X = new Float32Array(4);
    const labels = new Uint8Array(2);
    fillBatch(s.train, new Uint32Array([1, 0]), 0, 2, X, labels);
    const [a, b] = [s.train.indices[1], s.train.indices[0]];
    expect(Array.from(X)).toEqual([a / 255, 1, b / 255, 1].map(Math.fround));
    expect(Array.from(labels)).toEqual([a, b]);
  });

  it('rejects mismatched files and bad options', () => {
    expect(() => splitMnist({ ...files, trainLabels: idx(0x801, [9], Array(9).fill(1)) }, { seed: 1, validation: 3 })).toThrow('train: 10 images but 9 labels');
    expect(() => splitMnist(files, { seed: 1, validation: 10 })).toThrow('validation size 10 must be between 1 and 9');
    expect(() => splitMnist(files, { seed: 1, validation: 3, limit: 0 })).toThrow('limit must be a positive integer');
  });
});
