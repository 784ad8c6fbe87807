// What a CLI command may touch: its arguments, its output streams and the app's folders. Tests pass their own.
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** The repository's (or the packaged app's) resources folder. */
  resourcesDir: string;
  userDataDir: string;
  appVersion: string;
  /** Resolves when the user asks to stop (Ctrl+C); long-running commands (serve) wait on it. */
  untilInterrupted: () => Promise<void>;
}

/** A wrong argument: printed with the command's usage, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export interface Command {
  name: string;
  summary: string;
  usage: string;
  run(args: string[], io: CliIo): Promise<number>;
}
