// Reads a process's CPU time and resident memory from /proc (Linux), for server-side figures.
import fs from 'node:fs';
import os from 'node:os';

const ticksPerSecond = 100; // USER_HZ on Linux; sysconf(_SC_CLK_TCK) is 100 on every mainstream kernel

/** CPU seconds (user + system) the process has used so far. */
export function cpuSeconds(pid) {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may hold spaces) start after the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
}

/** Resident set size in bytes. */
export function rssBytes(pid) {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /VmRSS:\s+(\d+) kB/.exec(status);
  return match ? Number(match[1]) * 1024 : 0;
}

/** The machine's load, reported next to every figure. */
export function machineLoad() {
  const [one, five, fifteen] = os.loadavg();
  return { loadavg1: one, loadavg5: five, loadavg15: fifteen, cores: os.cpus().length };
}

export function percentile(sorted, p) {
  if (sorted.length === 0) return null;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index];
}
