/**
 * The plain-words text on the Surfaces tab's optimizer cards: every optimizer's note, and each surface's
 * lessons (what its default race shows of an optimizer). The step counts a lesson quotes are checked
 * against that race itself, so a change of defaults or rules that makes a lesson untrue fails here.
 */
import { describe, expect, it } from 'vitest';
import { parseRaceArgs, raceOutput } from '../../src/cli/race.ts';
import { isOptimizerId, getOptimizer, MNIST_OPTIMIZERS } from '../../src/optim/index.ts';
import { SURFACES, getSurface } from '../../surfaces/index.ts';

/** Sentences end with . ! or ? before a capital letter or the end (decimals like 0.9 do not end one). */
const sentences = (text: string) => text.split(/[.!?](?=\s+[A-Z(]|$)/).filter((s) => s.trim() !== '');

interface RaceRun {
  entrant: string;
  hit: number | null;
  settled: number | null;
}

function race(surface: string, optimizers: readonly string[]): RaceRun[] {
  const args = parseRaceArgs(['--surface', surface, '--optimizers', optimizers.join(','), '--json']);
  if (!args.ok) throw new Error(args.error);
  return JSON.parse(raceOutput(args.value)).runs;
}

describe('optimizer notes', () => {
  it.each(MNIST_OPTIMIZERS.map((o) => [o.id, o.note] as const))('%s has a note of one to three sentences', (_, note) => {
    expect(note.trim().length).toBeGreaterThan(40);
    expect(sentences(note).length).toBeGreaterThanOrEqual(1);
    expect(sentences(note).length).toBeLessThanOrEqual(3);
  });
});

describe('surface lessons', () => {
  const lessons = SURFACES.flatMap((s) => Object.entries(s.lessons ?? {}).map(([id, text]) => [s.id, id, text ?? ''] as const));

  it('exist on the bowl for every optimizer a surface can race', () => {
    const bowl = getSurface('bowl')!;
    const raced = MNIST_OPTIMIZERS.filter((o) => o.surfaceRefusal === undefined).map((o) => o.id);
    expect(Object.keys(bowl.lessons ?? {}).sort()).toEqual([...raced].sort());
  });

  it.each(lessons)('%s: the lesson for %s names a surface optimizer, in one to three sentences', (_, id, text) => {
    expect(isOptimizerId(id)).toBe(true);
    if (isOptimizerId(id)) expect(getOptimizer(id).surfaceRefusal).toBeUndefined();
    expect(sentences(text).length).toBeGreaterThanOrEqual(1);
    expect(sentences(text).length).toBeLessThanOrEqual(3);
  });

  // [surface, optimizer, step the run first reaches the target (hit), step from which it stays there (settled), the steps its lesson quotes]
  const quoted: [string, string, number | null, number | null, number[]][] = [
    ['bowl', 'sgd', 23, 23, [23]],
    ['bowl', 'momentum', 78, 78, [78]],
    ['bowl', 'nag', 38, 59, [38, 78]],
    ['bowl', 'adadelta', 124, 124, [124]],
    ['bowl', 'rmsprop', 32, null, [32]],
    ['bowl', 'adam', 63, 84, []],
    ['bowl', 'adamw', 62, 82, [62, 63]],
    ['bowl', 'nadam', 43, 64, [43, 63]],
    ['bowl', 'amsgrad', 63, 84, [63]],
    ['bowl', 'radam', 186, 186, [186]],
    ['bowl', 'adabelief', 47, 82, [47, 63]],
    ['bowl', 'lion', 70, 200, [70]],
    ['bowl', 'sfsgd', 22, 130, [22, 130]],
    ['saddle', 'sgd', 131, 131, [131]],
    ['saddle', 'adagrad', 23, 23, [23]],
    ['saddle', 'radam', 247, 247, [247]],
    ['saddle', 'lion', 186, null, []],
    ['saddle', 'sfsgd', null, null, [300]],
    ['plateau', 'momentum', 268, 301, [268]],
    ['plateau', 'adagrad', 130, 130, [130]],
    ['plateau', 'radam', 247, 247, [247]],
    ['rosenbrock', 'adam', 715, 2808, [715, 2808]],
    ['rosenbrock', 'amsgrad', 823, 823, [823]],
    ['rosenbrock', 'lion', null, null, [3000]],
  ];
  const surfaces = [...new Set(quoted.map(([surface]) => surface))];

  it.each(surfaces)("%s: the step counts its lessons quote are its default race's", (surface) => {
    const rows = quoted.filter(([s]) => s === surface);
    const runs = race(surface, rows.map(([, id]) => id));
    const lessons = getSurface(surface)!.lessons as Record<string, string>;
    for (const [, id, hit, settled, steps] of rows) {
      const run = runs.find((r) => r.entrant === id)!;
      expect({ id, hit: run.hit, settled: run.settled }).toEqual({ id, hit, settled });
      for (const step of steps) expect(lessons[id]).toMatch(new RegExp(`\\b${step}\\b`));
    }
  });
});
