/**
 * Muon needs the MNIST network's weight matrices: wherever a user can name an optimizer for a surface
 * (a link's opt= and hyperparameter keys, `race`/`render --optimizers` and `--set`), it is refused with
 * the rule's own reason (src/view/vocabulary.ts, refusedOptimizers / unknownOptimizer), not as a typo.
 */
import { describe, expect, it } from 'vitest';
import { decodeView } from '../../src/view/link.ts';
import { MNIST_VOCABULARY, VOCABULARY, unknownOptimizer } from '../../src/view/vocabulary.ts';
import { parseRaceArgs } from '../../src/cli/race.ts';
import { runCli } from '../cli/run-cli.ts';

const REFUSAL = 'muon updates weight matrices; it runs on the MNIST tab only';

describe('muon on a surface', () => {
  it('the surfaces vocabulary refuses it with its reason; the MNIST one knows it', () => {
    expect(unknownOptimizer('muon', VOCABULARY)).toEqual({ kind: 'rejected', message: REFUSAL });
    expect(unknownOptimizer('lion', VOCABULARY)).toMatchObject({ kind: 'unknown', word: 'lion' });
    expect(unknownOptimizer('constructor', VOCABULARY)).toMatchObject({ kind: 'unknown' });
    expect(VOCABULARY.optimizers.map((o) => o.id)).not.toContain('muon');
    expect(MNIST_VOCABULARY.optimizers.map((o) => o.id)).toContain('muon');
  });

  it('a link keeps the other optimizers and says why muon was left out', () => {
    const { view, notices } = decodeView('#s=bowl&opt=sgd,muon', VOCABULARY);
    expect(view.optimizers).toEqual(['sgd']);
    expect(notices).toEqual([`Ignored the optimizers "sgd,muon": ${REFUSAL}.`]);
    expect(decodeView('#s=bowl&muon.lr=0.1', VOCABULARY).notices.join(' ')).toContain(REFUSAL);
  });

  it('race --optimizers muon and --set muon.lr=… fail with the reason', () => {
    const a = parseRaceArgs(['--optimizers', 'sgd,muon']);
    expect(a.ok).toBe(false);
    if (!a.ok) expect(a.error).toBe(`--optimizers: ${REFUSAL}`);
    const b = parseRaceArgs(['--set', 'muon.lr=0.1']);
    expect(b.ok).toBe(false);
    if (!b.ok) expect(b.error).toContain(REFUSAL);
    const r = runCli(['race', '--surface', 'bowl', '--optimizers', 'muon']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`error: race: --optimizers: ${REFUSAL}\n`);
  });
});
