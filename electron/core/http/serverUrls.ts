/** The server's origin and path prefix (a reverse proxy's), without a trailing slash. */
function base(serverUrl: string): { protocol: string; host: string; prefix: string } {
  const url = new URL(serverUrl);
  return { protocol: url.protocol, host: url.host, prefix: url.pathname.replace(/\/+$/, '') };
}

/** `{serverUrl}/api/...` for an API path that starts with `/`. */
export function apiUrl(serverUrl: string, path: string): string {
  const { protocol, host, prefix } = base(serverUrl);
  return `${protocol}//${host}${prefix}${path}`;
}

/** The WebSocket gateway of an http(s) server URL: ws(s)://host:port[/prefix]/websocket. */
export function gatewayUrl(serverUrl: string): string {
  const { protocol, host, prefix } = base(serverUrl);
  return `${protocol === 'https:' ? 'wss:' : 'ws:'}//${host}${prefix}/websocket`;
}
