#!/usr/bin/env node
import { removePendingOutputs } from './app/atomic-write.js';
import { main } from './cli/main.js';

// A reader that stops early (`targetcast forecast --json | head`) is not an error.
// Any other failure to write (a full disk, /dev/full) is one line on stderr, exit 1.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  process.stderr.write(`targetcast: cannot write to standard output: ${error.code ?? error.message}\n`);
  process.exit(1);
});

// An interrupted run (Ctrl-C, kill, a dropped SSH session) leaves no temporary --out file behind
// and never a half-written FILE. Exit 128 + the signal's number, as shells report it.
const SIGNALS = { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 } as const;
for (const [signal, code] of Object.entries(SIGNALS)) {
  process.on(signal, () => {
    removePendingOutputs();
    process.exit(code);
  });
}

const code = await main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  stdoutIsTTY: process.stdout.isTTY === true,
  stderrIsTTY: process.stderr.isTTY === true,
  stdinIsTTY: process.stdin.isTTY === true,
  pid: process.pid,
});
process.exitCode = code;
