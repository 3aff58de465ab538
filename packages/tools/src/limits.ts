/** Size limits shared by the built-in tools. Chosen to match what leading agents send models. */
export const limits = {
  /** Lines `read` returns when no limit is given. */
  readLines: 2000,
  /** Characters of one line `read` shows before cutting it. */
  readLineChars: 2000,
  /** Bytes of file text `read` returns in one window. */
  readBytes: 50 * 1024,
  /** Largest image `read` sends to the model as a data URL. */
  imageBytes: 5 * 1024 * 1024,
  /** Bytes sniffed at the start of a file to tell text from binary. */
  sniffBytes: 8192,
  /** Characters of command output the model sees before the middle is cut. */
  bashOutputChars: 30_000,
  /** Bytes of one command's output saved to its file; the rest is read and dropped. */
  bashSavedOutputBytes: 10 * 1024 * 1024,
  /** Default and largest command timeouts, in milliseconds. */
  bashDefaultTimeoutMs: 120_000,
  bashMaxTimeoutMs: 600_000,
  /** Time between SIGTERM and SIGKILL when a process group is stopped. */
  bashKillGraceMs: 1000,
  /** Files larger than this are skipped by `grep`. */
  grepFileBytes: 10 * 1024 * 1024,
  /** Matching lines, files, and characters `grep` returns at most. */
  grepContentLines: 500,
  grepFiles: 250,
  grepOutputChars: 30_000,
  /** Characters of one matching line `grep` shows. */
  grepLineChars: 500,
  /** Paths `glob` returns at most. */
  globResults: 200,
  /** Entries `ls` returns at most. */
  lsEntries: 500,
  /** Diff lines kept for display. */
  diffLines: 400,
} as const;
