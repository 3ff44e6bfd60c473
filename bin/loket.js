#!/usr/bin/env node
// The `loket` command. It runs the compiled CLI, which `npm install` builds (the "prepare" script).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../dist/cli/main.js', import.meta.url));
if (!existsSync(cli)) {
  console.error('Loket is not built yet: run `npm install` (or `npm run build`) first.');
  process.exit(1);
}
await import(cli);
