import { describe, expect, it } from 'vitest';
import { en } from './en.js';
import { id } from './id.js';
import { translator } from './index.js';

describe('portal messages', () => {
  it('has exactly the same keys in id and en, none empty', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(id).sort());
    for (const text of [...Object.values(id), ...Object.values(en)]) expect(text.trim()).not.toBe('');
  });

  it('uses the same placeholders in both languages', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(id) as (keyof typeof id)[]) {
      expect(placeholders(en[key]), key).toEqual(placeholders(id[key]));
    }
  });

  it('fills placeholders', () => {
    expect(translator('en')('error.file_size', { name: 'a.png', size: 5 })).toBe('a.png is larger than 5 MB');
  });
});
