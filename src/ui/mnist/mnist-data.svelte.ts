/**
 * The tab's data state: downloads (or reads from the cache) the four IDX files once per page, checks
 * them with the core's IDX reader so a corrupt file is reported here rather than inside a worker, and
 * exposes progress for the bar. The bytes stay as bytes (55 MB); workers get their own copies.
 */
import { forgetCachedMnist, loadMnist, openCache, type LoadProgress, type RawMnist } from '../../mnist/browser/load-mnist.ts';
import { parseIdxImages, parseIdxLabels } from '../../mnist/idx.ts';

export class MnistData {
  phase = $state<'loading' | 'ready' | 'error'>('loading');
  progress = $state<LoadProgress>({ fraction: 0, loadedBytes: 0, totalBytes: 0 });
  error = $state('');
  summary = $state('');
  raw = $state.raw<RawMnist | null>(null);

  async load(baseUrl: string): Promise<void> {
    this.phase = 'loading';
    this.error = '';
    const started = performance.now();
    const cache = await openCache();
    try {
      const got = await loadMnist(baseUrl, (p) => (this.progress = p), cache);
      const train = parseIdxImages(got.raw.trainImages, 'train-images-idx3-ubyte');
      const trainLabels = parseIdxLabels(got.raw.trainLabels, 'train-labels-idx1-ubyte');
      const test = parseIdxImages(got.raw.testImages, 't10k-images-idx3-ubyte');
      const testLabels = parseIdxLabels(got.raw.testLabels, 't10k-labels-idx1-ubyte');
      if (train.count !== trainLabels.length || test.count !== testLabels.length) {
        throw new Error(`image and label counts differ (${train.count}/${trainLabels.length}, ${test.count}/${testLabels.length})`);
      }
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      const source = got.fromCache ? 'from the browser cache' : cache ? 'downloaded and cached' : 'downloaded (this browser offers no cache here)';
      this.summary = `MNIST ready: ${train.count.toLocaleString('en')} training and ${test.count.toLocaleString('en')} test digits, ${source} in ${seconds} s.`;
      this.raw = got.raw;
      this.phase = 'ready';
    } catch (err) {
      await forgetCachedMnist(baseUrl, cache);
      this.error = (err as Error).message;
      this.phase = 'error';
    }
  }
}
