import { describe, expect, it } from 'vitest';
import { en } from './en';
import { id } from './id';
import { translate } from './index';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('console catalogues', () => {
  it('have exactly the same keys in id and en', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(id).sort());
  });

  it('use the same {placeholders} in both languages, and no message is empty', () => {
    for (const key of Object.keys(id) as (keyof typeof id)[]) {
      expect(placeholders(en[key]), key).toEqual(placeholders(id[key]));
      expect(id[key].trim(), key).not.toBe('');
      expect(en[key].trim(), key).not.toBe('');
    }
  });

  it('fills parameters and leaves unknown ones visible', () => {
    expect(translate('en', 'case.title', { code: 'SBY-26-7K3Q9MX' })).toBe('Case SBY-26-7K3Q9MX');
    expect(translate('id', 'case.title')).toBe('Kasus {code}');
  });
});
