/**
 * Weight initialisations for a layer with n_in inputs and n_out outputs (biases start at 0, batch-norm
 * γ at 1 and β at 0). Sources: Glorot & Bengio 2010 (Xavier), He et al. 2015 (He), the course's
 * initialisation experiment (zeros stall, N(0, 1) saturates, Xavier/He learn).
 *   zeros           W = 0
 *   normal          W ~ N(0, 1)
 *   xavier-uniform  W ~ U(−a, a),  a = √(6/(n_in + n_out))
 *   xavier-normal   W ~ N(0, 2/(n_in + n_out))
 *   he-normal       W ~ N(0, 2/n_in)
 */
import type { FloatArray } from './float-array.ts';
import type { Rng } from '../run/random.ts';

export const INIT_IDS = ['zeros', 'normal', 'xavier-uniform', 'xavier-normal', 'he-normal'] as const;
export type InitId = (typeof INIT_IDS)[number];

export function initWeights(kind: InitId, W: FloatArray, nIn: number, nOut: number, rng: Rng): void {
  const n = nIn * nOut;
  switch (kind) {
    case 'zeros':
      W.fill(0, 0, n);
      return;
    case 'normal':
      for (let i = 0; i < n; i++) W[i] = rng.normal();
      return;
    case 'xavier-uniform': {
      const a = Math.sqrt(6 / (nIn + nOut));
      for (let i = 0; i < n; i++) W[i] = (2 * rng.uniform() - 1) * a;
      return;
    }
    case 'xavier-normal': {
      const sd = Math.sqrt(2 / (nIn + nOut));
      for (let i = 0; i < n; i++) W[i] = sd * rng.normal();
      return;
    }
    case 'he-normal': {
      const sd = Math.sqrt(2 / nIn);
      for (let i = 0; i < n; i++) W[i] = sd * rng.normal();
      return;
    }
  }
}

export function parseInit(text: string): InitId {
  if ((INIT_IDS as readonly string[]).includes(text)) return text as InitId;
  throw new Error(`unknown initialisation "${text}" (expected one of ${INIT_IDS.join(', ')})`);
}
