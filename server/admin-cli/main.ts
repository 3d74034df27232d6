import { runAdmin } from './runAdmin';

const code = await runAdmin(process.argv.slice(2), {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  env: process.env,
  now: () => Date.now(),
});
// Exit once stdout and stderr have written everything (a pipe may still hold output).
process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
