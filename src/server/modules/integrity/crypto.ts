import {
  createCipheriv,
  createDecipheriv,
  createPrivateKey,
  createPublicKey,
  diffieHellman,
  generateKeyPairSync,
  hkdfSync,
  type KeyObject,
  randomBytes,
  scryptSync,
} from 'node:crypto';

/**
 * The cryptography of integrity reports, all from node:crypto:
 * - each integrity officer has an X25519 key pair; the private key is stored encrypted (AES-256-GCM) with a key
 *   derived from the officer's own passphrase by scrypt — the server never stores it in the clear;
 * - each report has a random content key; content, messages, contact details and attachments (bytes, name, type)
 *   are AES-256-GCM with it, bound to the report by the associated data;
 * - the content key is sealed to every officer's public key (ephemeral X25519 + HKDF-SHA-256 + AES-256-GCM, the
 *   construction of a sealed box) and, for the reporter, to a key derived from the receipt by scrypt.
 * Without an officer's passphrase or the receipt, a database dump (and the server's own secret) reveals nothing.
 */
const SCRYPT = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 } as const;

function gcmSealBytes(key: Buffer, plaintext: Buffer, aad: string): Buffer {
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([nonce, cipher.getAuthTag(), body]);
}

function gcmOpenBytes(key: Buffer, bytes: Buffer, aad: string): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, 12));
  decipher.setAAD(Buffer.from(aad, 'utf8'));
  decipher.setAuthTag(bytes.subarray(12, 28));
  return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]);
}

function gcmSeal(key: Buffer, plaintext: Buffer, aad: string): string {
  return gcmSealBytes(key, plaintext, aad).toString('base64');
}

function gcmOpen(key: Buffer, sealed: string, aad: string): Buffer {
  return gcmOpenBytes(key, Buffer.from(sealed, 'base64'), aad);
}

function passphraseKey(passphrase: string, salt: Buffer): Buffer {
  return scryptSync(passphrase.normalize('NFC'), salt, 32, SCRYPT);
}

export interface OfficerKeyPair {
  publicKey: string;
  /** salt (16 bytes) + AES-GCM of the PKCS#8 private key, base64. */
  encryptedPrivateKey: string;
}

export function newOfficerKeyPair(passphrase: string): OfficerKeyPair {
  const { publicKey, privateKey } = generateKeyPairSync('x25519');
  return {
    publicKey: rawPublic(publicKey),
    encryptedPrivateKey: protectPrivateKey(privateKey, passphrase),
  };
}

export function protectPrivateKey(privateKey: KeyObject, passphrase: string): string {
  const salt = randomBytes(16);
  const der = privateKey.export({ type: 'pkcs8', format: 'der' });
  return `${salt.toString('base64')}.${gcmSeal(passphraseKey(passphrase, salt), der, 'officer-key')}`;
}

/** The officer's private key, or null when the passphrase is wrong. */
export function unlockPrivateKey(encrypted: string, passphrase: string): KeyObject | null {
  const [salt, sealed] = encrypted.split('.');
  try {
    const der = gcmOpen(passphraseKey(passphrase, Buffer.from(salt!, 'base64')), sealed!, 'officer-key');
    return createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
  } catch {
    return null;
  }
}

/** The private key sealed with a key only the bearer of the session token can derive (see unlock.ts). */
export function sealForSession(privateKey: KeyObject, sessionToken: string, sessionId: string): string {
  const der = privateKey.export({ type: 'pkcs8', format: 'der' });
  return gcmSeal(sessionKey(sessionToken, sessionId), der, `session:${sessionId}`);
}

export function openForSession(sealed: string, sessionToken: string, sessionId: string): KeyObject | null {
  try {
    const der = gcmOpen(sessionKey(sessionToken, sessionId), sealed, `session:${sessionId}`);
    return createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
  } catch {
    return null;
  }
}

function sessionKey(sessionToken: string, sessionId: string): Buffer {
  return Buffer.from(hkdfSync('sha256', sessionToken, sessionId, 'loket integrity unlock', 32));
}

function rawPublic(key: KeyObject): string {
  return Buffer.from(key.export({ format: 'jwk' }).x as string, 'base64url').toString('base64');
}

function publicFromRaw(raw: string): KeyObject {
  return createPublicKey({
    key: { kty: 'OKP', crv: 'X25519', x: Buffer.from(raw, 'base64').toString('base64url') },
    format: 'jwk',
  });
}

export function publicKeyOf(privateKey: KeyObject): string {
  return rawPublic(createPublicKey(privateKey));
}

function wrapKey(shared: Buffer, ephemeral: string, recipient: string): Buffer {
  return Buffer.from(hkdfSync('sha256', shared, `${ephemeral}|${recipient}`, 'loket integrity seal', 32));
}

/** Seals a report's content key to an officer's public key: ephemeral public key + AES-GCM, base64. */
export function sealToOfficer(contentKey: Buffer, officerPublicKey: string, reportId: string): string {
  const ephemeral = generateKeyPairSync('x25519');
  const ephemeralRaw = rawPublic(ephemeral.publicKey);
  const shared = diffieHellman({
    privateKey: ephemeral.privateKey,
    publicKey: publicFromRaw(officerPublicKey),
  });
  return `${ephemeralRaw}.${gcmSeal(wrapKey(shared, ephemeralRaw, officerPublicKey), contentKey, `report:${reportId}`)}`;
}

export function openAsOfficer(sealed: string, privateKey: KeyObject, reportId: string): Buffer | null {
  const [ephemeralRaw, box] = sealed.split('.');
  try {
    const shared = diffieHellman({ privateKey, publicKey: publicFromRaw(ephemeralRaw!) });
    return gcmOpen(wrapKey(shared, ephemeralRaw!, publicKeyOf(privateKey)), box!, `report:${reportId}`);
  } catch {
    return null;
  }
}

/** The content key sealed for the reporter, with a key derived from the receipt (scrypt, per-report salt). */
export function sealToReceipt(contentKey: Buffer, receipt: string, reportId: string): string {
  const salt = randomBytes(16);
  return `${salt.toString('base64')}.${gcmSeal(passphraseKey(receipt, salt), contentKey, `reporter:${reportId}`)}`;
}

export function openWithReceipt(sealed: string, receipt: string, reportId: string): Buffer | null {
  const [salt, box] = sealed.split('.');
  try {
    return gcmOpen(passphraseKey(receipt, Buffer.from(salt!, 'base64')), box!, `reporter:${reportId}`);
  } catch {
    return null;
  }
}

export function newContentKey(): Buffer {
  return randomBytes(32);
}

export function encryptText(contentKey: Buffer, text: string, aad: string): string {
  return gcmSeal(contentKey, Buffer.from(text, 'utf8'), aad);
}

export function decryptText(contentKey: Buffer, sealed: string, aad: string): string {
  return gcmOpen(contentKey, sealed, aad).toString('utf8');
}

/** Binary AES-256-GCM for attachment bytes: nonce (12) + tag (16) + ciphertext, no base64 overhead on disk. */
export function encryptBytes(contentKey: Buffer, plaintext: Buffer, aad: string): Buffer {
  return gcmSealBytes(contentKey, plaintext, aad);
}

export function decryptBytes(contentKey: Buffer, sealed: Buffer, aad: string): Buffer {
  return gcmOpenBytes(contentKey, sealed, aad);
}

/** A random 16-digit receipt (53 bits), shown once to the reporter; formatted in groups of four. */
export function newReceipt(): string {
  let digits = '';
  while (digits.length < 16) {
    const byte = randomBytes(1)[0]!;
    if (byte < 250) digits += String(byte % 10);
  }
  return digits;
}

export function normaliseReceipt(input: string): string | null {
  const digits = input.replace(/[\s-]/g, '');
  return /^\d{16}$/.test(digits) ? digits : null;
}

export function formatReceipt(receipt: string): string {
  return receipt.replace(/(\d{4})(?=\d)/g, '$1 ');
}
