import type { Channel, ParsedRequestOf, ResponseOf } from '../../../shared/ipc';

/** A handler gets the request as the contract parsed it and answers what the contract promises. */
export type Handler<C extends Channel> = (request: ParsedRequestOf<C>) => Promise<ResponseOf<C>>;

/** One handler per channel: a channel added to the contract without one fails the typecheck. */
export type HandlerTable = { readonly [C in Channel]: Handler<C> };

/** The handlers of one domain (`auth`, `messages`, ...), for the per-domain files. */
export type DomainHandlers<D extends string> = {
  readonly [C in Channel as C extends `${D}:${string}` ? C : never]: Handler<C>;
};
