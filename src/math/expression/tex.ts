/**
 * TeX for display (KaTeX in the UI): mathjs's toTex of the parsed f and of the simplified partials.
 * Parenthesis nodes are kept as the user typed them, so the formula shown matches what was entered.
 */
import type { MathNode } from 'mathjs';

export function texOf(f: MathNode, dfdx: MathNode, dfdy: MathNode): { f: string; dfdx: string; dfdy: string } {
  return { f: f.toTex(), dfdx: dfdx.toTex(), dfdy: dfdy.toTex() };
}
