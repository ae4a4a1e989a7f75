/**
 * IR → mathjs node, so derivatives tidied by simplify-ir.ts can still be shown with mathjs's toString and
 * toTex. Negative numbers become unary minus of a positive constant (prints "-2", not "+-2").
 */
import type { MathNode } from 'mathjs';
import type { BinaryOp, Expr } from './ir.ts';
import { math } from './math.ts';

const FN_OF: Readonly<Record<BinaryOp, string>> = {
  '+': 'add',
  '-': 'subtract',
  '*': 'multiply',
  '/': 'divide',
  '^': 'pow',
};

const { ConstantNode, SymbolNode, OperatorNode, FunctionNode } = math as unknown as {
  ConstantNode: new (value: number) => MathNode;
  SymbolNode: new (name: string) => MathNode;
  OperatorNode: new (op: string, fn: string, args: MathNode[]) => MathNode;
  FunctionNode: new (fn: MathNode, args: MathNode[]) => MathNode;
};

export function irToNode(e: Expr): MathNode {
  switch (e.kind) {
    case 'num':
      return e.value < 0 || Object.is(e.value, -0)
        ? new OperatorNode('-', 'unaryMinus', [new ConstantNode(-e.value)])
        : new ConstantNode(e.value);
    case 'var':
      return new SymbolNode(e.name);
    case 'neg':
      return new OperatorNode('-', 'unaryMinus', [irToNode(e.arg)]);
    case 'bin':
      return new OperatorNode(e.op, FN_OF[e.op], [irToNode(e.a), irToNode(e.b)]);
    case 'call':
      return new FunctionNode(new SymbolNode(e.name), e.args.map(irToNode));
  }
}
