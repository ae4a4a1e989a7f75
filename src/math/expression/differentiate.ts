/**
 * Symbolic partial derivatives with mathjs: derivative(f, v) unsimplified, then simplify in mathjs's
 * realContext. The default (complex) context applies rules such as (u²)^(1/2) → u that are false over the
 * reals (it turns d/dx (x²)^(1/2) into 1, where the true value is sign(x)); realContext keeps them exact.
 * mathjs docs: derivative(expr, variable, {simplify}); simplify(expr, scope, {context}).
 */
import type { MathNode } from 'mathjs';
import { math } from './math.ts';

interface SimplifyWithContexts {
  (expr: MathNode, scope: object, options: { context: object }): MathNode;
  realContext: object;
}

const simplify = math.simplify as unknown as SimplifyWithContexts;

export function partial(f: MathNode, variable: 'x' | 'y'): MathNode {
  const raw = math.derivative(f, variable, { simplify: false });
  return simplify(raw, {}, { context: simplify.realContext });
}
