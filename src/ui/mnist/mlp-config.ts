/** The network part of the tab's form as the core's MlpConfig (784 inputs, hidden widths, 10 softmax outputs). */
import type { MlpConfig } from '../../mnist/layout.ts';
import { parseHidden, type TabForm } from './form.ts';

export function mlpConfigOf(form: TabForm): MlpConfig {
  const hidden = parseHidden(form.hidden);
  if (typeof hidden === 'string') throw new Error(hidden);
  return { sizes: [784, ...hidden, 10], activations: [...form.activations], batchNorm: form.batchNorm, keepProb: form.keepProb, l2: form.l2 };
}
