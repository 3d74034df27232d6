import type { MouseEvent } from 'react';
import { useApi } from '../../../api/apiContext';
import { useErrorText } from '../../../i18n/errorText';
import { useChatStoreApi } from '../../../state/storeContext';
import { linkify } from './linkify';

/** Message text as React text children (never HTML); web addresses open in the system browser. */
export function TextContent({ text }: Readonly<{ text: string }>) {
  const api = useApi();
  const store = useChatStoreApi();
  const errorText = useErrorText();
  const open = (event: MouseEvent<HTMLAnchorElement>, url: string): void => {
    // The page never navigates: the shell opens the link outside the app.
    event.preventDefault();
    void api.app.openExternal({ url }).then((result) => {
      if (!result.ok) store.getState().toast(errorText(result.error));
    });
  };
  return (
    <p className="bubble-text">
      {linkify(text).map((part, index) =>
        part.type === 'text' ? (
          part.text
        ) : (
          <a
            key={index}
            href={part.url}
            className="message-link"
            rel="noreferrer noopener"
            onClick={(event) => open(event, part.url)}
            data-testid="message-link"
          >
            {part.text}
          </a>
        ),
      )}
    </p>
  );
}
