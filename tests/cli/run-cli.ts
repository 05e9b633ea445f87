// Runs `scan` as a user would (a child process through tsx) and collects what it printed.

import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const fixtures = resolve(projectRoot, '../shared/fixtures');
export const pages = join(projectRoot, 'tests/cli/pages');
/** Our own small article page, shared with the eval tests (beside its gold file there). */
export const councilBudgetPage = join(projectRoot, 'tests/tools/fixtures-mini/council-budget.html');
export const schemaPath = resolve(projectRoot, '../shared/contracts/scan-report.schema.json');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the scan CLI; never throws, so tests can look at failures. */
export function runScanCli(args: readonly string[], env: Record<string, string> = {}): Promise<CliResult> {
  return new Promise((done) => {
    const child = spawn(join(projectRoot, 'node_modules/.bin/tsx'), ['src/cli/scan.ts', ...args], {
      cwd: projectRoot,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

/** The lines of stderr the CLI wrote (without npm's or Node's own notices). */
export function errorLines(stderr: string): string[] {
  return stderr.split('\n').filter((l) => l.startsWith('caveat:'));
}

/** A stack trace has "    at fn (file:line:col)" lines. */
export function hasStackTrace(text: string): boolean {
  return /^\s+at .+:\d+:\d+\)?$/m.test(text);
}
