/**
 * Which network addresses `npm run ingest` may connect to, so that a page
 * cannot use the ingest to read the operator's own machine or network (a
 * redirect to 127.0.0.1, a host name that resolves to 169.254.169.254) and
 * have the bots quote what it found.
 *
 * The policy:
 * - An address is *public* when it is global unicast: IPv4 outside the
 *   special-use ranges, IPv6 inside 2000::/3 outside them. IPv4-mapped
 *   (::ffff:a.b.c.d), IPv4-translated (::ffff:0:a.b.c.d) and NAT64
 *   (64:ff9b::a.b.c.d) IPv6 addresses are judged by the IPv4 address they
 *   carry. Decimal, hex, octal and short IPv4 forms (2130706433, 0x7f000001,
 *   0177.0.0.1, 127.1) are read as the address they stand for.
 * - Every other address is special-use, of one kind: loopback (127/8, ::1),
 *   private (10/8, 172.16/12, 192.168/16, fc00::/7, fec0::/10), link-local
 *   (169.254/16, fe80::/10), unspecified (0/8, ::), or another registry range
 *   (carrier-grade NAT 100.64/10, reserved and documentation ranges, multicast,
 *   broadcast, 6to4, Teredo, IPv4-compatible ::/96...).
 * - Ingest connects to public addresses, and to special-use addresses only of
 *   the kind the operator chose: the kind of the first address given, when it
 *   is written as an address (http://127.0.0.1:8080/, http://[::1]/,
 *   http://10.0.0.5/) or is `localhost` (loopback). A host *name* the operator
 *   gives allows no special-use kind, since whoever runs its DNS decides where
 *   it points. So a start at 127.0.0.1 may be redirected to another loopback
 *   port, but not to 10.0.0.1 or 169.254.169.254.
 * - Every address a host name resolves to must pass (one that fails refuses
 *   the host), for the first address and every redirect, and the connection
 *   goes to the addresses checked, never to a second resolution.
 */
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

/** 'public', 'loopback', 'private', 'link-local', 'unspecified', or the registry range of another special-use address. */
export type AddressKind = string;

/** The kinds of special-use address a run may connect to, fixed by the first address the operator gave. */
export interface AddressPolicy {
  readonly allowed: ReadonlySet<AddressKind>;
}

const GROUPS: Record<string, AddressKind> = {
  unicast: 'public',
  loopback: 'loopback',
  private: 'private',
  uniqueLocal: 'private',
  deprecatedSiteLocal: 'private',
  linkLocal: 'link-local',
  unspecified: 'unspecified',
  carrierGradeNat: 'carrier-grade NAT',
};

/** The kind of a literal IPv4 or IPv6 address (as a URL's host or a DNS answer gives it; brackets allowed). */
export function addressKind(address: string): AddressKind {
  let ip = ipaddr.parse(address.replace(/^\[|\]$/g, ''));
  if (ip.kind() === 'ipv6') {
    const v6 = ip as ipaddr.IPv6;
    const range = v6.range();
    // Addresses that carry an IPv4 address reach it (through a translator for NAT64): judge that address.
    if (range === 'ipv4Mapped' || range === 'rfc6145' || (range === 'rfc6052' && v6.parts.slice(2, 6).every((part) => part === 0))) {
      const bytes = v6.toByteArray().slice(12);
      ip = ipaddr.fromByteArray(bytes);
    } else if (range === 'unicast' && (v6.parts[0]! & 0xe000) !== 0x2000) {
      return 'reserved'; // outside 2000::/3, where no global unicast is assigned (::/96 IPv4-compatible among them)
    }
  }
  const range = ip.range();
  return GROUPS[range] ?? range;
}

/** Whether a URL's host name is written as an address (any form the URL parser accepts). */
export function literalAddress(hostname: string): string | undefined {
  const bare = hostname.replace(/^\[|\]$/g, '');
  return isIP(bare) ? bare : undefined;
}

/** The policy of a run that starts at `first`: see the module comment. */
export function policyFor(first: URL): AddressPolicy {
  const literal = literalAddress(first.hostname);
  const host = first.hostname.toLowerCase();
  if (literal) return { allowed: new Set([addressKind(literal)].filter((k) => k !== 'public')) };
  if (host === 'localhost' || host.endsWith('.localhost')) return { allowed: new Set(['loopback']) };
  return { allowed: new Set() };
}

/**
 * Why `address` may not be connected to under `policy`, or undefined when it
 * may. `subject` names it in the reason (default: the address itself).
 */
export function refusalOf(address: string, policy: AddressPolicy, subject = address): string | undefined {
  const kind = addressKind(address);
  if (kind === 'public' || policy.allowed.has(kind)) return undefined;
  const article = /^[aeiou]/i.test(kind) ? 'an' : 'a';
  return `${subject} is ${article} ${kind} address; ingest connects only to public addresses, and to others only when the address given is itself of that kind`;
}
