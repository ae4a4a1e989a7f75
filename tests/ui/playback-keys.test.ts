import { describe, expect, it } from 'vitest';
import { playbackKey, type KeyTarget } from '../../src/ui/surfaces/playback-keys.ts';

const press = (key: string, target: KeyTarget | null = { tagName: 'H2' }, mods: Partial<{ altKey: boolean; ctrlKey: boolean; metaKey: boolean }> = {}) =>
  playbackKey({ key, target, altKey: false, ctrlKey: false, metaKey: false, ...mods });

describe('playbackKey', () => {
  it('maps Space, → and ← outside any control', () => {
    expect(press(' ')).toBe('toggle');
    expect(press('ArrowRight')).toBe('forward');
    expect(press('ArrowLeft')).toBe('back');
    expect(press('ArrowUp')).toBeNull();
    expect(press('Enter', null)).toBeNull();
  });

  it('leaves keys to text fields, selects and editable content', () => {
    for (const target of [{ tagName: 'INPUT', type: 'text' }, { tagName: 'TEXTAREA' }, { tagName: 'SELECT' }, { tagName: 'DIV', isContentEditable: true }]) {
      expect(press(' ', target)).toBeNull();
      expect(press('ArrowRight', target)).toBeNull();
    }
  });

  it('the Iteration slider keeps its arrows, but Space on it plays', () => {
    const slider = { tagName: 'INPUT', type: 'range' };
    expect(press('ArrowRight', slider)).toBeNull();
    expect(press(' ', slider)).toBe('toggle');
  });

  it('Space presses a focused button or summary; arrows on them still step', () => {
    expect(press(' ', { tagName: 'BUTTON' })).toBeNull();
    expect(press(' ', { tagName: 'SUMMARY' })).toBeNull();
    expect(press('ArrowLeft', { tagName: 'BUTTON' })).toBe('back');
  });

  it('Space on a playback button (Play, Step, Reset) plays or pauses rather than pressing it again', () => {
    const step = { tagName: 'BUTTON', dataset: { playback: '' } };
    expect(press(' ', step)).toBe('toggle');
    expect(press('ArrowRight', step)).toBe('forward');
    expect(press('Enter', step)).toBeNull();
    // Any other button keeps its Space.
    expect(press(' ', { tagName: 'BUTTON', dataset: {} })).toBeNull();
  });

  it('keys with a modifier are the browser\'s', () => {
    expect(press('ArrowRight', undefined, { altKey: true })).toBeNull();
    expect(press(' ', undefined, { ctrlKey: true })).toBeNull();
    expect(press('ArrowLeft', undefined, { metaKey: true })).toBeNull();
  });
});
