/**
 * What `sweep` and `map` share: the view read from the race options exactly as `race` reads them
 * (view-options.ts), and its race as the lab runs it (src/view/lab-race.ts). Both run each entrant on the view's first noise seed (`--seeds`
 * is a race's median over seeds; a sweep or map cell is one run), and neither takes mini-batch entrants.
 */
import { entrantsForView } from '../view/race.ts';
import { fail, type Result } from '../view/result.ts';
import type { ViewState } from '../view/state.ts';
import type { ParsedFlags } from './args.ts';
import { readViewFlags } from './view-options.ts';

export function readLabView(flags: ParsedFlags, command: string): Result<ViewState, string> {
  const view = readViewFlags(flags, 'race');
  if (!view.ok) return view;
  const batched = entrantsForView(view.value).find((e) => e.batch !== undefined);
  if (batched) return fail(`--optimizers: ${batched.label}: ${command} runs the full gradient, not mini-batches`);
  return view;
}

export { labRace, type LabRace } from '../view/lab-race.ts';
