import { describe, expect, it } from 'vitest';
import { fillPlaceholders } from './placeholders';

const values = {
  citizenName: 'Siti Aminah',
  trackingCode: 'SBY-26-7K3Q9MX',
  officeName: 'Kantor Imigrasi Surabaya',
};

describe('fillPlaceholders', () => {
  it('fills every known placeholder, however often it appears', () => {
    const body = 'Yth. {{citizen_name}}, kasus {{tracking_code}} di {{office_name}}. ({{ tracking_code }})';
    expect(fillPlaceholders(body, values, 'id')).toBe(
      'Yth. Siti Aminah, kasus SBY-26-7K3Q9MX di Kantor Imigrasi Surabaya. (SBY-26-7K3Q9MX)',
    );
  });

  it('uses a polite form of address in the response language when the name is hidden or empty', () => {
    expect(fillPlaceholders('Dear {{citizen_name}},', { ...values, citizenName: null }, 'en')).toBe(
      'Dear Sir/Madam,',
    );
    expect(fillPlaceholders('Yth. {{citizen_name}},', { ...values, citizenName: '  ' }, 'id')).toBe(
      'Yth. Bapak/Ibu,',
    );
  });

  it('leaves unknown placeholders as they are', () => {
    expect(fillPlaceholders('{{citizen_nama}} {{CITIZEN_NAME}}', values, 'id')).toBe(
      '{{citizen_nama}} Siti Aminah',
    );
  });

  it('does not interpret $ patterns in values', () => {
    expect(fillPlaceholders('{{citizen_name}}', { ...values, citizenName: "$& $' $1" }, 'id')).toBe(
      "$& $' $1",
    );
  });
});
