#!/usr/bin/env node
import { removePendingOutputs } from './cli/atomic-output.js';
import { main } from './cli/main.js';

// A reader that stops early (`targetcast forecast --json | head`) is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

// An interrupted run leaves no temporary --out file behind (and never a half-written FILE).
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    removePendingOutputs();
    process.exit(signal === 'SIGINT' ? 130 : 143);
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
