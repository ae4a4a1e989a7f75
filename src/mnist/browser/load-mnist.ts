/**
 * Loads the four MNIST IDX files for the browser tab: downloads the gzip files served by
 * vite-plugins/mnist-data.ts in parallel (one combined progress fraction), caches them with the Cache
 * API so a second visit is instant, inflates them, and hands back the raw IDX bytes. A broken file
 * (short download, corrupt gzip) rejects with a message naming the file and drops it from the cache.
 */
import { cachedFetch, type BytesCache } from './cached-fetch.ts';
import { inflate } from './inflate.ts';

export const MNIST_FILE_NAMES = {
  trainImages: 'train-images-idx3-ubyte',
  trainLabels: 'train-labels-idx1-ubyte',
  testImages: 't10k-images-idx3-ubyte',
  testLabels: 't10k-labels-idx1-ubyte',
} as const;

export type MnistFileKey = keyof typeof MNIST_FILE_NAMES;
export type RawMnist = Record<MnistFileKey, Uint8Array>;

export interface LoadProgress {
  /** 0…1 over all four files (compressed bytes). */
  fraction: number;
  loadedBytes: number;
  totalBytes: number;
}

export interface LoadResult {
  raw: RawMnist;
  fromCache: boolean;
}

/** Cache name carries a version so a change in the served format never reads stale entries. */
export const CACHE_NAME = 'mnist-idx-gzip-v1';

/** Compressed sizes of the files served at build time, used until the real Content-Length arrives. */
const EXPECTED_GZ_BYTES: Record<MnistFileKey, number> = {
  trainImages: 9_801_223,
  trainLabels: 28_246,
  testImages: 1_629_560,
  testLabels: 4_210,
};

export async function openCache(): Promise<BytesCache | null> {
  try {
    return typeof caches === 'undefined' ? null : await caches.open(CACHE_NAME);
  } catch {
    return null;
  }
}

export async function loadMnist(
  baseUrl: string,
  onProgress: (p: LoadProgress) => void,
  cache: BytesCache | null,
  fetcher: (url: string) => Promise<Response> = (url) => fetch(url),
): Promise<LoadResult> {
  const keys = Object.keys(MNIST_FILE_NAMES) as MnistFileKey[];
  const loaded: Record<string, number> = {};
  const totals: Record<string, number> = { ...EXPECTED_GZ_BYTES };
  const report = () => {
    const l = keys.reduce((s, k) => s + (loaded[k] ?? 0), 0);
    const t = keys.reduce((s, k) => s + totals[k], 0);
    onProgress({ fraction: t ? Math.min(1, l / t) : 0, loadedBytes: l, totalBytes: t });
  };
  const one = async (key: MnistFileKey) => {
    const name = MNIST_FILE_NAMES[key];
    const url = new URL(`mnist/${name}.gzip`, baseUrl).href;
    const got = await cachedFetch(url, name, cache, fetcher, (l, t) => {
      loaded[key] = l;
      if (t) totals[key] = t;
      report();
    });
    try {
      return { key, bytes: await inflate(got.bytes, name), fromCache: got.fromCache };
    } catch (err) {
      await cache?.delete(url);
      throw err;
    }
  };
  report();
  const files = await Promise.all(keys.map(one));
  const raw = Object.fromEntries(files.map((f) => [f.key, f.bytes])) as RawMnist;
  return { raw, fromCache: files.every((f) => f.fromCache) };
}

/** Drops every cached file (used after a parse error, so the next attempt downloads afresh). */
export async function forgetCachedMnist(baseUrl: string, cache: BytesCache | null): Promise<void> {
  if (!cache) return;
  for (const name of Object.values(MNIST_FILE_NAMES)) await cache.delete(new URL(`mnist/${name}.gzip`, baseUrl).href);
}
