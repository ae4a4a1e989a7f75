/**
 * Real mini-batches on the linear-regression surface (issue 9): the gradient of an entrant with `batch=B`
 * is the exact gradient of a seeded mini-batch's loss, the points reshuffled each epoch, while its
 * trajectory's loss and the target are the full-data loss. Rejected where a surface has no data.
 */
import { describe, expect, it } from 'vitest';
import { parseRaceArgs, raceOutput } from '../../src/cli/race.ts';
import { getOptimizer } from '../../src/optim/index.ts';
import { miniBatchOracle, type PointData } from '../../src/run/minibatch.ts';
import { race } from '../../src/run/race.ts';
import { run } from '../../src/run/run.ts';
import { decodeView, encodeView } from '../../src/view/link.ts';
import { raceForView } from '../../src/view/race.ts';
import { VOCABULARY } from '../../src/view/vocabulary.ts';
import { fitEntrants, pickedView } from '../../src/ui/surfaces/view-edits.ts';
import { linreg, linregData, linregPoints } from '../../surfaces/linreg.ts';
import { surfaceObjective } from '../../surfaces/objective.ts';

/** Points that record which of them each call used. */
function recording(n: number): PointData & { calls: number[][] } {
  const calls: number[][] = [];
  return {
    points: n,
    calls,
    subsetGradient(order, from, count, _p, grad) {
      calls.push(Array.from(order.subarray(from, from + count)));
      grad[0] = grad[1] = 0;
      return 0;
    },
  };
}

describe('miniBatchOracle', () => {
  const p = Float64Array.of(0.5, -1);
  const g = new Float64Array(2);

  it('visits every point once per epoch in batches of B, the last one smaller, reshuffled each epoch', () => {
    const data = recording(100);
    const oracle = miniBatchOracle(data, 32, 7);
    for (let i = 0; i < 8; i++) oracle(p, g);
    expect(data.calls.map((c) => c.length)).toEqual([32, 32, 32, 4, 32, 32, 32, 4]);
    const epoch1 = data.calls.slice(0, 4).flat();
    const epoch2 = data.calls.slice(4).flat();
    expect([...epoch1].sort((a, b) => a - b)).toEqual(Array.from({ length: 100 }, (_, i) => i));
    expect([...epoch2].sort((a, b) => a - b)).toEqual(Array.from({ length: 100 }, (_, i) => i));
    expect(epoch2).not.toEqual(epoch1);
    // Seeded: the same seed, the same batches; another seed, others.
    const again = recording(100);
    const other = recording(100);
    const [a, b] = [miniBatchOracle(again, 32, 7), miniBatchOracle(other, 32, 8)];
    for (let i = 0; i < 8; i++) [a(p, g), b(p, g)];
    expect(again.calls).toEqual(data.calls);
    expect(other.calls[0]).not.toEqual(data.calls[0]);
  });

  it("gives the exact gradient of the batch's loss ½·mean(w·x + b − y)², and with every point the full gradient", () => {
    const { xs, ys } = linregData();
    const data = recording(100);
    miniBatchOracle(data, 10, 3)(p, g);
    const batch = data.calls[0];
    const oracle = miniBatchOracle(linregPoints, 10, 3);
    const loss = oracle(p, g);
    const r = batch.map((i) => p[0] * xs[i] + p[1] - ys[i]);
    expect(loss).toBeCloseTo(r.reduce((s, v) => s + v * v, 0) / 20, 12);
    expect(g[0]).toBeCloseTo(r.reduce((s, v, j) => s + v * xs[batch[j]], 0) / 10, 12);
    expect(g[1]).toBeCloseTo(r.reduce((s, v) => s + v, 0) / 10, 12);
    // Full batch: the surface's own (symbolic) gradient, to the 4 significant digits its formula is written
    // with (surfaces/linreg.ts rounds the quadratic's coefficients; the points are exact).
    const full = new Float64Array(2);
    const exact = new Float64Array(2);
    const fullLoss = miniBatchOracle(linregPoints, 100, 1)(p, full);
    const formulaLoss = surfaceObjective(linreg).gradient(p, exact);
    expect(Math.abs(fullLoss - formulaLoss)).toBeLessThan(5e-4 * Math.abs(formulaLoss) + 3e-3);
    expect(Math.abs(full[0] - exact[0])).toBeLessThan(1e-3 * (1 + Math.abs(exact[0])));
    expect(Math.abs(full[1] - exact[1])).toBeLessThan(1e-3 * (1 + Math.abs(exact[1])));
    expect(full[0]).not.toBe(exact[0]); // not the formula's own numbers: these come from the points
  });

  it('refuses a batch size outside 1…points', () => {
    expect(() => miniBatchOracle(linregPoints, 0, 1)).toThrow('batch size must be a whole number from 1 to 100, got 0');
    expect(() => miniBatchOracle(linregPoints, 101, 1)).toThrow(RangeError);
  });
});

describe('entrants with mini-batches', () => {
  const objective = surfaceObjective(linreg);
  const sgd = getOptimizer('sgd');

  it('record the full-data loss and reach the full-data target, while stepping on mini-batch gradients', () => {
    const [exact, batched] = race({
      objective,
      entrants: [{ optimizer: sgd, hyper: { lr: 0.3 } }, { optimizer: sgd, hyper: { lr: 0.3 }, batch: 10, label: 'sgd:batch=10' }],
      start: [0, 0],
      steps: 300,
      target: linreg.target,
      data: linregPoints,
      seed: 5,
    });
    expect(exact.xs).toEqual(run({ objective, optimizer: sgd, hyper: { lr: 0.3 }, start: [0, 0], steps: 300, target: linreg.target }).xs);
    expect(batched.batch).toBe(10);
    for (const k of [0, 1, 50, 300]) expect(batched.losses[k]).toBe(objective.value(Float64Array.of(batched.xs[k], batched.ys[k])));
    expect(batched.xs[1]).not.toBe(exact.xs[1]);
    // The path wanders around the minimum at the mini-batches' noise level.
    expect(batched.losses[300]).toBeGreaterThan(exact.losses[300]);
    expect(batched.losses[300]).toBeLessThan(linreg.minValue! + 0.05);
  });

  it('run on N seeds even without noise, each seed its own shuffle', () => {
    const { view } = decodeView('#s=linreg&seeds=3&opt=sgd,sgd:batch=10', VOCABULARY);
    const [exact, batched] = raceForView(view);
    expect(exact.seeds).toEqual([]);
    expect(batched.seeds.map((s) => s.seed)).toEqual([1, 2, 3]);
    expect(new Set(batched.seeds.map((s) => s.xs[1])).size).toBe(3);
  });

  it('travel in links and on the command line as batch=B, and come back in the JSON and the table', () => {
    const { view, notices } = decodeView('#s=linreg&opt=sgd:lr=0.1:batch=10,adam:batch=100', VOCABULARY);
    expect(notices).toEqual([]);
    expect(view.entrants.map((e) => e.batch)).toEqual([10, 100]);
    expect(new URLSearchParams(encodeView(view, VOCABULARY)).get('opt')).toBe('sgd:lr=0.1:batch=10,adam:batch=100');
    const args = parseRaceArgs(['--surface', 'linreg', '--optimizers', 'sgd:lr=0.1:batch=10,sgd:lr=0.1', '--steps', '50', '--json']);
    if (!args.ok) throw new Error(args.error);
    const json = JSON.parse(raceOutput(args.value));
    expect(json.shuffleSeed).toBe(1);
    expect(json.runs.map((r: { entrant: string; batch?: number }) => [r.entrant, r.batch])).toEqual([['sgd:lr=0.1:batch=10', 10], ['sgd:lr=0.1', undefined]]);
    const table = raceOutput({ ...args.value, json: false });
    expect(table).toContain('mini-batch shuffle seed=1');
    expect(table).toMatch(/\nsgd:lr=0\.1:batch=10\s+lr=0\.1 batch=10\s+/);
  });

  it('are refused with a clear message on a surface without data, and beyond its points', () => {
    const bad = (argv: string[]) => {
      const r = parseRaceArgs(argv);
      return r.ok ? null : r.error;
    };
    expect(bad(['--surface', 'bowl', '--optimizers', 'sgd:batch=10'])).toBe('--optimizers: entrant "sgd:batch=10": batch needs a surface with data points (linreg); this one has none');
    expect(bad(['--expr', 'x^2+y^2', '--start', '1,1', '--optimizers', 'sgd:batch=10'])).toMatch(/batch needs a surface with data points/);
    expect(bad(['--surface', 'linreg', '--optimizers', 'sgd:batch=101'])).toBe('--optimizers: entrant "sgd:batch=101": batch expects a whole number from 1 to 100 (points per mini-batch), got "101"');
    expect(bad(['--surface', 'linreg', '--optimizers', 'sgd:batch=2.5'])).toMatch(/batch expects a whole number from 1 to 100/);
    expect(decodeView('#s=bowl&opt=sgd,sgd:batch=10', VOCABULARY).notices).toEqual([
      'Ignored the optimizers "sgd,sgd:batch=10": entrant "sgd:batch=10": batch needs a surface with data points (linreg); this one has none.',
    ]);
  });

  it('lose their batch size when the view moves to a surface without data', () => {
    const { view } = decodeView('#s=linreg&opt=sgd:batch=10,adam', VOCABULARY);
    expect(pickedView(view, 'bowl')!.entrants.map((e) => e.batch)).toEqual([null, null]);
    expect(pickedView(view, 'linreg')!.entrants.map((e) => e.batch)).toEqual([10, null]);
    expect(fitEntrants(view.entrants, 100)).toBe(view.entrants);
  });
});
