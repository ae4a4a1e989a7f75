/**
 * The same options give the same race everywhere (issue 8): for each flag set, the JSON `cli race --json`
 * prints equals the app's Export data (raceDataJson) of the view `cli render` reads from those flags, which
 * equals the Export data of the view decoded from the link the CLI builds for it. The expectations pin the
 * three resolved disagreements: an expression without --steps/--target runs 500 steps with no target,
 * --seed is accepted without --noise, and one --steps range (0 to 1e6) holds; and --domain works for a
 * registry surface too.
 */
import { describe, expect, it } from 'vitest';
import { parseRaceArgs, raceOutput } from '../../src/cli/race.ts';
import { parseRenderArgs } from '../../src/cli/render.ts';
import { raceDataJson } from '../../src/export/data.ts';
import { decodeView, encodeView } from '../../src/view/link.ts';
import { raceForView } from '../../src/view/race.ts';
import type { ViewState } from '../../src/view/state.ts';
import { VOCABULARY } from '../../src/view/vocabulary.ts';
import { runCli } from './run-cli.ts';

interface Expect {
  /** Fields of the race JSON's header. */
  readonly surface?: Partial<{ id: string; expr: string; start: number[]; target: number | null }>;
  readonly noise?: { sigma: number; seed: number } | null;
  readonly schedule?: string;
  readonly optimizers?: string[];
  /** Each run's "entrant" label. */
  readonly entrants?: string[];
  /** Updates recorded by the first run (its budget unless it diverged). */
  readonly steps?: number;
  /** Fields of the view itself. */
  readonly view?: Partial<ViewState>;
}

const EXPR = ['--expr', 'x^2 + 3*y^2', '--start', '2,1'];
const CASES: [string, string[], Expect][] = [
  ['defaults: the first surface', [], { surface: { id: 'bowl', target: 0.001 }, steps: 200, noise: null, schedule: 'fixed' }],
  ['a registry surface', ['--surface', 'rosenbrock', '--optimizers', 'sgd,adam'], { surface: { id: 'rosenbrock', start: [-1.2, 1] }, steps: 3000 }],
  ['an expression: 500 steps, no target', EXPR, { surface: { id: 'custom', expr: 'x^2 + 3*y^2', start: [2, 1], target: null }, steps: 500 }],
  ['an expression with --steps: still no target', [...EXPR, '--steps', '50'], { surface: { target: null }, steps: 50 }],
  ['an expression with --target: still 500 steps', [...EXPR, '--target', '0.01'], { surface: { target: 0.01 }, steps: 500 }],
  ['--seed without --noise', ['--surface', 'saddle', '--seed', '7', '--steps', '30'], { noise: null, view: { seed: 7, noise: 0 } }],
  ['--noise without --seed: seed 1', ['--surface', 'saddle', '--noise', '0.3', '--steps', '30'], { noise: { sigma: 0.3, seed: 1 } }],
  ['--noise and --seed', ['--surface', 'saddle', '--noise', '0.3', '--seed', '11', '--steps', '30'], { noise: { sigma: 0.3, seed: 11 } }],
  ['--noise 0 is no noise', ['--surface', 'linreg', '--noise', '0', '--seed', '5'], { noise: null, view: { seed: 5 } }],
  ['--steps 0', ['--surface', 'bowl', '--steps', '0'], { steps: 0 }],
  ['--steps beyond the old 1e4 cap of links', ['--surface', 'bowl', '--steps', '20000', '--optimizers', 'adam'], { steps: 20000 }],
  ['--domain on a registry surface', ['--surface', 'beale', '--domain', '-2,2,-2,2', '--steps', '100'], { view: { domain: { x: [-2, 2], y: [-2, 2] } } }],
  ['--domain on an expression', ['--expr', 'sin(x)*cos(y)', '--start', '1,1', '--domain', '-3,3,-3,3'], { view: { domain: { x: [-3, 3], y: [-3, 3] } }, steps: 500 }],
  ['optimizers run in registry order', ['--surface', 'himmelblau', '--optimizers', 'adam,sgd,nag'], { optimizers: ['sgd', 'nag', 'adam'] }],
  ['--set on two optimizers', ['--surface', 'bowl', '--set', 'adam.lr=0.05', '--set', 'momentum.beta=0.5'], { view: { hyper: { adam: { lr: 0.05 }, momentum: { lr: 0.1, beta: 0.5 } } } }],
  ['a step schedule', ['--surface', 'bowl', '--schedule', 'step:gamma=0.5,size=10'], { schedule: 'step:gamma=0.5,size=10' }],
  ['a multistep schedule', ['--surface', 'ravine', '--schedule', 'multistep:gamma=0.1,at=10/20', '--optimizers', 'sgd,rmsprop'], { schedule: 'multistep:gamma=0.1,at=10/20' }],
  ['--target none on a surface', ['--surface', 'plateau', '--target', 'none'], { surface: { id: 'plateau', target: null } }],
  ['a negative start', ['--surface', 'camel', '--start', '-1.5,0.25'], { surface: { start: [-1.5, 0.25] } }],
  ['an expression with noise and two optimizers', ['--expr', 'x^4 - x^2 + y^2', '--start', '-0.1,1', '--noise', '0.1', '--seed', '3', '--optimizers', 'nag,adagrad'], { noise: { sigma: 0.1, seed: 3 }, optimizers: ['nag', 'adagrad'] }],
  ['a tight target', ['--surface', 'rastrigin', '--target', '1e-6', '--steps', '100', '--optimizers', 'adadelta'], { surface: { target: 1e-6 } }],
  ['a diverging run', ['--expr', 'x^2+y^2', '--start', '1,1', '--optimizers', 'sgd', '--set', 'sgd.lr=1.5'], { steps: 19 }],
  // Entrants (issue 9): the same optimizer more than once, with its own settings and schedule.
  ['two Adam entrants', ['--surface', 'bowl', '--optimizers', 'adam,adam:lr=0.1'], { entrants: ['adam', 'adam:lr=0.1'], optimizers: ['adam', 'adam'] }],
  ['identical entrants: adam and adam#2', ['--surface', 'saddle', '--optimizers', 'adam,sgd,adam', '--steps', '40'], { entrants: ['sgd', 'adam', 'adam#2'] }],
  [
    '--set reaches every entrant without its own value',
    ['--surface', 'rosenbrock', '--optimizers', 'momentum,momentum:beta=0.5,adam:lr=0.1:beta1=0.8', '--set', 'momentum.lr=0.001', '--steps', '200'],
    { entrants: ['momentum', 'momentum:beta=0.5', 'adam:lr=0.1:beta1=0.8'], view: { hyper: { momentum: { lr: 0.001, beta: 0.9 } } } },
  ],
  [
    'an entrant with its own schedule, next to the race\'s',
    ['--surface', 'bowl', '--optimizers', 'sgd,sgd:sched=[exp:gamma=0.99]', '--schedule', 'step:gamma=0.5,size=10'],
    { entrants: ['sgd', 'sgd:sched=[exp:gamma=0.99]'], schedule: 'step:gamma=0.5,size=10' },
  ],
  ['entrants under noise share the noise stream', ['--expr', 'x^2 + y^2', '--start', '1,1', '--noise', '0.5', '--seed', '2', '--optimizers', 'sgd:lr=0.1,sgd:lr=0.2'], { entrants: ['sgd:lr=0.1', 'sgd:lr=0.2'] }],
  ['several seeds: each entrant\'s median run of five', ['--surface', 'saddle', '--noise', '0.3', '--seed', '8', '--seeds', '5', '--optimizers', 'sgd,adam,adam:lr=0.1', '--steps', '100'], { noise: { sigma: 0.3, seed: 8 }, entrants: ['sgd', 'adam', 'adam:lr=0.1'], view: { seeds: 5 } }],
  ['every race field at once', ['--surface', 'styblinski-tang', '--start', '1,-1', '--target', '-70', '--steps', '120', '--noise', '2', '--seed', '99', '--optimizers', 'momentum,rmsprop', '--set', 'rmsprop.rho=0.5', '--schedule', 'exp:gamma=0.99', '--domain', '-4,4,-4,4'], { surface: { target: -70 }, noise: { sigma: 2, seed: 99 }, schedule: 'exp:gamma=0.99', steps: 120 }],
];

describe('race, render and the link give the same race for the same options', () => {
  it('has at least 20 flag sets', () => expect(CASES.length).toBeGreaterThanOrEqual(20));

  it.each(CASES)('%s', (_name, argv, want) => {
    const race = parseRaceArgs([...argv, '--json']);
    if (!race.ok) throw new Error(race.error);
    const fromRace = raceOutput(race.value);

    const render = parseRenderArgs([...argv, '--out', '-']);
    if (!render.ok) throw new Error(render.error);
    const view = render.value.view;
    const fromRender = raceDataJson(view, raceForView(view));

    const decoded = decodeView(encodeView(view, VOCABULARY), VOCABULARY);
    expect(decoded.notices).toEqual([]);
    expect(decoded.view).toEqual(view);
    const fromLink = raceDataJson(decoded.view, raceForView(decoded.view));

    expect(fromRender).toBe(fromRace);
    expect(fromLink).toBe(fromRace);

    const json = JSON.parse(fromRace);
    if (want.surface) expect(json.surface).toMatchObject(want.surface);
    if (want.noise !== undefined) expect(json.noise).toEqual(want.noise);
    if (want.schedule) expect(json.schedule).toBe(want.schedule);
    if (want.optimizers) expect(json.runs.map((r: { optimizer: string }) => r.optimizer)).toEqual(want.optimizers);
    if (want.entrants) expect(json.runs.map((r: { entrant: string }) => r.entrant)).toEqual(want.entrants);
    if (want.steps !== undefined) expect(json.runs[0].steps).toBe(want.steps);
    if (want.view) expect(view).toMatchObject(want.view);
  });

  it('holds for the real `cli race` process too', () => {
    const argv = [...EXPR, '--optimizers', 'sgd,adam,adam:lr=0.1:beta1=0.8', '--seed', '4', '--json'];
    const r = runCli(['race', ...argv]);
    expect(r.status).toBe(0);
    const render = parseRenderArgs([...argv.slice(0, -1), '--out', '-']);
    if (!render.ok) throw new Error(render.error);
    expect(r.stdout).toBe(raceDataJson(render.value.view, raceForView(render.value.view)));
    expect(JSON.parse(r.stdout).surface.target).toBeNull();
  });
});
