import { createTidingsApi, type TidingsApi } from '../../../shared/ipc/api';
import { createBridgeTransport } from './bridgeTransport';

function openSocket(url: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url);
    const fail = (): void => reject(new Error('Cannot connect to the bridge host. Is it still running?'));
    socket.addEventListener('open', () => resolve(socket), { once: true });
    socket.addEventListener('error', fail, { once: true });
    socket.addEventListener('close', fail, { once: true });
  });
}

/**
 * Builds the API for the browser bridge build: the page was opened at the URL the bridge host
 * printed, whose `token` query parameter admits this page's WebSocket at `/ipc`.
 */
export async function connectBridgeApi(
  location: Readonly<Pick<Location, 'href' | 'search'>>,
): Promise<TidingsApi> {
  const token = new URLSearchParams(location.search).get('token');
  if (!token)
    throw new Error('Open this page with the full address the bridge host printed (it ends in ?token=…).');
  const url = new URL('/ipc', location.href);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  url.search = new URLSearchParams({ token }).toString();
  const socket = await openSocket(url.href);
  return createTidingsApi(createBridgeTransport(socket));
}
