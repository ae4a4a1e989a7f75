/**
 * Symbolic partial derivatives with mathjs: derivative(f, v) unsimplified, then
 *  - small results (≤ SIMPLIFY_LIMIT nodes and depth): mathjs simplify in its realContext. The default
 *    (complex) context applies rules such as (u²)^(1/2) → u that are false over the reals (it turns
 *    d/dx (x²)^(1/2) into 1 where the true value is x/|x|); realContext keeps them exact;
 *  - larger results: simplify-ir.ts only, because mathjs simplify's cost grows exponentially with depth
 *    (measured: seconds for a 16-term polynomial, minutes near the 500-character limit).
 * Either way the IR gets the linear tidy-up, and the node returned for display is the one compiled.
 * mathjs docs: derivative(expr, variable, {simplify}); simplify(expr, scope, {context}).
 */
import type { MathNode } from 'mathjs';
import { irToNode } from './ir-to-node.ts';
import { type Expr, toIr } from './ir.ts';
import { math } from './math.ts';
import { simplifyIr } from './simplify-ir.ts';

export const SIMPLIFY_LIMIT = { nodes: 60, depth: 12 } as const;

interface SimplifyWithContexts {
  (expr: MathNode, scope: object, options: { context: object }): MathNode;
  realContext: object;
}

const simplify = math.simplify as unknown as SimplifyWithContexts;

function size(node: MathNode): { nodes: number; depth: number } {
  let nodes = 0;
  let depth = 0;
  const walk = (n: MathNode, d: number): void => {
    nodes++;
    if (d > depth) depth = d;
    n.forEach((child) => walk(child, d + 1));
  };
  walk(node, 1);
  return { nodes, depth };
}

export type PartialResult =
  | { ok: true; node: MathNode; expr: Expr; simplifiedBy: 'mathjs' | 'ir' }
  | { ok: false; token: string; reason: string };

export function partial(f: MathNode, variable: 'x' | 'y'): PartialResult {
  const raw = math.derivative(f, variable, { simplify: false });
  const { nodes, depth } = size(raw);
  const small = nodes <= SIMPLIFY_LIMIT.nodes && depth <= SIMPLIFY_LIMIT.depth;
  const node = small ? simplify(raw, {}, { context: simplify.realContext }) : raw;
  const ir = toIr(node);
  if (!ir.ok) return ir;
  const expr = simplifyIr(ir.expr);
  return small ? { ok: true, node, expr, simplifiedBy: 'mathjs' } : { ok: true, node: irToNode(expr), expr, simplifiedBy: 'ir' };
}
