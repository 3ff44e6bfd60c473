import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../config.js';
import { hubSignature, sameSecret, validHubSignature } from './signatures.js';

describe('LOKET_WHATSAPP_* and LOKET_TELEGRAM_*', () => {
  const base = { LOKET_DATABASE_URL: 'sqlite::memory:' };

  it('has working defaults and no secrets', () => {
    const config = parseConfig(base);
    expect(config.whatsapp).toEqual({
      apiBaseUrl: 'https://graph.facebook.com/v21.0',
      templateName: 'loket_balasan',
      templateLanguage: 'id',
      appSecret: undefined,
      verifyToken: undefined,
      accessToken: undefined,
      phoneNumberId: undefined,
      officeCode: undefined,
    });
    expect(config.telegram.apiBaseUrl).toBe('https://api.telegram.org');
  });

  it('reads every variable', () => {
    const config = parseConfig({
      ...base,
      LOKET_WHATSAPP_APP_SECRET: 'b3c1f9d0e8a24c7fa5d6e7f8091a2b3c',
      LOKET_WHATSAPP_VERIFY_TOKEN: 'verify-me-please',
      LOKET_WHATSAPP_ACCESS_TOKEN: 'EAAGabcdefghijklmnopqrstuvwxyz',
      LOKET_WHATSAPP_PHONE_NUMBER_ID: '106540352242922',
      LOKET_WHATSAPP_API_BASE_URL: 'http://127.0.0.1:9999/v21.0/',
      LOKET_WHATSAPP_TEMPLATE_NAME: 'balasan_laporan',
      LOKET_WHATSAPP_TEMPLATE_LANGUAGE: 'en_US',
      LOKET_WHATSAPP_OFFICE: 'SBY',
      LOKET_TELEGRAM_BOT_TOKEN: '7123456789:AAHfakeBotTokenForLoketTests_0123456789',
      LOKET_TELEGRAM_SECRET_TOKEN: 'a-secret-token-of-length',
      LOKET_TELEGRAM_OFFICE: 'SBY',
    });
    expect(config.whatsapp).toMatchObject({
      phoneNumberId: '106540352242922',
      apiBaseUrl: 'http://127.0.0.1:9999/v21.0',
      templateName: 'balasan_laporan',
      templateLanguage: 'en_US',
      officeCode: 'SBY',
    });
    expect(config.telegram.botToken).toMatch(/^7123456789:/);
  });

  it.each([
    ['LOKET_WHATSAPP_PHONE_NUMBER_ID', '+62 811'],
    ['LOKET_WHATSAPP_TEMPLATE_NAME', 'Balasan Laporan'],
    ['LOKET_WHATSAPP_API_BASE_URL', 'ftp://graph'],
    ['LOKET_TELEGRAM_BOT_TOKEN', 'not-a-token'],
    ['LOKET_TELEGRAM_SECRET_TOKEN', 'short'],
    ['LOKET_WHATSAPP_OFFICE', 'sby'],
  ])('refuses a malformed %s without repeating its value', (name, value) => {
    let error: unknown;
    try {
      parseConfig({ ...base, [name]: value });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).variable).toBe(name);
    if (!name.endsWith('URL')) expect((error as Error).message).not.toContain(value);
  });
});

describe('webhook signatures', () => {
  const body = Buffer.from('{"object":"whatsapp_business_account","entry":[]}');
  const secret = 'b3c1f9d0e8a24c7fa5d6e7f8091a2b3c';

  it('accepts the HMAC of the exact bytes, in either hex case', () => {
    const signature = hubSignature(body, secret);
    expect(validHubSignature(signature, body, secret)).toBe(true);
    expect(validHubSignature(signature.toUpperCase().replace('SHA256=', 'sha256='), body, secret)).toBe(true);
  });

  it('refuses another body, another secret, a missing or malformed header', () => {
    const signature = hubSignature(body, secret);
    expect(validHubSignature(signature, Buffer.from(`${body} `), secret)).toBe(false);
    expect(validHubSignature(signature, body, 'another-secret-0000000000000000')).toBe(false);
    expect(validHubSignature(undefined, body, secret)).toBe(false);
    expect(validHubSignature('sha1=abc', body, secret)).toBe(false);
    expect(validHubSignature(['a', 'b'], body, secret)).toBe(false);
  });

  it('compares secrets of different lengths as unequal', () => {
    expect(sameSecret('abc', 'abcd')).toBe(false);
    expect(sameSecret('abcd', 'abcd')).toBe(true);
  });
});
