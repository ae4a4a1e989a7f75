import { describe, expect, it } from 'vitest';
import { getSurface } from '../../surfaces/index.ts';
import { draftOf, readDraft } from '../../src/ui/surfaces/domain-draft.ts';
import { defaultView } from '../../src/view/fields.ts';
import { VOCABULARY } from '../../src/view/vocabulary.ts';

const bowl = defaultView(getSurface('bowl')!, VOCABULARY);

describe('the x/y range fields', () => {
  it('start from the view’s domain and read a typed range through the domain field', () => {
    expect(draftOf(bowl.domain)).toEqual(['-10', '10', '-5', '5']);
    expect(readDraft(['-2', ' 4 ', '-1e-1', '5'], 0, bowl)).toEqual({ domain: { x: [-2, 4], y: [-0.1, 5] }, messages: [null, null, null, null] });
  });
  it('say at the field when an end is not a number or beyond the field table’s ±1e6', () => {
    const v = readDraft(['-2', 'four', '-5', '2e6'], 1, bowl);
    expect(v.domain).toBeNull();
    expect(v.messages).toEqual([null, 'Enter a number, like 0.01 or 1e-3.', null, 'Enter a number from -1000000 to 1000000.']);
  });
  it('report ends out of order at the field edited, or at the axis’s “to” field', () => {
    expect(readDraft(['20', '10', '-5', '5'], 0, bowl)).toEqual({ domain: null, messages: ['x from must be less than x to (10).', null, null, null] });
    expect(readDraft(['-10', '10', '5', '5'], 3, bowl)).toEqual({ domain: null, messages: [null, null, null, 'y to must be greater than y from (5).'] });
    // Edited elsewhere: the message goes to the axis's "to" field.
    expect(readDraft(['3', '1', '-5', '5'], 2, bowl).messages).toEqual([null, 'x to must be greater than x from (3).', null, null]);
  });
});
