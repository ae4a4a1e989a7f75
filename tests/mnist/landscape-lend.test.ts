import { describe, expect, it } from 'vitest';
import { checkpointsHere, lendCheckpoints } from '../../src/mnist/landscape/lend.ts';
import type { Checkpoints } from '../../src/mnist/landscape/checkpoints.ts';

const run = (values: number[][]): Checkpoints => ({ iterations: values.map((_, i) => 10 * i), params: values.map((v) => Float32Array.from(v)) });

describe('lending checkpoints to the landscape worker', () => {
  it('transfers every buffer once, leaves the tab without a copy, and gives the same arrays back in place', () => {
    const owners = [run([[1, 2], [3, 4], [5, 6]]), run([[1, 2], [7, 8]])];
    const loan = lendCheckpoints(owners);
    expect(loan.transfer).toHaveLength(5);
    expect(loan.lent.map((c) => c.iterations)).toEqual([[0, 10, 20], [0, 10]]);
    // What postMessage does to the sender's side of a transfer.
    const arrived = structuredClone(loan.lent, { transfer: loan.transfer });
    expect(owners[0].params[1].length).toBe(0);
    expect(checkpointsHere(owners)).toBe(false);
    // A checkpoint recorded while the loan lasts (a paused race resumed) comes after the lent ones.
    owners[1].iterations.push(20);
    owners[1].params.push(Float32Array.from([9, 9]));
    const back = structuredClone(arrived.map((c) => c.params), { transfer: arrived.flatMap((c) => c.params.map((p) => p.buffer)) });
    loan.giveBack(back);
    expect(checkpointsHere(owners)).toBe(true);
    expect(owners.map((c) => c.params.map((p) => Array.from(p)))).toEqual([[[1, 2], [3, 4], [5, 6]], [[1, 2], [7, 8], [9, 9]]]);
  });

  it('refuses a reply that does not match the loan', () => {
    const owners = [run([[1, 2], [3, 4]])];
    const loan = lendCheckpoints(owners);
    structuredClone(loan.lent, { transfer: loan.transfer });
    expect(() => loan.giveBack([[Float32Array.from([1, 2])]])).toThrow(/do not match/);
    expect(() => loan.giveBack([[Float32Array.from([1, 2]), Float32Array.from([3])]])).toThrow(/do not match/);
    expect(checkpointsHere(owners)).toBe(false);
  });
});
