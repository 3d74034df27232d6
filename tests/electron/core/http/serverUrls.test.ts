import { describe, expect, it } from 'vitest';
import { apiUrl, gatewayUrl } from '../../../../electron/core/http/serverUrls';

describe('server URLs', () => {
  it('derives the gateway from the http(s) server URL', () => {
    expect(gatewayUrl('http://127.0.0.1:7700')).toBe('ws://127.0.0.1:7700/websocket');
    expect(gatewayUrl('http://127.0.0.1:7700/')).toBe('ws://127.0.0.1:7700/websocket');
    expect(gatewayUrl('https://chat.example.com')).toBe('wss://chat.example.com/websocket');
    expect(gatewayUrl('https://example.com/tidings/?x=1#y')).toBe('wss://example.com/tidings/websocket');
  });

  it('joins API paths without doubling slashes', () => {
    expect(apiUrl('http://127.0.0.1:7700', '/api/me')).toBe('http://127.0.0.1:7700/api/me');
    expect(apiUrl('http://127.0.0.1:7700/', '/api/me')).toBe('http://127.0.0.1:7700/api/me');
    expect(apiUrl('https://example.com/tidings/', '/api/me')).toBe('https://example.com/tidings/api/me');
  });
});
