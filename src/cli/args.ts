// The command line of `npm run scan`.

import { UsageError } from './errors';

export interface ScanArgs {
  inputs: string[];
  json: boolean;
  storeFile: string | null;
  help: boolean;
}

export const USAGE = 'usage: npm run scan -- <file|URL>... [--json] [--store FILE]';

export function parseScanArgs(argv: readonly string[]): ScanArgs {
  const args: ScanArgs = { inputs: [], json: false, storeFile: null, help: false };
  let optionsEnded = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (optionsEnded || !arg.startsWith('-') || arg === '-') {
      args.inputs.push(arg);
    } else if (arg === '--') {
      optionsEnded = true; // a file whose name starts with "-" comes after "--"
    } else if (arg === '--json') {
      args.json = true;
    } else if (arg === '--help' || arg === '-h') {
      args.help = true;
    } else if (arg === '--store') {
      const value = argv[++i];
      if (value === undefined || value === '') throw new UsageError('--store: needs a file name');
      args.storeFile = value;
    } else if (arg.startsWith('--store=')) {
      const value = arg.slice('--store='.length);
      if (!value) throw new UsageError('--store: needs a file name');
      args.storeFile = value;
    } else {
      throw new UsageError(`${arg}: unknown option`);
    }
  }
  if (!args.help && args.inputs.length === 0) throw new UsageError(`no file or URL to scan (${USAGE})`);
  return args;
}
