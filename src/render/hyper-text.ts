/**
 * A run's hyperparameters as one short line for a legend, e.g. "lr=0.1 β=0.9 ε=1e-8": the learning rate
 * as `lr` (the word the CLI's --set and the links use), every other one by its symbol (the spec's TeX as
 * Unicode with plain digits: \beta_1 → β1; subscript digits are missing from many sans-serif fonts, and a
 * rasteriser falls back to a serif face for the whole line), values to at most four significant digits, written as tick labels are
 * (tick-label.ts: 0.001, 1e-8).
 */
import type { Hyper, HyperSpec } from '../optim/types.ts';
import { tickLabel } from './tick-label.ts';

const GREEK: Readonly<Record<string, string>> = { alpha: 'α', beta: 'β', gamma: 'γ', delta: 'δ', epsilon: 'ε', eta: 'η', rho: 'ρ', mu: 'μ', lambda: 'λ' };

function symbolOf(spec: HyperSpec): string {
  if (spec.key === 'lr') return 'lr';
  return spec.tex
    .replace(/\\([a-z]+)/g, (m, name: string) => GREEK[name] ?? m)
    .replace(/_\{?(\d)\}?/g, '$1');
}

export function hyperText(specs: readonly HyperSpec[], values: Hyper): string {
  return specs
    .filter((s) => values[s.key] !== undefined)
    .map((s) => `${symbolOf(s)}=${tickLabel(Number(values[s.key].toPrecision(4)))}`)
    .join(' ');
}
