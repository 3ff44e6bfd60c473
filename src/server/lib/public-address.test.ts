import { describe, expect, it } from 'vitest';
import { isPublicAddress, publicUrlProblem } from './public-address.js';

describe('public addresses', () => {
  it.each([
    '127.0.0.1',
    '127.255.0.9',
    '10.0.0.5',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '100.127.255.255',
    '0.0.0.0',
    '224.0.0.1',
    '255.255.255.255',
    '198.18.0.1',
    '::',
    '::1',
    'fd00::1',
    'fc12:3456::1',
    'fe80::1',
    'ff02::1',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '::ffff:a9fe:a9fe',
    '64:ff9b::10.0.0.1',
    '2002:7f00:1::1',
    '[::1]',
    'fe80::1%eth0',
    'not-an-address',
  ])('refuses %s', (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each([
    '8.8.8.8',
    '1.1.1.1',
    '100.63.255.255',
    '100.128.0.1',
    '172.32.0.1',
    '2606:4700:4700::1111',
    '2a03:2880:f12f:83:face:b00c::25de',
    '::ffff:8.8.8.8',
    '64:ff9b::808:808',
  ])('allows %s', (address) => {
    expect(isPublicAddress(address)).toBe(true);
  });

  it('checks URLs by scheme, credentials and what the host resolves to', async () => {
    expect(await publicUrlProblem('ftp://example.com/')).toBe('format');
    expect(await publicUrlProblem('https://user:pw@example.com/')).toBe('format');
    expect(await publicUrlProblem('nonsense')).toBe('format');
    expect(await publicUrlProblem('http://127.0.0.1:5432/')).toBe('not_public');
    expect(await publicUrlProblem('http://169.254.169.254/latest/meta-data/')).toBe('not_public');
    expect(await publicUrlProblem('http://[::1]/')).toBe('not_public');
    // WHATWG URL parsing turns these spellings of 127.0.0.1 into the plain form first.
    expect(await publicUrlProblem('http://2130706433/')).toBe('not_public');
    expect(await publicUrlProblem('http://0x7f.1/')).toBe('not_public');
    // A name is resolved: localhost is loopback whatever it is called.
    expect(await publicUrlProblem('http://localhost:8080/hook')).toBe('not_public');
    expect(await publicUrlProblem('https://no-such-host.invalid/')).toBe('unresolvable');
    expect(await publicUrlProblem('https://8.8.8.8/hook')).toBeNull();
  });
});
