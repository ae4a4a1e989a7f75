/**
 * The course's bias/variance reading (Ng, "Improving Deep Neural Networks", week 1; "Structuring ML
 * Projects", avoidable bias): with human-level error as the proxy for Bayes error,
 *   avoidable bias = training error − human-level error,   variance = validation error − training error.
 * Whichever is larger is the problem to work on first; both under `tolerance` reads as a good fit.
 * For MNIST, human-level error is about 0.2% (LeCun et al. report ≈0.2% for human readers).
 */
export const HUMAN_LEVEL_ERROR = 0.002;

export type Reading = 'good fit' | 'high bias' | 'high variance' | 'high bias and high variance';

export interface BiasVariance {
  readonly trainError: number;
  readonly valError: number;
  readonly avoidableBias: number;
  readonly variance: number;
  readonly reading: Reading;
  readonly advice: string;
}

const ADVICE: Record<Reading, string> = {
  'good fit': 'Both gaps are small: the network fits the data and generalises.',
  'high bias': 'Training error itself is high: train longer, use a bigger network or a better optimizer/learning rate.',
  'high variance': 'Validation error is much above training error: use more data, L2 or dropout, or stop earlier.',
  'high bias and high variance': 'Both gaps are large: first reduce training error (bigger network, longer), then regularise.',
};

export function biasVariance(trainError: number, valError: number, tolerance = 0.01, humanLevel = HUMAN_LEVEL_ERROR): BiasVariance {
  const avoidableBias = trainError - humanLevel;
  const variance = valError - trainError;
  // The 1e-12 slack keeps a gap of exactly `tolerance` (e.g. 16% − 15%) from reading as high.
  const bias = avoidableBias > tolerance + 1e-12;
  const vari = variance > tolerance + 1e-12;
  const reading: Reading = bias && vari ? 'high bias and high variance' : bias ? 'high bias' : vari ? 'high variance' : 'good fit';
  return { trainError, valError, avoidableBias, variance, reading, advice: ADVICE[reading] };
}

/** A gap as the table writes it: a percentage with a true minus sign, and when negative, what that means. */
export interface GapText {
  readonly value: string;
  readonly note: string;
}

function gapText(gap: number, negativeMeans: string): GapText {
  const s = (100 * gap).toFixed(2);
  // A gap that rounds to zero reads "0.00%", not "−0.00%" with a note.
  if (!s.startsWith('-') || Number(s) === 0) return { value: `${s.replace('-', '')}%`, note: '' };
  return { value: `−${s.slice(1)}%`, note: negativeMeans };
}

/** Both gaps of a reading in words: a negative variance is validation error below training error. */
export function gapTexts(bv: BiasVariance): { readonly avoidableBias: GapText; readonly variance: GapText } {
  return {
    avoidableBias: gapText(bv.avoidableBias, 'training error below human level'),
    variance: gapText(bv.variance, 'validation error below training error'),
  };
}
