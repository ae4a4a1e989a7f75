/** The Optimizers panel's edits of the entrants (src/ui/surfaces/view-edits.ts), as pure functions of the view. */
import { describe, expect, it } from 'vitest';
import { getSurface } from '../../surfaces/index.ts';
import { parseSchedule } from '../../src/run/schedules.ts';
import { formatEntrants } from '../../src/view/entrants.ts';
import { defaultView } from '../../src/view/fields.ts';
import { decodeView } from '../../src/view/link.ts';
import type { ViewState } from '../../src/view/state.ts';
import { VOCABULARY } from '../../src/view/vocabulary.ts';
import {
  pickedView,
  withEntrantAdded,
  withEntrantHyper,
  withEntrantSchedule,
  withOptimizer,
  withoutEntrant,
  withoutEntrantHyper,
} from '../../src/ui/surfaces/view-edits.ts';

const view = (hash: string): ViewState => decodeView(hash, VOCABULARY).view;
const text = (v: Pick<ViewState, 'entrants'>) => formatEntrants(v.entrants);

describe('entrant edits', () => {
  const v = view('#s=bowl&opt=sgd,adam,adam:lr=0.1');

  it('puts an optimizer in (one plain entrant, in registry order) or takes all its entrants out', () => {
    expect(text(withOptimizer(v, 'nag', true))).toBe('sgd,nag,adam,adam:lr=0.1');
    expect(text(withOptimizer(v, 'adam', true))).toBe('sgd,adam,adam:lr=0.1');
    expect(text(withOptimizer(v, 'adam', false))).toBe('sgd');
  });

  it("adds a copy of the optimizer's last entrant after its others, and removes any one entrant", () => {
    expect(text(withEntrantAdded(v, 'adam'))).toBe('sgd,adam,adam:lr=0.1,adam:lr=0.1');
    expect(text(withEntrantAdded(v, 'sgd'))).toBe('sgd,sgd,adam,adam:lr=0.1');
    expect(text(withEntrantAdded(v, 'nag'))).toBe('sgd,nag,adam,adam:lr=0.1');
    expect(text(withoutEntrant(v, 1))).toBe('sgd,adam:lr=0.1');
  });

  it("sets an entrant's own hyperparameters in spec order, drops one, and sets its own schedule", () => {
    const set = { ...v, ...withEntrantHyper(v, 2, 'beta2', 0.99) };
    expect(text(set)).toBe('sgd,adam,adam:lr=0.1:beta2=0.99');
    expect(text({ ...set, ...withEntrantHyper(set, 2, 'beta1', 0.8) })).toBe('sgd,adam,adam:lr=0.1:beta1=0.8:beta2=0.99');
    expect(text(withoutEntrantHyper(set, 2, 'lr'))).toBe('sgd,adam,adam:beta2=0.99');
    expect(text(withEntrantSchedule(v, 0, parseSchedule('exp:gamma=0.99')))).toBe('sgd:sched=[exp:gamma=0.99],adam,adam:lr=0.1');
    expect(text(withEntrantSchedule({ ...v, ...withEntrantSchedule(v, 0, parseSchedule('exp')) }, 0, null))).toBe('sgd,adam,adam:lr=0.1');
  });

  it('keeps the entrants when another surface is picked', () => {
    expect(pickedView(v, 'rosenbrock')).toEqual({ ...defaultView(getSurface('rosenbrock')!, VOCABULARY), entrants: v.entrants });
  });
});
