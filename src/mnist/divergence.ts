/**
 * When an MNIST run has diverged (issue 9, "Divergence shown everywhere"): its training loss on a
 * mini-batch became non-finite, or its validation loss at an epoch end is non-finite or exceeds
 * DIVERGENCE_FACTOR × its initial validation loss. "Initial" is the validation loss of the initial
 * weights, measured once before the first update (the trainer does it at creation; every run of one
 * TrainConfig starts from the same weights, so it is the same number for all of them: about ln 10 ≈ 2.3
 * for the textbook's net). A diverged run stops there, as a surface run does, and is reported as
 * "diverged at epoch k": k is the epoch in progress (1-based) when the training loss turned non-finite,
 * or the epoch whose end-of-epoch validation loss crossed the bar.
 *
 * Why 10×: chance-level predictions cost ln 10 per example; ten times that means the network is
 * confidently wrong on much of the validation set (SGD at η 10 on the textbook's net, 2,000 training
 * images, batch 32: 67.8 after its first epoch, at 9.4 % accuracy). A run that is still learning keeps
 * its validation loss near or below the initial value.
 */

export const DIVERGENCE_FACTOR = 10;

export type DivergenceReason = 'training-loss' | 'validation-loss';

export interface Divergence {
  /** 1-based: the epoch in progress (training loss) or the epoch just ended (validation loss). */
  readonly epoch: number;
  /** Updates done when it was detected. */
  readonly iteration: number;
  readonly reason: DivergenceReason;
  /** The offending value: the non-finite training loss, or the validation loss. */
  readonly value: number;
  /** The initial validation loss the bar is measured against. */
  readonly initialValLoss: number;
}

/** A mini-batch's training loss that ends the run. */
export function trainingLossDiverged(loss: number): boolean {
  return !Number.isFinite(loss);
}

/** An epoch's validation loss that ends the run: non-finite, or above DIVERGENCE_FACTOR × the initial one. */
export function validationLossDiverged(valLoss: number, initialValLoss: number): boolean {
  return !Number.isFinite(valLoss) || valLoss > DIVERGENCE_FACTOR * initialValLoss;
}

const short = (v: number): string => (Number.isFinite(v) ? String(Number(v.toPrecision(4))) : String(v));

/** "diverged at epoch 3" */
export function divergenceLabel(d: Divergence): string {
  return `diverged at epoch ${d.epoch}`;
}

/** Why, in words: "validation loss 80.66 > 10 × initial 2.303" or "training loss NaN at update 123". */
export function divergenceDetail(d: Divergence): string {
  return d.reason === 'validation-loss'
    ? `validation loss ${short(d.value)} > ${DIVERGENCE_FACTOR} × initial ${short(d.initialValLoss)}`
    : `training loss ${short(d.value)} at update ${d.iteration}`;
}
