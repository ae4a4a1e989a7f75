/**
 * The view for a newly applied typed f(x, y) (issue 9): it does not inherit the previous surface's
 * learning rates or domain. It starts from every optimizer's registry defaults, the typed-function domain
 * ([−5, 5]², grown to contain the start with a 25 % margin: estimationDomain), the expression's step
 * budget (500) and f* estimated over that domain. The start, the racing optimizers, the target gap, the
 * noise and seed, the schedule and the layout stay: they mean the same on any surface. Pure; the view
 * model applies it as a preview (a typing pause) or a commit (Enter, leaving the field).
 */
import { FIELD, surfaceHyper } from '../../view/fields.ts';
import { EXPRESSION_DOMAIN, estimateFStar, estimationDomain } from '../../view/fstar.ts';
import type { ViewState } from '../../view/state.ts';
import { VOCABULARY } from '../../view/vocabulary.ts';

export function typedFunctionView(view: ViewState, text: string): ViewState {
  const domain = estimationDomain(EXPRESSION_DOMAIN, view.start);
  const ctx = { vocab: VOCABULARY, def: null, expr: text };
  return {
    ...view,
    surface: null,
    expr: text,
    domain,
    fStar: estimateFStar(text, domain),
    hyper: surfaceHyper(null, VOCABULARY),
    steps: FIELD.steps.default(ctx, view),
    k: null,
  };
}

/** f* estimated again for this view (the Re-estimate button, committed x/y ranges): over its domain, grown to hold the start. */
export function estimatedFStar(view: Pick<ViewState, 'expr' | 'domain' | 'start'>): number {
  return estimateFStar(view.expr, estimationDomain(view.domain, view.start));
}
