import { ConfigError } from '../config';
import { DatabaseError } from '../db/database';

/**
 * Runs a command-line tool's main and exits with its code: 2 with the message (and the usage for bad arguments)
 * for input the user can fix (bad arguments, configuration or database), 1 for anything else.
 */
export function runCli(main: () => Promise<number>, opts: { usage: string; failure: string; isUsageError?: (err: unknown) => boolean }): void {
  const usageError = (err: unknown) => (err instanceof TypeError && 'code' in err) || (opts.isUsageError?.(err) ?? false);
  main().then(
    (code) => process.exit(code),
    (err: unknown) => {
      if (err instanceof ConfigError || err instanceof DatabaseError || usageError(err)) {
        process.stderr.write(`${(err as Error).message}\n${usageError(err) ? `${opts.usage}\n` : ''}`);
        process.exit(2);
      }
      process.stderr.write(`${opts.failure}: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exit(1);
    },
  );
}
