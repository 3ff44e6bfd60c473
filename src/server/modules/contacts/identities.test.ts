import { describe, expect, it } from 'vitest';
import { formatPhone, identitiesOf, normaliseEmail, normalisePhone } from './identities.js';

describe('normalisePhone', () => {
  it.each([
    ['0812-3456-7890', '6281234567890'],
    ['+62 812 3456 7890', '6281234567890'],
    ['6281234567890', '6281234567890'],
    ['0062 812 3456 7890', '6281234567890'],
    ['+62 (0)812-3456-7890', '6281234567890'],
    ['81234567890', '6281234567890'],
    ['021-555-0123', '62215550123'],
    ['+1 650 555 1234', '16505551234'],
  ])('%s → %s', (raw, expected) => {
    expect(normalisePhone(raw)).toBe(expected);
  });

  it.each(['', 'abc', '12', '0812-abc', '+62 812 3456 7890 1234 5678'])('refuses %j', (raw) => {
    expect(normalisePhone(raw)).toBeNull();
  });
});

describe('identities', () => {
  it('formats Indonesian mobiles for people to read', () => {
    expect(formatPhone('6281234567890')).toBe('+62 812-3456-7890');
    expect(formatPhone('16505551234')).toBe('+16505551234');
  });

  it('lower-cases e-mail and drops what is not an address', () => {
    expect(normaliseEmail(' Siti@Example.COM ')).toBe('siti@example.com');
    expect(normaliseEmail('siti')).toBeNull();
  });

  it('collects every identity a contact gives', () => {
    expect(identitiesOf({ email: 'A@b.id', phone: '0812 3456 7890', telegram: '42' })).toEqual([
      { kind: 'email', value: 'a@b.id' },
      { kind: 'phone', value: '6281234567890' },
      { kind: 'telegram', value: '42' },
    ]);
  });
});
