/**
 * `ingest URL` connects only to public addresses, and to special-use ones
 * (loopback, private, link-local...) only of the kind the operator wrote as
 * the first address: every redirect hop and every DNS answer is checked, and
 * the connection goes to the very address checked. The policy function is
 * tested on its own; the runs resolve names through an injected resolver
 * ("public.example" resolves to a public address) and connect through an
 * injected dialler that only ever opens sockets to 127.0.0.1.
 */
import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { addressKind, literalAddress, policyFor, refusalOf } from '../../adapters/cli/ingest-address-policy.js';
import type { ConnectTarget, FetchOptions, ResolvedAddress } from '../../adapters/cli/ingest-fetch.js';
import { tempCorpus, type TempCorpus } from '../helpers/corpus.js';
import { ingest } from './ingest-run.js';

describe('addressKind', () => {
  it.each([
    ['8.8.8.8', 'public'],
    ['2606:4700::1111', 'public'],
    ['127.0.0.1', 'loopback'],
    ['127.9.9.9', 'loopback'],
    ['::1', 'loopback'],
    ['[::1]', 'loopback'],
    ['::ffff:7f00:1', 'loopback'], // IPv4-mapped 127.0.0.1
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['192.168.1.1', 'private'],
    ['fd00::1', 'private'],
    ['::ffff:0:a00:1', 'private'], // IPv4-translated 10.0.0.1
    ['169.254.169.254', 'link-local'],
    ['fe80::1', 'link-local'],
    ['64:ff9b::a9fe:a9fe', 'link-local'], // NAT64 of 169.254.169.254
    ['64:ff9b::808:808', 'public'], // NAT64 of 8.8.8.8: how an IPv6-only network reaches public IPv4
    ['0.0.0.0', 'unspecified'],
    ['::', 'unspecified'],
    ['100.64.0.1', 'carrier-grade NAT'],
    ['192.0.2.1', 'reserved'],
    ['::7f00:1', 'reserved'], // IPv4-compatible, outside 2000::/3
    ['224.0.0.1', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    ['2002:7f00:1::', '6to4'],
  ])('%s is %s', (address, kind) => {
    expect(addressKind(address)).toBe(kind);
  });

  it('reads every way a URL can write 127.0.0.1 as that address', () => {
    for (const url of ['http://2130706433/', 'http://0x7f000001/', 'http://0177.0.0.1/', 'http://127.1/', 'http://[::ffff:127.0.0.1]/', 'http://[0:0:0:0:0:ffff:7f00:1]/']) {
      const literal = literalAddress(new URL(url).hostname);
      expect(literal, url).toBeDefined();
      expect(addressKind(literal!), url).toBe('loopback');
    }
    expect(literalAddress('public.example')).toBeUndefined();
  });
});

describe('policyFor and refusalOf', () => {
  it('a first address written as a special-use address allows that kind only; a host name allows none; localhost allows loopback', () => {
    expect([...policyFor(new URL('http://127.0.0.1:8080/')).allowed]).toEqual(['loopback']);
    expect([...policyFor(new URL('http://[::1]/')).allowed]).toEqual(['loopback']);
    expect([...policyFor(new URL('http://10.0.0.5/wiki')).allowed]).toEqual(['private']);
    expect([...policyFor(new URL('http://localhost:3000/')).allowed]).toEqual(['loopback']);
    expect([...policyFor(new URL('https://news.example/story')).allowed]).toEqual([]);
    expect([...policyFor(new URL('http://8.8.8.8/')).allowed]).toEqual([]);
  });

  it('refuses what the policy does not allow, saying what the address is', () => {
    const loopbackStart = policyFor(new URL('http://127.0.0.1:8080/'));
    expect(refusalOf('127.0.0.1', loopbackStart)).toBeUndefined();
    expect(refusalOf('::1', loopbackStart)).toBeUndefined();
    expect(refusalOf('93.184.216.34', loopbackStart)).toBeUndefined();
    expect(refusalOf('10.0.0.1', loopbackStart)).toBe('10.0.0.1 is a private address; ingest connects only to public addresses, and to others only when the address given is itself of that kind');
    expect(refusalOf('169.254.169.254', loopbackStart)).toMatch(/^169\.254\.169\.254 is a link-local address;/);
    const publicStart = policyFor(new URL('https://news.example/'));
    expect(refusalOf('127.0.0.1', publicStart)).toMatch(/^127\.0\.0\.1 is a loopback address;/);
    expect(refusalOf('::ffff:7f00:1', publicStart)).toMatch(/is a loopback address;/);
    expect(refusalOf('0.0.0.0', publicStart)).toMatch(/is an unspecified address;/);
  });
});

const PAGE = `<!doctype html><html><head><title>Ferry timetable</title></head><body><article><h1>Ferry timetable</h1>
<p>${'The morning ferry leaves the harbour at seven and returns at noon on weekdays. '.repeat(4)}</p></article></body></html>`;

describe('ingest URL: every hop and every DNS answer checked', () => {
  let server: Server;
  let other: Server;
  let port: number;
  let otherPort: number;
  let out: TempCorpus | undefined;
  const answers: Record<string, string[]> = {};
  const resolved: string[] = [];
  const dialled: ConnectTarget[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      const to = (location: string) => res.writeHead(302, { location }).end();
      if (req.url === '/page') res.writeHead(200, { 'content-type': 'text/html' }).end(PAGE);
      else if (req.url === '/to-loopback') to(`http://127.0.0.1:${port}/page`);
      else if (req.url === '/to-decimal') to(`http://2130706433:${port}/page`);
      else if (req.url === '/to-hex') to(`http://0x7f000001:${port}/page`);
      else if (req.url === '/to-mapped') to(`http://[::ffff:127.0.0.1]:${port}/page`);
      else if (req.url === '/to-ipv6-loopback') to(`http://[::1]:${port}/page`);
      else if (req.url === '/to-rebind') to(`http://rebind.example:${port}/page`);
      else if (req.url === '/to-public') to(`http://public.example:${port}/page`);
      else if (req.url === '/to-other-port') to(`http://127.0.0.1:${otherPort}/page`);
      else if (req.url === '/to-private') to(`http://10.0.0.7:${port}/page`);
      else if (req.url === '/to-link-local') to(`http://169.254.169.254/latest/meta-data/`);
      else res.writeHead(404).end();
    });
    other = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(PAGE));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
    otherPort = (other.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await new Promise((resolve) => other.close(resolve));
  });
  afterEach(() => {
    out?.remove();
    resolved.length = 0;
    dialled.length = 0;
  });

  /**
   * Names resolve from `answers` (each answer used once, the last one kept),
   * and every connection goes to the loopback server that owns the port,
   * whatever address was checked: the test never leaves 127.0.0.1.
   */
  const network: FetchOptions = {
    timeoutMs: 5000,
    async resolve(hostname): Promise<ResolvedAddress[]> {
      resolved.push(hostname);
      const list = answers[hostname];
      if (!list?.length) throw Object.assign(new Error('not found'), { code: 'ENOTFOUND' });
      const address = list.length > 1 ? list.shift()! : list[0]!;
      return [{ address, family: address.includes(':') ? 6 : 4 }];
    },
    connect(target) {
      dialled.push(target);
      return connect({ host: '127.0.0.1', port: target.port });
    },
  };
  const run = (urls: string[]) => {
    out = tempCorpus();
    return ingest([...urls, '--out', out.dir], { fetch: network });
  };

  it('a public address is fetched, connected to at the address its name resolved to, and cited as fetched', async () => {
    answers['public.example'] = ['93.184.216.34'];
    const r = await run([`http://public.example:${port}/page`]);
    expect(r.stdout).toMatch(/^wrote .*public-example-page\.md from http:\/\/public\.example:\d+\/page/m);
    expect(r.code).toBe(0);
    expect(dialled.map((t) => t.addresses.map((a) => a.address))).toEqual([['93.184.216.34']]);
    expect(readFileSync(join(out!.dir, 'public-example-page.md'), 'utf8')).toContain(`url: http://public.example:${port}/page\npublisher: public.example\n`);
  });

  it('from a public start, a redirect to 127.0.0.1, written in any form, is refused before any connection to it', async () => {
    answers['public.example'] = ['93.184.216.34'];
    for (const hop of ['to-loopback', 'to-decimal', 'to-hex', 'to-mapped', 'to-ipv6-loopback']) {
      dialled.length = 0;
      const r = await run([`http://public.example:${port}/${hop}`]);
      expect(r.stdout, hop).toMatch(/^skipped http:\/\/public\.example:\d+\/to-[a-z0-9-]+: refused http:\/\/\S+: \S+ is a loopback address; ingest connects only to public addresses/m);
      expect(r.code, hop).toBe(1);
      expect(dialled.map((t) => t.addresses[0]!.address), hop).toEqual(['93.184.216.34']);
      out?.remove();
    }
  });

  it('a name whose DNS answer is a special-use address is refused, and nothing is connected to', async () => {
    answers['intranet.example'] = ['10.0.0.7'];
    answers['metadata.example'] = ['169.254.169.254'];
    const r = await run([`http://intranet.example:${port}/page`, `http://metadata.example:${port}/page`]);
    expect(r.stdout).toMatch(/^skipped http:\/\/intranet\.example:\d+\/page: refused http:\/\/intranet\.example:\d+: intranet\.example \(10\.0\.0\.7\) is a private address; ingest connects only to public addresses/m);
    expect(r.stdout).toMatch(/^skipped http:\/\/metadata\.example:\d+\/page: refused http:\/\/metadata\.example:\d+: metadata\.example \(169\.254\.169\.254\) is a link-local address; /m);
    expect(dialled).toEqual([]);
  });

  it('a name that resolves to a public address, then to 127.0.0.1 on the redirect back to it (a DNS rebind), is refused at the second answer', async () => {
    answers['rebind.example'] = ['93.184.216.34', '127.0.0.1'];
    const r = await run([`http://rebind.example:${port}/to-rebind`]);
    expect(r.stdout).toMatch(/^skipped http:\/\/rebind\.example:\d+\/to-rebind: refused http:\/\/rebind\.example:\d+: rebind\.example \(127\.0\.0\.1\) is a loopback address; /m);
    expect(resolved).toEqual(['rebind.example', 'rebind.example']);
    expect(dialled.map((t) => t.addresses[0]!.address)).toEqual(['93.184.216.34']);
  });

  it('from a loopback start (the operator chose it), a redirect to another loopback port or to a public name is followed', async () => {
    answers['public.example'] = ['93.184.216.34'];
    const r = await run([`http://127.0.0.1:${port}/to-other-port`, `http://127.0.0.1:${port}/to-public`]);
    expect(r.stdout).toMatch(new RegExp(`^wrote .*127-0-0-1-page\\.md from http://127\\.0\\.0\\.1:${port}/to-other-port`, 'm'));
    expect(r.stdout).toMatch(new RegExp(`^wrote .*public-example-page\\.md from http://127\\.0\\.0\\.1:${port}/to-public`, 'm'));
    expect(r.code).toBe(0);
    expect(readFileSync(join(out!.dir, '127-0-0-1-page.md'), 'utf8')).toContain(`url: http://127.0.0.1:${otherPort}/page\n`);
  });

  it('from a loopback start, a redirect to a private or link-local address is refused, never connected to', async () => {
    const r = await run([`http://127.0.0.1:${port}/to-private`, `http://127.0.0.1:${port}/to-link-local`]);
    expect(r.stdout).toMatch(/^skipped http:\/\/127\.0\.0\.1:\d+\/to-private: refused http:\/\/10\.0\.0\.7:\d+: 10\.0\.0\.7 is a private address; /m);
    expect(r.stdout).toMatch(/^skipped http:\/\/127\.0\.0\.1:\d+\/to-link-local: refused http:\/\/169\.254\.169\.254: 169\.254\.169\.254 is a link-local address; /m);
    expect(r.code).toBe(1);
    expect(dialled.flatMap((t) => t.addresses.map((a) => a.address))).toEqual(['127.0.0.1', '127.0.0.1']);
  });
});
