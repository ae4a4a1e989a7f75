/**
 * THE FIELD TABLE of the surfaces view: every field of ViewState, declared once, in the order links write
 * them and --help lists them. Each says its link key, CLI flag, label, one-line help, parser, formatter,
 * default (which may depend on the surface: `ctx.def` is the registry surface, or null for a typed
 * expression) and, for numbers, its range, which is also the form's limits. The link codec (link.ts), the
 * reader (read-view.ts), the CLI's flags and help (src/cli/view-options.ts) and the Race settings form are
 * generated from it. To add a field: add it to ViewState (state.ts) and one entry here.
 *
 * The source fields come first: `s` (a registry surface) or `f` (a typed expression), never both; every
 * other default depends on which, so read-view.ts resolves them before the rest.
 */
import { MAX_LENGTH } from '../math/expression/index.ts';
import type { Hyper } from '../optim/types.ts';
import { FIXED, formatSchedule } from '../run/schedules.ts';
import type { SurfaceDef } from '../../surfaces/types.ts';
import type { FieldTable, RangedField, ScalarField } from './field.ts';
import { MAX_ENTRANTS, defaultEntrants, formatEntrants, parseEntrants, surfacePointsBatch } from './entrants.ts';
import { expected, hyperField, layeredHyper, numberField, readSchedule, wordField } from './field-kinds.ts';
import { ANY_NUMBER, readNumber, readNumberList, type NumberRange } from './numbers.ts';
import { defaultsOf } from './read-fields.ts';
import { NAMESPACE } from './link-fields.ts';
import { cameraField, plotField } from './plot-fields.ts';
import { labField } from './lab-fields.ts';
import { EXPRESSION_DOMAIN, estimateFStar, estimationDomain, knownFStar } from './fstar.ts';
import type { Layout, LensAt, ViewDomain, ViewState } from './state.ts';
import type { ViewVocabulary } from './vocabulary.ts';

/** What the surfaces view's defaults and parsers depend on. */
export interface ViewContext {
  readonly vocab: ViewVocabulary;
  /** The registry surface shown, or null for a typed expression. */
  readonly def: SurfaceDef | null;
  /** The typed expression (for a registry surface, its own). */
  readonly expr: string;
}

type Field<K extends keyof ViewState> = ScalarField<ViewState, K, ViewContext>;
type Ranged<K extends keyof ViewState> = RangedField<ViewState, K, ViewContext>;

const MAX_COORD = 1e6;
/** One step budget range for links, every CLI subcommand and the form. */
const MAX_STEPS = 1_000_000;
const MAX_NOISE = 1e3;
const MAX_SEED = 0xffffffff;
export const DEFAULT_SEED = 1;
const MAX_EXPR_LENGTH = MAX_LENGTH;
/** The typed-function defaults: the plot domain (fstar.ts) and the step budget of an expression. */
const CUSTOM_DOMAIN: ViewDomain = EXPRESSION_DOMAIN;
const EXPR_STEPS = 500;

const COORD: NumberRange = { min: -MAX_COORD, max: MAX_COORD };

/** Registry defaults with the surface's per-optimizer overrides on top (a typed expression has none). */
export function surfaceHyper(def: SurfaceDef | null, vocab: ViewVocabulary): Record<string, Hyper> {
  return layeredHyper(vocab, def?.hyper);
}

const surface: Field<'surface'> = {
  kind: 'scalar',
  name: 'surface',
  key: 's',
  flag: { name: 'surface', arg: 'ID' },
  label: 'the surface',
  help: 'a registry surface (race --list shows them); the first one unless --expr is given',
  write: (_view, { def }) => def !== null,
  default: ({ def }) => def?.id ?? null,
  parse(text, { vocab }) {
    const found = vocab.surfaces.find((s) => s.id === text);
    if (found) return { ok: true, value: found.id };
    return { ok: false, error: { kind: 'unknown', noun: 'surface', word: text, choices: vocab.surfaces.map((s) => s.id) } };
  },
  format: (id) => id ?? '',
};

const expr: Field<'expr'> = {
  kind: 'scalar',
  name: 'expr',
  key: 'f',
  flag: { name: 'expr', arg: '"f(x,y)"' },
  label: 'the expression',
  help: `a typed f(x, y) instead of a surface (up to ${MAX_EXPR_LENGTH} characters)`,
  write: (_view, { def }) => def === null,
  default: ({ def, expr }) => def?.expr ?? expr,
  parse(text, { vocab }) {
    if (text.length > MAX_EXPR_LENGTH) return { ok: false, error: { kind: 'too-long', max: MAX_EXPR_LENGTH } };
    const checked = vocab.checkExpression(text);
    return checked.ok ? { ok: true, value: checked.value } : { ok: false, error: { kind: 'rejected', message: checked.error } };
  },
  format: (text) => text,
};

const domain: Ranged<'domain'> = {
  kind: 'scalar',
  name: 'domain',
  key: 'dom',
  flag: { name: 'domain', arg: 'X0,X1,Y0,Y1' },
  label: 'the plot domain',
  help: "the plotted x and y ranges (default: the surface's; -5,5,-5,5 for an expression)",
  range: COORD,
  write: 'unless-default',
  default: ({ def }) => (def ? { x: [def.domain.x[0], def.domain.x[1]], y: [def.domain.y[0], def.domain.y[1]] } : CUSTOM_DOMAIN),
  parse(text) {
    const d = readNumberList(text, 4, COORD);
    if (d && d[0] < d[1] && d[2] < d[3]) return { ok: true, value: { x: [d[0], d[1]], y: [d[2], d[3]] } };
    return expected('x0,x1,y0,y1 with x0 < x1 and y0 < y1');
  },
  format: (d) => [d.x[0], d.x[1], d.y[0], d.y[1]].join(','),
};

const start: Ranged<'start'> = {
  kind: 'scalar',
  name: 'start',
  key: 'start',
  flag: { name: 'start', arg: 'X,Y' },
  label: 'the start point',
  help: "the shared start (default: the surface's; required with --expr)",
  range: COORD,
  write: 'always',
  // A typed expression has no start of its own; a link without one starts where the first surface does.
  default: ({ def, vocab }) => {
    const s = (def ?? vocab.surfaces[0]).start;
    return [s[0], s[1]];
  },
  parse(text) {
    const s = readNumberList(text, 2, COORD);
    return s ? { ok: true, value: [s[0], s[1]] } : expected('two numbers x,y');
  },
  format: (s) => `${s[0]},${s[1]}`,
};

/** f* as the field's default gives it: known (or the reference 0) for a surface, estimated for an expression. */
function defaultFStar({ def, expr }: ViewContext, view: Pick<ViewState, 'domain' | 'start'>): number {
  return def ? knownFStar(def) : estimateFStar(expr, estimationDomain(view.domain, view.start));
}

const fStar: Ranged<'fStar'> = {
  kind: 'scalar',
  name: 'fStar',
  key: 'fstar',
  flag: { name: 'fstar', arg: 'V' },
  label: 'f*',
  help: "the minimum value f* the target's gap f − f* is measured from (default: the surface's known minimum; for an expression, estimated over the domain)",
  range: ANY_NUMBER,
  // An expression's estimate always travels with the link, so opening it never estimates again.
  write: (view, ctx) => ctx.def === null || !Object.is(view.fStar, knownFStar(ctx.def)),
  default: defaultFStar,
  parse(text) {
    const v = readNumber(text);
    return v.ok ? { ok: true, value: v.value } : expected('a number');
  },
  format: (v) => String(v),
};

const target: Ranged<'target'> = {
  kind: 'scalar',
  name: 'target',
  key: 'target',
  flag: { name: 'target', arg: 'T' },
  label: 'the target',
  help: "gap f − f* a run must reach and stay at or below to the end, or none (default: the surface's; none for an expression)",
  range: ANY_NUMBER,
  write: 'always',
  default: ({ def }) => def?.target ?? null,
  parse(text) {
    if (text.trim() === 'none') return { ok: true, value: null };
    const v = readNumber(text);
    return v.ok ? { ok: true, value: v.value } : expected('a number, or none for no target');
  },
  format: (t) => (t === null ? 'none' : String(t)),
};

const steps: Ranged<'steps'> = numberField({
  name: 'steps',
  key: 'steps',
  flag: { name: 'steps', arg: 'N' },
  label: 'the step budget',
  what: 'updates per optimizer',
  defaultText: `the surface's; ${EXPR_STEPS} for an expression`,
  range: { min: 0, max: MAX_STEPS, integer: true },
  write: 'always',
  default: ({ def }) => def?.steps ?? EXPR_STEPS,
});

const noise: Ranged<'noise'> = numberField({
  name: 'noise',
  key: 'noise',
  flag: { name: 'noise', arg: 'SIGMA' },
  label: 'the noise σ',
  what: 'standard deviation σ of the Gaussian noise added to every gradient',
  defaultText: '0',
  range: { min: 0, max: MAX_NOISE },
  write: 'always',
  default: () => 0,
});

const seed: Ranged<'seed'> = numberField({
  name: 'seed',
  key: 'seed',
  flag: { name: 'seed', arg: 'S' },
  label: 'the seed',
  what: 'seed of the noise stream',
  defaultText: String(DEFAULT_SEED),
  range: { min: 0, max: MAX_SEED, integer: true },
  write: 'always',
  default: () => DEFAULT_SEED,
});

/** Runs per entrant over consecutive noise seeds: the form's, links' and the CLI's limit. */
const MAX_SEEDS = 100;

const seeds: Ranged<'seeds'> = numberField({
  name: 'seeds',
  key: 'seeds',
  flag: { name: 'seeds', arg: 'N' },
  label: 'the number of seeds',
  what: 'with gradient noise or mini-batches, run each entrant on N seeds (seed, seed+1, …) and show its median run',
  defaultText: '1',
  range: { min: 1, max: MAX_SEEDS, integer: true },
  write: 'unless-default',
  default: () => 1,
});

const entrants: Field<'entrants'> = {
  kind: 'scalar',
  name: 'entrants',
  key: 'opt',
  flag: { name: 'optimizers', arg: 'a,b,…' },
  label: 'the optimizers',
  help:
    'the entrants, comma-separated: ID or ID:PARAM=VALUE:… with its own hyperparameters, sched=[SPEC] and (linreg) batch=N, ' +
    'e.g. sgd,adam,adam:lr=0.1:beta1=0.8; one optimizer may enter more than once; grouped in registry order (default: the classic ones)',
  write: 'unless-default',
  default: ({ vocab }) => defaultEntrants(vocab),
  parse: (text, { vocab, def }) => parseEntrants(text, vocab, surfacePointsBatch(def?.data?.points ?? null)),
  format: formatEntrants,
};

const hyper = hyperField<ViewState, ViewContext>('hyper', ({ def, vocab }) => surfaceHyper(def, vocab));

const schedule: Field<'schedule'> = {
  kind: 'scalar',
  name: 'schedule',
  key: 'sched',
  flag: { name: 'schedule', arg: 'SPEC' },
  label: 'the learning-rate schedule',
  help: 'learning-rate schedule, e.g. step:gamma=0.9,size=50 (default fixed; README lists them)',
  write: 'unless-default',
  default: () => FIXED,
  parse: readSchedule,
  format: formatSchedule,
};

const layout: Field<'layout'> = wordField<ViewState, 'layout', ViewContext>({
  name: 'layout',
  key: 'layout',
  flag: { name: 'layout', arg: 'overlay|grid', figureOnly: true },
  label: 'the layout',
  help: 'overlay: every run on one plot (default); grid: small multiples, one panel per run',
  words: ['overlay', 'grid'] satisfies Layout[],
  write: 'unless-default',
  default: () => 'overlay',
});

const plot = plotField<ViewContext>();
const camera = cameraField<ViewContext>();

const k: Ranged<'k'> = {
  kind: 'scalar',
  name: 'k',
  key: 'k',
  flag: { name: 'k', arg: 'N', figureOnly: true },
  label: 'the iteration',
  help: 'draw the race at iteration N (default: the end)',
  range: { min: 0, max: MAX_STEPS, integer: true },
  write: 'unless-default',
  default: () => null,
  parse(text, _ctx, view) {
    const v = readNumber(text, { min: 0, max: view.steps, integer: true });
    return v.ok ? { ok: true, value: v.value } : expected('a whole number from 0 to the step budget');
  },
  format: (at) => (at === null ? '' : String(at)),
};

const inspect: Ranged<'inspect'> = {
  kind: 'scalar',
  name: 'inspect',
  key: 'insp',
  flag: { name: 'inspect', arg: 'N', figureOnly: true },
  label: 'the inspected entrant',
  help: "draw the update inspector's arrows for entrant N (0 for the first in --optimizers; default none)",
  range: { min: 0, max: MAX_ENTRANTS - 1, integer: true },
  write: 'unless-default',
  default: () => null,
  parse(text, _ctx, view) {
    const v = readNumber(text, { min: 0, max: view.entrants.length - 1, integer: true });
    return v.ok ? { ok: true, value: v.value } : expected(`an entrant's index, a whole number from 0 to ${view.entrants.length - 1}`);
  },
  format: (at) => (at === null ? '' : String(at)),
};

const lab = labField<ViewContext>();

const lens: Field<'lens'> = wordField<ViewState, 'lens', ViewContext>({
  name: 'lens',
  key: 'lens',
  flag: { name: 'lens', arg: 'off|start|current', figureOnly: true },
  label: 'the curvature lens',
  help: "draw the Hessian's eigen-directions at the start or at the current point (the inspected entrant's at the iteration drawn, else the first's) and caption κ and SGD's stability limit (default off)",
  words: ['off', 'start', 'current'] satisfies LensAt[],
  write: 'unless-default',
  default: () => 'off',
});

export const VIEW_TABLE: FieldTable<ViewState, ViewContext> = {
  namespace: NAMESPACE.view,
  fields: [surface, expr, domain, start, fStar, target, steps, noise, seed, seeds, entrants, hyper, schedule, layout, plot, camera, k, inspect, lab, lens],
};
export const FIELDS = VIEW_TABLE.fields;

/** The scalar fields by name, for callers that need one field's declaration (the form's limits). */
export const FIELD = { surface, expr, domain, start, fStar, target, steps, noise, seed, seeds, entrants, schedule, layout, plot, camera, k, inspect, lab, lens };

/** Every field's default for a registry surface (def) or a typed expression (def null, with its text). */
export function viewDefaults(def: SurfaceDef | null, exprText: string, vocab: ViewVocabulary): ViewState {
  return defaultsOf(VIEW_TABLE, { vocab, def, expr: exprText });
}

/** The view a registry surface opens with. */
export function defaultView(def: SurfaceDef, vocab: ViewVocabulary): ViewState {
  return viewDefaults(def, def.expr, vocab);
}
