import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addressFrom, UNKNOWN_ADDRESS } from './client-address';
import { installPeerAddressHeader, PEER_ADDRESS_HEADER } from './peer-address';

const h = (init: Record<string, string>) => new Headers(init);

describe('the client address', () => {
  it('without trusted proxies is the peer, whatever X-Forwarded-For says', () => {
    for (const forged of ['203.0.113.1', '198.51.100.7, 203.0.113.2', ''])
      expect(addressFrom(h({ 'x-forwarded-for': forged, [PEER_ADDRESS_HEADER]: '192.0.2.10' }), 0)).toBe('192.0.2.10');
  });

  it('behind one proxy is the entry that proxy appended, not the ones the client sent', () => {
    const headers = h({ 'x-forwarded-for': '10.9.9.9, 1.2.3.4 , 192.0.2.10', [PEER_ADDRESS_HEADER]: '127.0.0.1' });
    expect(addressFrom(headers, 1)).toBe('192.0.2.10');
    expect(addressFrom(headers, 2)).toBe('1.2.3.4');
  });

  it('falls back to the peer when fewer proxies wrote than are trusted, and to one shared bucket without a peer', () => {
    expect(addressFrom(h({ 'x-forwarded-for': '192.0.2.10', [PEER_ADDRESS_HEADER]: '127.0.0.1' }), 2)).toBe(
      '127.0.0.1',
    );
    expect(addressFrom(h({ 'x-forwarded-for': '192.0.2.10' }), 0)).toBe(UNKNOWN_ADDRESS);
  });

  it('spells an IPv4 client on a dual-stack socket the IPv4 way', () => {
    expect(addressFrom(h({ [PEER_ADDRESS_HEADER]: '::FFFF:192.0.2.10' }), 0)).toBe('192.0.2.10');
    expect(addressFrom(h({ [PEER_ADDRESS_HEADER]: '2001:db8::1' }), 0)).toBe('2001:db8::1');
  });
});

describe('the peer address header on a Node HTTP server', () => {
  let server: Server;
  let port: number;
  beforeAll(async () => {
    installPeerAddressHeader();
    server = createServer((req, res) => res.end(String(req.headers[PEER_ADDRESS_HEADER])));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  /** A request from a chosen loopback source address (all of 127/8 is this machine on Linux). */
  function get(localAddress: string, headers: Record<string, string>): Promise<string> {
    return new Promise((resolve, reject) => {
      request({ host: '127.0.0.1', port, localAddress, headers }, (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve(body));
      })
        .on('error', reject)
        .end();
    });
  }

  it('carries the socket address and overwrites a forged one', async () => {
    expect(await get('127.0.0.7', { [PEER_ADDRESS_HEADER]: '203.0.113.1', 'x-forwarded-for': '203.0.113.1' })).toBe(
      '127.0.0.7',
    );
  });
});
