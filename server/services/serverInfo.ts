import { TIDINGS_CAPABILITY } from '../../shared/protocol';

/** What the hello (typeu 10) says about this server. The version follows package.json (a test checks). */
export const serverInfo = {
  name: 'tidings',
  version: '0.1.0',
  capabilities: [TIDINGS_CAPABILITY],
} as const;
