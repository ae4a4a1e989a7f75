/**
 * Evaluations per second of f and ∇f for Rosenbrock and Beale, measured in one run:
 *   baseline  mathjs compile().evaluate() of f, ∂f/∂x and ∂f/∂y (the same simplified partials we compile)
 *   codegen   our generated function (one call returns f and writes ∇f)
 *   closure   our closure tree (the CSP fallback)
 * Goal (issue 2): codegen ≥ 50× baseline. Run: npx tsx bench/expression.bench.ts
 * Each variant runs for a fixed wall time per round; rounds are interleaved and the best round is kept,
 * which damps noise from other work on the machine. Ratios are what to compare, not absolute rates.
 */
import { compile } from 'mathjs';
import { compileExpression, type CompiledExpression } from '../src/math/expression/index.ts';

const SURFACES: [string, string][] = [
  ['Rosenbrock', '(1-x)^2 + 100*(y-x^2)^2'],
  ['Beale', '(1.5 - x + x*y)^2 + (2.25 - x + x*y^2)^2 + (2.625 - x + x*y^3)^2'],
];
const ROUND_MS = 300;
const ROUNDS = 5;

/** Runs body(i) for ROUND_MS and returns calls per second; `sink` keeps results observable. */
let sink = 0;
function rate(body: (i: number) => number): number {
  let n = 0;
  const start = performance.now();
  let now = start;
  while (now - start < ROUND_MS) {
    for (let k = 0; k < 1000; k++, n++) sink += body(n);
    now = performance.now();
  }
  return (n / (now - start)) * 1000;
}

const xs = new Float64Array(1024);
const ys = new Float64Array(1024);
for (let i = 0; i < 1024; i++) {
  xs[i] = -1.5 + (3 * i) / 1024;
  ys[i] = 1.5 - (2 * ((i * 7) % 1024)) / 1024;
}

function compiled(text: string, mode: 'codegen' | 'closure'): CompiledExpression {
  const r = compileExpression(text, { mode });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

const fmt = (v: number): string => v.toExponential(2).padStart(9);

console.log(`f + ∇f evaluations per second (best of ${ROUNDS} rounds × ${ROUND_MS} ms), node ${process.version}`);
console.log('surface      baseline   codegen    closure    codegen/baseline  closure/baseline');
for (const [name, text] of SURFACES) {
  const cg = compiled(text, 'codegen');
  const cl = compiled(text, 'closure');
  const fm = compile(text);
  const dxm = compile(cg.derivatives.dfdx);
  const dym = compile(cg.derivatives.dfdy);
  const scope = { x: 0, y: 0 };
  const out = new Float64Array(2);
  const variants: Record<string, (i: number) => number> = {
    baseline: (i) => {
      scope.x = xs[i & 1023];
      scope.y = ys[i & 1023];
      return fm.evaluate(scope) + dxm.evaluate(scope) + dym.evaluate(scope);
    },
    codegen: (i) => cg.grad(xs[i & 1023], ys[i & 1023], out) + out[0] + out[1],
    closure: (i) => cl.grad(xs[i & 1023], ys[i & 1023], out) + out[0] + out[1],
  };
  const best: Record<string, number> = { baseline: 0, codegen: 0, closure: 0 };
  for (let r = 0; r < ROUNDS; r++) {
    for (const [key, body] of Object.entries(variants)) best[key] = Math.max(best[key], rate(body));
  }
  const ratio = (v: number): string => `${(v / best.baseline).toFixed(1)}×`.padStart(8);
  console.log(
    `${name.padEnd(12)}${fmt(best.baseline)}  ${fmt(best.codegen)}  ${fmt(best.closure)}  ${ratio(best.codegen).padStart(16)}  ${ratio(best.closure).padStart(16)}`,
  );
}
if (!Number.isFinite(sink)) console.log('(sink not finite)');
