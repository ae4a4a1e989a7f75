/**
 * `--set OPT.PARAM=VALUE` (repeatable), shared by `race` and `mnist`: one hyperparameter of one chosen
 * optimizer, each value checked against the optimizer registry's spec, so the CLI rejects exactly what
 * the app's inputs and links reject.
 */
import { getOptimizer, hyperError, isOptimizerId } from '../optim/index.ts';
import { OPTIMIZER_IDS, type Hyper, type OptimizerId } from '../optim/types.ts';
import { UsageError, parseNumber } from './args.ts';

/** `notChosen` completes the message for an optimizer that was not chosen, e.g. 'is not in this race'. */
export function parseSets(texts: readonly string[], chosen: readonly OptimizerId[], notChosen: string): Partial<Record<OptimizerId, Hyper>> {
  const sets: Partial<Record<OptimizerId, Hyper>> = {};
  for (const text of texts) {
    const match = /^([a-z]+)\.([a-z0-9]+)=(.+)$/i.exec(text);
    if (!match) throw new UsageError(`--set expects OPT.PARAM=VALUE, got ${JSON.stringify(text)}`);
    const [, id, key, raw] = match;
    if (!isOptimizerId(id)) throw new UsageError(`--set: unknown optimizer ${JSON.stringify(id)} (choose from ${OPTIMIZER_IDS.join(', ')})`);
    if (!chosen.includes(id)) throw new UsageError(`--set ${text}: ${id} ${notChosen}`);
    const value = parseNumber(`--set ${id}.${key}`, raw);
    const error = hyperError(getOptimizer(id), key, value);
    if (error) throw new UsageError(`--set: ${error}`);
    (sets[id] ??= {})[key] = value;
  }
  return sets;
}
