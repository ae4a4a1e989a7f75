/**
 * IDX reader for the MNIST files (LeCun, Cortes & Burges, http://yann.lecun.com/exdb/mnist/).
 * Layout, all integers big-endian: magic 0x00000803 (unsigned bytes, 3 dims) for images or 0x00000801
 * (unsigned bytes, 1 dim) for labels, then one uint32 per dimension, then the data, row-major.
 * Pixels stay bytes (a view into the file buffer, no copy); scaling to [0, 1] happens per batch.
 */

export interface IdxImages {
  readonly count: number;
  readonly rows: number;
  readonly cols: number;
  /** count·rows·cols bytes, image after image, row-major. */
  readonly pixels: Uint8Array;
}

const IMAGES_MAGIC = 0x00000803;
const LABELS_MAGIC = 0x00000801;

function header(bytes: Uint8Array, name: string, magic: number, dims: number): number[] {
  const headerBytes = 4 + 4 * dims;
  const tooShort = () => new Error(`${name}: file is ${bytes.length} bytes, too short for an IDX header (${headerBytes} bytes)`);
  if (bytes.length < 4) throw tooShort();
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const found = view.getUint32(0);
  if (found !== magic) {
    const hex = (n: number) => `0x${n.toString(16).padStart(8, '0')}`;
    throw new Error(`${name}: magic number ${hex(found)}, expected ${hex(magic)} (is this the right file, and not gzipped?)`);
  }
  if (bytes.length < headerBytes) throw tooShort();
  const sizes: number[] = [];
  for (let d = 0; d < dims; d++) sizes.push(view.getUint32(4 + 4 * d));
  const expected = headerBytes + sizes.reduce((a, b) => a * b, 1);
  if (bytes.length !== expected) {
    const what = bytes.length < expected ? 'truncated' : 'has trailing bytes';
    throw new Error(`${name}: file ${what}: ${bytes.length} bytes, dimensions ${sizes.join('×')} need ${expected}`);
  }
  return sizes;
}

export function parseIdxImages(bytes: Uint8Array, name = 'images'): IdxImages {
  const [count, rows, cols] = header(bytes, name, IMAGES_MAGIC, 3);
  return { count, rows, cols, pixels: bytes.subarray(16) };
}

export function parseIdxLabels(bytes: Uint8Array, name = 'labels'): Uint8Array {
  const [count] = header(bytes, name, LABELS_MAGIC, 1);
  const labels = bytes.subarray(8, 8 + count);
  for (let i = 0; i < count; i++) {
    if (labels[i] > 9) throw new Error(`${name}: label ${labels[i]} at index ${i} is not a digit 0–9`);
  }
  return labels;
}
