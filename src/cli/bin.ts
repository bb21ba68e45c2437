#!/usr/bin/env node
import { main } from './main.js';
import { processIO } from './io.js';

// A reader that stops early (`privlint manifest check | head`) closes the pipe: the output is no
// longer wanted, which is not an error to show with a stack trace. Stop quietly, as `cat` does.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

process.exitCode = await main(process.argv.slice(2), processIO());
