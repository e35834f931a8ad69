import { describe, expect, it } from 'vitest';
import { isLoopbackUrl } from './loopback';

describe('isLoopbackUrl', () => {
  it('knows the addresses that lead back to the machine itself', () => {
    for (const url of [
      'http://localhost:3000/status/a/1/1',
      'http://127.0.0.1:41234/x',
      'http://127.8.9.10/',
      'http://[::1]:3000/',
      'http://0.0.0.0:3000/',
      'http://app.localhost/',
      'not a url',
    ])
      expect(isLoopbackUrl(url), url).toBe(true);
  });

  it('passes the addresses residents can reach', () => {
    for (const url of [
      'https://linli.example.cn/status/a/1/1',
      'http://192.168.1.20:3000/',
      'http://10.0.0.5/',
      'https://[2001:db8::1]/',
    ])
      expect(isLoopbackUrl(url), url).toBe(false);
  });
});
