/**
 * Gunzips bytes with the platform's DecompressionStream when they start with the gzip magic 1f 8b
 * (RFC 1952); anything else is returned unchanged, so a host that already decoded the file
 * (Content-Encoding: gzip) still works. Corrupt or truncated gzip data becomes a clear error.
 */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

export async function inflate(bytes: Uint8Array, label: string): Promise<Uint8Array> {
  if (!isGzip(bytes)) return bytes;
  try {
    const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('gzip'));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  } catch (err) {
    throw new Error(`${label}: corrupt or truncated gzip data (${(err as Error).message})`);
  }
}
