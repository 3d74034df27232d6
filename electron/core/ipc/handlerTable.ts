import type { Channel, EngineChannel, ParsedRequestOf, ResponseOf } from '../../../shared/ipc';

/** A handler gets the request as the contract parsed it and answers what the contract promises. */
export type Handler<C extends Channel> = (request: ParsedRequestOf<C>) => Promise<ResponseOf<C>>;

/**
 * One handler per engine channel: a channel added to the contract without one fails the
 * typecheck. The shell's own domains (app, update) are answered by electron/main.
 */
export type HandlerTable = { readonly [C in EngineChannel]: Handler<C> };

/** The handlers of one domain (`auth`, `messages`, ...), for the per-domain files. */
export type DomainHandlers<D extends string> = {
  readonly [C in EngineChannel as C extends `${D}:${string}` ? C : never]: Handler<C>;
};
