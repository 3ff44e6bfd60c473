import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

/**
 * Whether an outbound request may go to an address: URLs set by administrators (publication webhooks, messaging
 * API base URLs) must reach the internet, not Loket's own machine or network (the database port, a cloud
 * metadata service at 169.254.169.254, an internal admin page) — server-side request forgery.
 */
const NOT_PUBLIC = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], // "this network", unspecified
  ['10.0.0.0', 8], // private (RFC 1918)
  ['100.64.0.0', 10], // carrier-grade NAT (RFC 6598)
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local, cloud metadata services
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // documentation
  ['192.88.99.0', 24], // 6to4 relay anycast (deprecated)
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // documentation
  ['203.0.113.0', 24], // documentation
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
] as const)
  NOT_PUBLIC.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [
  ['::', 128], // unspecified
  ['::1', 128], // loopback
  ['100::', 64], // discard
  ['2001::', 23], // IETF protocol assignments (Teredo among them)
  ['2001:db8::', 32], // documentation
  ['2002::', 16], // 6to4: tunnels to an IPv4 address of its own choosing
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['fec0::', 10], // site-local (deprecated)
  ['ff00::', 8], // multicast
] as const)
  NOT_PUBLIC.addSubnet(network, prefix, 'ipv6');

/**
 * IPv6 ranges that carry an IPv4 address (IPv4-compatible ::/96, IPv4-mapped ::ffff:0:0/96). Kept apart: a
 * BlockList matches IPv4 addresses against such IPv6 rules too, which would refuse every IPv4 address.
 */
const CARRIES_IPV4 = new BlockList();
CARRIES_IPV4.addSubnet('::', 96, 'ipv6');
CARRIES_IPV4.addSubnet('::ffff:0:0', 96, 'ipv6');

/** The IPv4 address inside an IPv4-mapped (::ffff:a.b.c.d) or NAT64 (64:ff9b::a.b.c.d) IPv6 address. */
function embeddedIpv4(address: string): string | undefined {
  const lower = address.toLowerCase();
  const prefix = ['::ffff:', '64:ff9b::'].find((p) => lower.startsWith(p));
  if (!prefix) return undefined;
  const rest = lower.slice(prefix.length);
  if (isIP(rest) === 4) return rest;
  const groups = /^([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(rest);
  if (!groups) return undefined;
  const value = (Number.parseInt(groups[1]!, 16) << 16) | Number.parseInt(groups[2]!, 16);
  return [24, 16, 8, 0].map((shift) => (value >>> shift) & 255).join('.');
}

/** True for a unicast address on the public internet; false for anything else, and for what is not an address. */
export function isPublicAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const family = isIP(bare);
  if (family === 4) return !NOT_PUBLIC.check(bare, 'ipv4');
  if (family !== 6) return false;
  const inner = embeddedIpv4(bare);
  if (inner) return isPublicAddress(inner);
  // An embedded IPv4 address in a spelling embeddedIpv4 does not read: refused rather than guessed.
  if (CARRIES_IPV4.check(bare, 'ipv6')) return false;
  return !NOT_PUBLIC.check(bare, 'ipv6');
}

export class NotPublicError extends Error {
  constructor(
    readonly host: string,
    readonly reason: 'not_public' | 'unresolvable',
  ) {
    super(reason === 'not_public' ? `${host} is not a public address` : `${host} does not resolve`);
    this.name = 'NotPublicError';
  }
}

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/**
 * Resolves a host name and returns its addresses when every one of them is public. One private address among
 * public ones refuses the host too: which one a connection would use is not ours to choose.
 */
export async function resolvePublic(
  host: string,
  allowed: (address: string) => boolean = isPublicAddress,
): Promise<ResolvedAddress[]> {
  const bare = host.replace(/^\[|\]$/g, '');
  if (isIP(bare)) {
    if (!allowed(bare)) throw new NotPublicError(host, 'not_public');
    return [{ address: bare, family: isIP(bare) as 4 | 6 }];
  }
  let found: { address: string; family: number }[];
  try {
    found = await lookup(bare, { all: true, verbatim: true });
  } catch {
    throw new NotPublicError(host, 'unresolvable');
  }
  if (found.length === 0) throw new NotPublicError(host, 'unresolvable');
  if (found.some((a) => !allowed(a.address))) throw new NotPublicError(host, 'not_public');
  return found.map((a) => ({ address: a.address, family: a.family as 4 | 6 }));
}

/**
 * Checks a URL an administrator saves: http(s), no credentials in it, and a host that resolves to public
 * addresses only. Returns the problem's code, or null when it is fine.
 */
export async function publicUrlProblem(
  url: string,
): Promise<'format' | 'not_public' | 'unresolvable' | null> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'format';
  }
  if (!['https:', 'http:'].includes(parsed.protocol) || parsed.username || parsed.password) return 'format';
  try {
    await resolvePublic(parsed.hostname);
    return null;
  } catch (error) {
    if (error instanceof NotPublicError) return error.reason;
    throw error;
  }
}
