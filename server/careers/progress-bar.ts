/** Where the bar draws: a writable with a TTY flag and a width (process.stderr fits). */
export interface ProgressStream {
  write(chunk: string): boolean;
  isTTY?: boolean;
  columns?: number;
}

export interface ProgressBar {
  update(done: number, total: number): void;
  /** Clears the bar's line so the next output starts clean. */
  done(): void;
}

const NOOP: ProgressBar = { update: () => undefined, done: () => undefined };

/** Renders "label [#######-------]  45%  450/1000" as plain text (pure, for tests). */
export function renderProgress(label: string, done: number, total: number, width = 30): string {
  const ratio = total > 0 ? Math.min(1, Math.max(0, done / total)) : 1;
  const filled = Math.round(ratio * width);
  const pct = `${Math.round(ratio * 100)}%`.padStart(4);
  return `${label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${pct}  ${done}/${total}`;
}

/**
 * A one-line progress bar redrawn in place with a carriage return, at most every `intervalMs`. Draws nothing when
 * the stream is not a terminal (piped output and CI logs stay clean).
 */
export function createProgressBar(label: string, stream: ProgressStream = process.stderr, intervalMs = 80): ProgressBar {
  if (!stream.isTTY) return NOOP;
  let last = 0;
  let drawn = false;
  const width = Math.max(10, Math.min(40, (stream.columns ?? 80) - label.length - 25));
  return {
    update(done, total) {
      const now = Date.now();
      if (done < total && now - last < intervalMs) return;
      last = now;
      drawn = true;
      stream.write(`\r${renderProgress(label, done, total, width)}\u001b[K`);
    },
    done() {
      if (drawn) stream.write('\r\u001b[K');
      drawn = false;
    },
  };
}
