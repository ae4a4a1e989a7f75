import { describe, expect, it } from 'vitest';
import { readMnistFiles } from '../../src/mnist/load-node.ts';
import { splitMnist } from '../../src/mnist/dataset.ts';
import { createTrainer, initialParams, DEFAULT_TRAIN, type TrainConfig } from '../../src/mnist/train.ts';
import { createMlp } from '../../src/mnist/mlp.ts';
import { evaluate } from '../../src/mnist/evaluate.ts';
import { createTsBackend } from '../../src/mnist/kernels/ts.ts';
import { getOptimizer } from '../../src/optim/index.ts';
import type { Hyper } from '../../src/optim/types.ts';
import { CHECKPOINT_BUDGET_BYTES, checkpointEvery, checkpointsPerRun, trainRecording } from '../../src/mnist/landscape/checkpoints.ts';
import { createSubsetLoss } from '../../src/mnist/landscape/subset-loss.ts';
import { filterNormalizedPair } from '../../src/mnist/landscape/filter-normalized.ts';
import { createPlaneLoss } from '../../src/mnist/landscape/plane-loss.ts';
import { planePoint } from '../../src/mnist/landscape/plane.ts';
import { createLandscapeJob, runLandscape, type DirectionsKind } from '../../src/mnist/landscape/landscape.ts';

// 600 training images in batches of 20: 30 updates, a checkpoint every ⌈30/40⌉ = 1 of them.
const data = splitMnist(readMnistFiles(), { seed: 1, limit: 600 });
const config: TrainConfig = { ...DEFAULT_TRAIN, epochs: 1, batchSize: 20 };
const SUBSET = 1000;
const entrants: { entrant: string; optimizer: 'sgd' | 'adam'; hyper: Hyper }[] = [
  { entrant: 'sgd', optimizer: 'sgd', hyper: { lr: 0.2 } },
  { entrant: 'adam', optimizer: 'adam', hyper: { lr: 0.003, beta1: 0.9, beta2: 0.999, eps: 1e-8 } },
];
const runs = entrants.map((e) => {
  const tr = createTrainer(data, config, getOptimizer(e.optimizer), e.hyper);
  return { entrant: e.entrant, optimizer: e.optimizer, checkpoints: trainRecording(tr, checkpointEvery(tr.totalSteps, tr.net.params.length, entrants.length)), final: tr.net.params.slice() };
});

/** The validation loss of the first SUBSET images at `params`, on a network built independently of the landscape. */
function directLoss(params: Float32Array): number {
  const net = createMlp(config.mlp, createTsBackend(), SUBSET);
  net.params.set(params);
  return evaluate(net, { ...data.validation, indices: data.validation.indices.slice(0, SUBSET) }).loss;
}

function landscape(directions: DirectionsKind, center = 0) {
  const net = createMlp(config.mlp, createTsBackend(), 1);
  const subset = createSubsetLoss(config.mlp, createTsBackend(), data.validation, SUBSET);
  return runLandscape(createLandscapeJob({ layout: net.layout, runs, directions, grid: 5, seed: config.seed, center }, subset));
}

describe('checkpoints', () => {
  it("a race's copies stay within the memory budget: fewer a run for wide networks, never fewer than θ₀ and the end", () => {
    // The default network, 51,450 parameters (201 KiB a copy): 32 MiB afford ⌊163 / runs⌋ copies a run.
    expect([1, 2, 3, 4, 5, 6, 7].map((runs) => checkpointsPerRun(51_450, runs))).toEqual([40, 40, 40, 38, 30, 25, 21]);
    // A race of seven keeps the minimum of 20 a run: θ₀, every ⌈430/21⌉ = 21 updates of a 430-update epoch, and the end.
    expect(checkpointEvery(430, 51_450, 7)).toBe(21);
    // 784-1024-10: 814,090 parameters, 3.3 MB a copy. Two runs afford ⌊5.15⌋ − 2 = 3; seven ⌊1.47⌋ − 2 → at least 1.
    expect(checkpointsPerRun(814_090, 2)).toBe(3);
    expect(checkpointsPerRun(814_090, 7)).toBe(1);
    expect(checkpointEvery(430, 814_090, 2)).toBe(144);
    for (const params of [51_450, 200_000, 814_090]) {
      for (let runs = 1; runs <= 7; runs++) {
        const k = checkpointsPerRun(params, runs);
        if (k > 1) expect(runs * (k + 2) * 4 * params).toBeLessThanOrEqual(CHECKPOINT_BUDGET_BYTES);
      }
    }
  });

  it('θ₀, then every ⌈T/40⌉ updates and the end, as copies', () => {
    // The default network in a race of two: 40 a run fit the budget.
    expect(checkpointEvery(30, 51_450, 2)).toBe(1);
    expect(checkpointEvery(1000, 51_450, 2)).toBe(25);
    expect(checkpointEvery(41, 51_450, 2)).toBe(2);
    const cp = runs[0].checkpoints;
    expect(cp.iterations).toEqual(Array.from({ length: 31 }, (_, i) => i));
    const theta0 = createMlp(config.mlp, createTsBackend(), 1);
    initialParams(config, theta0);
    expect(cp.params[0]).toEqual(theta0.params);
    expect(cp.params[30]).toEqual(runs[0].final);
    expect(cp.params[1]).not.toEqual(cp.params[0]);
  });
});

describe('loss landscape on MNIST', () => {
  const pca = landscape('pca');
  const theta0 = runs[0].checkpoints.params[0];

  it('PCA: the origin is θ₀, its grid loss is θ₀\'s own loss, and θ₀ projects to (0, 0)', () => {
    expect(pca.center.loss).toBe(directLoss(theta0));
    expect(pca.center.loss).toBeGreaterThan(2);
    for (const run of pca.runs) {
      expect(run.path[0].slice(0, 2)).toEqual([0, 0]);
      expect(run.path[0][2]).toBeCloseTo(pca.center.loss, 6);
      expect(run.path[0][3]).toBe(pca.center.loss);
    }
    expect(pca.explained![0]).toBeGreaterThan(pca.explained![1]);
    expect(pca.explained![0] + pca.explained![1]).toBeLessThanOrEqual(1 + 1e-12);
  });

  it('runs in units: the Gram matrix a block pair at a time, the plane, then one loss evaluation each', () => {
    const net = createMlp(config.mlp, createTsBackend(), 1);
    const subset = createSubsetLoss(config.mlp, createTsBackend(), data.validation, SUBSET);
    const job = createLandscapeJob({ layout: net.layout, runs, directions: 'pca', grid: 5, seed: config.seed, center: 0 }, subset);
    const deltas = runs.reduce((n, r) => n + r.checkpoints.params.length - 1, 0);
    const blocks = Math.ceil(deltas / 16);
    expect(job.setup).toBe((blocks * (blocks + 1)) / 2 + 1);
    const checkpoints = deltas + runs.length;
    expect(job.total).toBe(job.setup + 1 + 25 + 2 * checkpoints + runs.length * 61);
    expect(() => job.result).toThrow(/before its setup is done/);
    job.step(job.setup - 1);
    expect(() => job.result).toThrow(/before its setup is done/);
    job.step(1);
    expect(Array.from(job.result.loss).every(Number.isNaN)).toBe(true);
    expect(job.step(job.total)).toBe(true);
    expect(job.done).toBe(job.total);
    expect(job.result).toEqual(pca);
  });

  it('PCA: every projected checkpoint lies inside the grid, and each checkpoint\'s own loss is its direct loss', () => {
    const { alpha, beta } = pca.axes;
    for (const run of pca.runs) {
      for (const [a, b] of run.path) {
        expect(a).toBeGreaterThan(alpha[0]);
        expect(a).toBeLessThan(alpha[alpha.length - 1]);
        expect(b).toBeGreaterThan(beta[0]);
        expect(b).toBeLessThan(beta[beta.length - 1]);
      }
    }
    const last = pca.runs[1].path[pca.runs[1].path.length - 1];
    expect(last[3]).toBe(directLoss(runs[1].final));
    // Training lowered the loss well below θ₀'s.
    expect(last[3]).toBeLessThan(0.8 * pca.center.loss);
    expect(Array.from(pca.loss).every(Number.isFinite)).toBe(true);
  });

  it('the line from θ₀ is θ₀\'s loss at α = 0 and the final weights\' at α = 1', () => {
    for (const [r, line] of pca.line.entries()) {
      expect(line.alpha).toHaveLength(61);
      expect(line.alpha[0]).toBe(-0.25);
      expect(line.alpha[60]).toBe(1.25);
      expect(line.alpha[10]).toBe(0);
      expect(line.alpha[50]).toBe(1);
      expect(line.loss[10]).toBe(directLoss(theta0));
      expect(line.loss[50]).toBe(directLoss(runs[r].final));
    }
  });

  it('random directions: the grid is [−1, 1]², centred on the chosen run\'s final weights', () => {
    const random = landscape('random', 1);
    expect(random.explained).toBeNull();
    expect(random.axes.alpha).toEqual([-1, -0.5, 0, 0.5, 1]);
    expect(random.center).toEqual({ entrant: 'adam', loss: directLoss(runs[1].final) });
    expect(random.loss[2 * 5 + 2]).toBeCloseTo(random.center.loss, 6);
    const last = random.runs[1].path[random.runs[1].path.length - 1];
    expect(last[0]).toBeCloseTo(0, 6);
    expect(last[1]).toBeCloseTo(0, 6);
  });

  it('the fast loss on the plane (first layer precomputed) equals a direct evaluation of the plane point', () => {
    const net = createMlp(config.mlp, createTsBackend(), 1);
    const [d1, d2] = filterNormalizedPair(net.layout, runs[1].final, 5);
    const plane = { origin: theta0, d1, d2 };
    // 2,000 images: the direct evaluation runs in two chunks, the fast one in one.
    const subset = createSubsetLoss(config.mlp, createTsBackend(), data.validation, 2000);
    const fast = createPlaneLoss(subset, plane);
    for (const [a, b] of [[0, 0], [0.3, -0.7], [-1, 1]]) {
      const direct = subset.lossAt(planePoint(plane, a, b, new Float32Array(theta0.length)));
      expect(Math.abs(fast(a, b) - direct) / direct).toBeLessThan(1e-6);
    }
    expect(fast(-1, 1)).not.toBeCloseTo(fast(0, 0), 2);
  });

  it('refuses runs from different starts and batch-norm networks', () => {
    const other = { ...runs[1], checkpoints: { ...runs[1].checkpoints, params: [runs[1].final, ...runs[1].checkpoints.params.slice(1)] } };
    const net = createMlp(config.mlp, createTsBackend(), 1);
    const subset = createSubsetLoss(config.mlp, createTsBackend(), data.validation, SUBSET);
    expect(() => createLandscapeJob({ layout: net.layout, runs: [runs[0], other], directions: 'pca', grid: 5, seed: 1, center: 0 }, subset)).toThrow(/same θ₀/);
    expect(() => createSubsetLoss({ ...config.mlp, batchNorm: true }, createTsBackend(), data.validation, SUBSET)).toThrow(/batch-norm/);
  });
});
