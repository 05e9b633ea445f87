// Every failure the CLI reports to a person is one line, `caveat: <input>: <problem>`:
// an InputError carries the problem in words; anything else is reduced to its first line.

/** A problem with one input (file or URL) that the user can act on. */
export class InputError extends Error {
  override readonly name = 'InputError';
}

/** A problem with the command line itself (exit status 2, like other Unix tools). */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

const FS_PROBLEMS: Record<string, string> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'is a directory, not a page',
  ENOTDIR: 'a part of the path is not a directory',
  ELOOP: 'too many symbolic links',
  ENAMETOOLONG: 'file name too long',
  EMFILE: 'too many open files',
};

/** The problem in words, one line, never a stack trace. */
export function problemOf(error: unknown): string {
  if (error instanceof InputError) return error.message;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && FS_PROBLEMS[code]) return FS_PROBLEMS[code];
  const message = error instanceof Error ? error.message : String(error);
  return (message.split('\n')[0] ?? '').trim() || 'unknown error';
}
