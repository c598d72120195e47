#!/usr/bin/env node
// The civic-relay command: see relay/README.md.
import { main } from '../dist/cli.js';

process.exitCode = await main(process.argv.slice(2), process.env);
