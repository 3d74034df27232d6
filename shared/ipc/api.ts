import {
  channelNames,
  channels,
  eventNames,
  events,
  type Channel,
  type EventName,
  type EventPayloadOf,
  type RequestOf,
  type ResponseOf,
} from './contract';
import { fail, type Result } from './errors';

/** How an API reaches the main process: Electron's ipcRenderer in the preload, a WebSocket in the bridge. */
export type IpcTransport = Readonly<{
  invoke(channel: Channel, request: unknown): Promise<unknown>;
  subscribe(event: EventName, listener: (payload: unknown) => void): () => void;
}>;

type DomainOf<N extends string> = N extends `${infer D}:${string}` ? D : never;
type Domain = DomainOf<Channel> | DomainOf<EventName>;

type DomainApi<D extends string> = {
  readonly [C in Channel as C extends `${D}:${infer V}` ? V : never]: (
    request: RequestOf<C>,
  ) => Promise<Result<ResponseOf<C>>>;
} & {
  readonly [E in EventName as E extends `${D}:${infer V}` ? `on${Capitalize<V>}` : never]: (
    listener: (payload: EventPayloadOf<E>) => void,
  ) => () => void;
};

/** The API the renderer sees: `api.messages.send(...)`, `api.messages.onChanged(...)`. */
export type TidingsApi = { readonly [D in Domain]: DomainApi<D> };

function split(name: string): [string, string] {
  const at = name.indexOf(':');
  return [name.slice(0, at), name.slice(at + 1)];
}

const isResult = (value: unknown): value is Result<unknown> =>
  typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean';

/**
 * Builds the frozen, named-function API from the contract. Responses and event payloads
 * are validated here, on the receiving side, like requests are in the main process.
 */
export function createTidingsApi(transport: IpcTransport): TidingsApi {
  const api: Record<string, Record<string, unknown>> = {};
  const domain = (name: string): Record<string, unknown> => (api[name] ??= {});

  for (const channel of channelNames) {
    const [d, verb] = split(channel);
    domain(d)[verb] = async (request: unknown): Promise<Result<unknown>> => {
      let reply: unknown;
      try {
        reply = await transport.invoke(channel, request);
      } catch (error) {
        return fail('internal', error instanceof Error ? error.message : String(error));
      }
      if (!isResult(reply)) return fail('internal', `malformed reply on ${channel}`);
      if (!reply.ok) return reply;
      const parsed = channels[channel].response.safeParse(reply.value);
      return parsed.success
        ? { ok: true, value: parsed.data }
        : fail('internal', `invalid reply on ${channel}`);
    };
  }
  for (const event of eventNames) {
    const [d, verb] = split(event);
    domain(d)[`on${verb.charAt(0).toUpperCase()}${verb.slice(1)}`] = (listener: (payload: unknown) => void) =>
      transport.subscribe(event, (payload) => {
        const parsed = events[event].safeParse(payload);
        if (parsed.success) listener(parsed.data);
      });
  }
  for (const value of Object.values(api)) Object.freeze(value);
  return Object.freeze(api) as unknown as TidingsApi;
}
