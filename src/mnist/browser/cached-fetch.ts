/**
 * Fetch-through cache for the MNIST files: the first visit downloads (with progress) and stores the
 * compressed bytes with the Cache API; later visits read them back without touching the network.
 * A cached entry that later turns out corrupt is deleted by the caller (`forget`) so a retry refetches.
 * Where the Cache API is missing (insecure origin, old browser) the files are simply downloaded.
 */
import { readBody } from './read-body.ts';

/** The part of the Cache API this module uses (window.caches.open(...) returns one). */
export interface BytesCache {
  match(url: string): Promise<Response | undefined>;
  put(url: string, response: Response): Promise<void>;
  delete(url: string): Promise<boolean>;
}

export interface FetchedBytes {
  bytes: Uint8Array;
  fromCache: boolean;
}

export async function cachedFetch(
  url: string,
  label: string,
  cache: BytesCache | null,
  fetcher: (url: string) => Promise<Response>,
  onBytes: (loaded: number, total: number) => void,
): Promise<FetchedBytes> {
  const hit = cache ? await cache.match(url) : undefined;
  if (hit) {
    const bytes = await readBody(hit, label);
    onBytes(bytes.length, bytes.length);
    return { bytes, fromCache: true };
  }
  const response = await fetcher(url);
  const bytes = await readBody(response, label, { onBytes });
  if (cache) {
    const headers = { 'Content-Type': 'application/octet-stream', 'Content-Length': String(bytes.length) };
    await cache.put(url, new Response(bytes as Uint8Array<ArrayBuffer>, { headers })).catch(() => {});
  }
  return { bytes, fromCache: false };
}
