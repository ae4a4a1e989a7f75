import { describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import { loadMnist, MNIST_FILE_NAMES, type LoadProgress } from '../../src/mnist/browser/load-mnist.ts';
import type { BytesCache } from '../../src/mnist/browser/cached-fetch.ts';
import { inflate } from '../../src/mnist/browser/inflate.ts';
import { readBody } from '../../src/mnist/browser/read-body.ts';

/** A Map-backed stand-in for the browser's Cache object (same match/put/delete semantics for our use). */
function memoryCache(): BytesCache & { store: Map<string, Uint8Array> } {
  const store = new Map<string, Uint8Array>();
  return {
    store,
    async match(url) {
      const b = store.get(url);
      return b ? new Response(b as Uint8Array<ArrayBuffer>, { headers: { 'Content-Length': String(b.length) } }) : undefined;
    },
    async put(url, response) {
      store.set(url, new Uint8Array(await response.arrayBuffer()));
    },
    async delete(url) {
      return store.delete(url);
    },
  };
}

// Tiny but well-formed IDX payloads: 2 images of 2×2 pixels, 2 labels.
const idx = {
  'train-images-idx3-ubyte': new Uint8Array([0, 0, 8, 3, 0, 0, 0, 2, 0, 0, 0, 2, 0, 0, 0, 2, 1, 2, 3, 4, 5, 6, 7, 8]),
  'train-labels-idx1-ubyte': new Uint8Array([0, 0, 8, 1, 0, 0, 0, 2, 3, 7]),
  't10k-images-idx3-ubyte': new Uint8Array([0, 0, 8, 3, 0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 2, 9, 9, 9, 9]),
  't10k-labels-idx1-ubyte': new Uint8Array([0, 0, 8, 1, 0, 0, 0, 1, 5]),
} as Record<string, Uint8Array>;

const BASE = 'http://test.local/app/';

function server(files: Record<string, Uint8Array>, calls: string[]) {
  return async (url: string) => {
    calls.push(url);
    const name = /mnist\/(.*)\.gzip$/.exec(url)![1];
    const body = files[name];
    if (!body) return new Response('nope', { status: 404, statusText: 'Not Found' });
    return new Response(body as Uint8Array<ArrayBuffer>, { headers: { 'Content-Length': String(body.length) } });
  };
}

const gzFiles = Object.fromEntries(Object.entries(idx).map(([k, v]) => [k, new Uint8Array(gzipSync(v))]));

describe('loadMnist', () => {
  it('downloads, inflates and caches; the second load reads only the cache', async () => {
    const cache = memoryCache();
    const calls: string[] = [];
    const progress: LoadProgress[] = [];
    const first = await loadMnist(BASE, (p) => progress.push(p), cache, server(gzFiles, calls));
    expect(first.fromCache).toBe(false);
    expect(Array.from(first.raw.trainLabels)).toEqual(Array.from(idx['train-labels-idx1-ubyte']));
    expect(Array.from(first.raw.testImages)).toEqual(Array.from(idx['t10k-images-idx3-ubyte']));
    expect(calls).toHaveLength(4);
    expect(calls[0]).toBe(`${BASE}mnist/${MNIST_FILE_NAMES.trainImages}.gzip`);
    expect(cache.store.size).toBe(4);
    // Once every Content-Length is known the fraction reaches exactly 1.
    expect(progress.at(-1)!.fraction).toBe(1);
    expect(progress.at(-1)!.loadedBytes).toBe(Object.values(gzFiles).reduce((s, b) => s + b.length, 0));

    const second = await loadMnist(BASE, () => {}, cache, server(gzFiles, calls));
    expect(second.fromCache).toBe(true);
    expect(calls).toHaveLength(4);
    expect(Array.from(second.raw.trainImages)).toEqual(Array.from(idx['train-images-idx3-ubyte']));
  });

  it('accepts files the host already decoded (no gzip magic)', async () => {
    const got = await loadMnist(BASE, () => {}, null, server(idx, []));
    expect(Array.from(got.raw.testLabels)).toEqual([0, 0, 8, 1, 0, 0, 0, 1, 5]);
  });

  it('names the file and drops it from the cache when its gzip data is cut short', async () => {
    const cache = memoryCache();
    const broken = { ...gzFiles, 'train-labels-idx1-ubyte': gzFiles['train-labels-idx1-ubyte'].slice(0, 12) };
    await expect(loadMnist(BASE, () => {}, cache, server(broken, []))).rejects.toThrow(
      /train-labels-idx1-ubyte: corrupt or truncated gzip data/,
    );
    expect(cache.store.has(`${BASE}mnist/train-labels-idx1-ubyte.gzip`)).toBe(false);
  });

  it('reports a missing file with the server status', async () => {
    const { ['t10k-labels-idx1-ubyte']: _, ...missing } = gzFiles;
    await expect(loadMnist(BASE, () => {}, null, server(missing, []))).rejects.toThrow(
      't10k-labels-idx1-ubyte: server answered 404 Not Found',
    );
  });
});

describe('readBody', () => {
  it('rejects a body shorter than its Content-Length', async () => {
    const r = new Response(new Uint8Array(10), { headers: { 'Content-Length': '25' } });
    await expect(readBody(r, 'f')).rejects.toThrow('f: truncated download (10 of 25 bytes)');
  });

  it('accepts a body the browser already decoded (Content-Encoding: Content-Length counts encoded bytes)', async () => {
    const r = new Response(new Uint8Array(40), { headers: { 'Content-Length': '12', 'Content-Encoding': 'gzip' } });
    expect((await readBody(r, 'f')).length).toBe(40);
  });

  it('gives up on a stream that stops sending instead of hanging', async () => {
    const stream = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(new Uint8Array(3)); // then never closes
      },
    });
    await expect(readBody(new Response(stream), 'slow', { stallMs: 50 })).rejects.toThrow('slow: download stalled');
  });
});

describe('inflate', () => {
  it('rejects gzip bytes with a corrupted body', async () => {
    const gz = new Uint8Array(gzipSync(new Uint8Array(1000).fill(7)));
    gz[gz.length - 6] ^= 0xff; // flips CRC32 bits: the trailer check must fail
    await expect(inflate(gz, 'x')).rejects.toThrow('x: corrupt or truncated gzip data');
  });
});
