import { AdminUsageError, adminUsage, parseAdminArgs } from './adminArgs';
import { AdminCommandError, sendAdminRequest, type Fetch } from './adminClient';
import { formatAnswer } from './adminOutput';

export type AdminIo = Readonly<{
  out(text: string): void;
  err(text: string): void;
  env: Readonly<Record<string, string | undefined>>;
  now(): number;
  fetch?: Fetch;
}>;

/** `tidings-admin`: the admin API from a shell. Resolves to the exit code. */
export async function runAdmin(argv: readonly string[], io: AdminIo): Promise<number> {
  try {
    const invocation = parseAdminArgs(argv, io.env, io.now());
    if (invocation.kind === 'help') {
      io.out(adminUsage);
      return 0;
    }
    const body = await sendAdminRequest(invocation.server, invocation.token, invocation.request, io.fetch);
    io.out(formatAnswer(invocation.request, body, invocation.json));
    return 0;
  } catch (error) {
    if (error instanceof AdminUsageError) {
      io.err(`tidings-admin: ${error.message}\n\n${adminUsage}`);
      return 2;
    }
    if (error instanceof AdminCommandError) {
      io.err(`tidings-admin: ${error.message}`);
      return 1;
    }
    io.err(`tidings-admin: unexpected answer: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}
