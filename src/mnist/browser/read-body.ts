/**
 * Reads a fetch Response body into one Uint8Array, reporting bytes as they arrive, and refuses to
 * return short data: if the server announced a Content-Length, exactly that many bytes must arrive.
 * The exception is a response the browser decoded itself (Content-Encoding set): Content-Length then
 * counts the encoded bytes, so only the caller's format checks can tell a short file.
 * A stalled stream (no bytes for `stallMs`) is cancelled with a clear error instead of hanging.
 */
export interface ReadOptions {
  onBytes?: (loaded: number, total: number) => void;
  stallMs?: number;
}

export async function readBody(response: Response, label: string, options: ReadOptions = {}): Promise<Uint8Array> {
  if (!response.ok) throw new Error(`${label}: server answered ${response.status} ${response.statusText}`.trim());
  const announced = Number(response.headers.get('Content-Length') ?? NaN);
  const encoding = response.headers.get('Content-Encoding');
  const decoded = encoding !== null && encoding !== '' && encoding !== 'identity';
  const total = Number.isFinite(announced) && announced > 0 && !decoded ? announced : 0;
  if (!response.body) throw new Error(`${label}: empty response`);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let loaded = 0;
  const stallMs = options.stallMs ?? 30_000;
  for (;;) {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stalled = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${label}: download stalled (no data for ${stallMs / 1000} s)`)), stallMs);
    });
    let step: ReadableStreamReadResult<Uint8Array>;
    try {
      step = await Promise.race([reader.read(), stalled]);
    } catch (err) {
      reader.cancel().catch(() => {});
      throw err;
    } finally {
      clearTimeout(timer);
    }
    if (step.done) break;
    chunks.push(step.value);
    loaded += step.value.length;
    options.onBytes?.(loaded, total);
  }
  if (total && loaded !== total) {
    throw new Error(`${label}: truncated download (${loaded} of ${total} bytes)`);
  }
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(loaded);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
