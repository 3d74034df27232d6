import { createTidingsApi, type IpcTransport, type TidingsApi } from '../../shared/ipc/api';
import type { Channel, EventName, EventPayloadOf, RequestOf, ResponseOf } from '../../shared/ipc/contract';
import { fail, type Result } from '../../shared/ipc/errors';

type Handlers = {
  [C in Channel]?: (request: RequestOf<C>) => Result<ResponseOf<C>> | Promise<Result<ResponseOf<C>>>;
};

export type FakeApi = Readonly<{
  api: TidingsApi;
  /** Every call the component made, in order. */
  calls: ReadonlyArray<Readonly<{ channel: Channel; request: unknown }>>;
  emit<E extends EventName>(event: E, payload: EventPayloadOf<E>): void;
}>;

/**
 * A TidingsApi for component tests: the real createTidingsApi over a transport that answers
 * from `handlers` (unhandled channels fail), so replies are validated just as in the app.
 */
export function fakeApi(handlers: Handlers = {}): FakeApi {
  const calls: Array<{ channel: Channel; request: unknown }> = [];
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  const transport: IpcTransport = {
    async invoke(channel, request) {
      calls.push({ channel, request });
      const handler = handlers[channel] as
        ((request: unknown) => Result<unknown> | Promise<Result<unknown>>) | undefined;
      return handler ? handler(request) : fail('internal', `fake API: no handler for ${channel}`);
    },
    subscribe(event, listener) {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(listener);
      return () => set.delete(listener);
    },
  };
  return {
    api: createTidingsApi(transport),
    calls,
    emit: (event, payload) => listeners.get(event)?.forEach((listener) => listener(payload)),
  };
}
