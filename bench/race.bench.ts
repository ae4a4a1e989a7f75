/**
 * Race speed and per-step allocation, measured in one run (numbers for the README, never asserted).
 *   npx tsx bench/race.bench.ts
 * 1. Time for a race of the seven classic optimizers (the default race) × 5,000 updates on several surfaces (median of 7 runs),
 *    with and without gradient noise. The UI recomputes a race on every drag, so this must stay far
 *    below one frame budget of seconds.
 * 2. Minor GCs seen by a PerformanceObserver during a (warmed-up) 2,000,000-update run on the bowl, and
 *    during 2,000 Adam steps on a Float32Array(50,000): a loop allocating even a few bytes per step
 *    fills the young generation and triggers scavenges. The code allocates no arrays or objects per step,
 *    but once many surfaces and optimizers have gone through the same call sites (as here, after the
 *    races above), V8 no longer inlines them and boxes each returned double (loss, f) as a 16-byte heap
 *    number: a handful of cheap scavenges per million steps. In a fresh process with one surface and one
 *    optimizer the same run shows no scavenges at all.
 */
import { PerformanceObserver } from 'node:perf_hooks';
import { getSurface } from '../surfaces/index.ts';
import { surfaceObjective } from '../surfaces/objective.ts';
import { CLASSIC_OPTIMIZERS, getOptimizer, resolveHyper } from '../src/optim/index.ts';
import { race } from '../src/run/race.ts';
import { run } from '../src/run/run.ts';
import type { GradientOracle } from '../src/math/objective.ts';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function raceMs(id: string, noise: boolean): number {
  const s = getSurface(id)!;
  const spec = {
    objective: surfaceObjective(s),
    entrants: CLASSIC_OPTIMIZERS.map((optimizer) => ({ optimizer, hyper: resolveHyper(optimizer, s.hyper[optimizer.id]) })),
    start: s.start,
    steps: 5000,
    target: s.target,
    noise: noise ? { sigma: 0.1, seed: 1 } : undefined,
  };
  race(spec); // warm-up
  const times: number[] = [];
  for (let i = 0; i < 7; i++) {
    const t0 = performance.now();
    race(spec);
    times.push(performance.now() - t0);
  }
  return median(times);
}

console.log('race: 7 optimizers × 5,000 updates (median of 7)');
for (const id of ['bowl', 'rosenbrock', 'beale', 'rastrigin', 'ackley']) {
  console.log(`  ${id.padEnd(11)} ${raceMs(id, false).toFixed(1).padStart(6)} ms   with noise σ=0.1: ${raceMs(id, true).toFixed(1).padStart(6)} ms`);
}

// detail.kind 1 = minor GC (scavenge of the young generation, where per-step garbage would land).
let scavenges = 0;
const observer = new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) if ((entry as { detail?: { kind?: number } }).detail?.kind === 1) scavenges++;
});
observer.observe({ entryTypes: ['gc'] });
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

const bowl = getSurface('bowl')!;
for (const id of ['sgd', 'nag', 'adam'] as const) {
  const optimizer = getOptimizer(id);
  const once = () =>
    run({ objective: surfaceObjective(bowl), optimizer, hyper: resolveHyper(optimizer, { lr: 1e-5 }), start: bowl.start, steps: 2_000_000, target: 0 });
  once(); // warm-up: JIT compilation and the first large buffers allocate
  await settle();
  scavenges = 0;
  once();
  await settle();
  console.log(`minor GCs during a second 2,000,000-update ${id} run on the bowl: ${scavenges}`);
}

const n = 50_000;
const p = new Float32Array(n).fill(0.5);
const quadratic: GradientOracle = (q, g) => {
  let f = 0;
  for (let i = 0; i < q.length; i++) {
    g[i] = q[i];
    f += 0.5 * q[i] * q[i];
  }
  return f;
};
const adam = getOptimizer('adam');
const state = adam.init(p);
const hyper = resolveHyper(adam);
for (let k = 0; k < 200; k++) adam.step(p, state, hyper, quadratic);
await settle();
scavenges = 0;
const t0 = performance.now();
for (let k = 0; k < 2000; k++) adam.step(p, state, hyper, quadratic);
const ms = performance.now() - t0;
await settle();
console.log(`minor GCs during 2,000 Adam steps on Float32Array(50,000): ${scavenges} (${((ms / 2000) * 1000).toFixed(0)} µs per step incl. the oracle)`);
observer.disconnect();
