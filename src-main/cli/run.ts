// The one command-line entry point (`npm run cli -- ...`, the `powervm-sizer` bin). Exit codes: 0 ok,
// 1 invalid input (a plan, a file), 2 bad arguments, 3 some workloads could not be placed.
import { type CliIo, type Command, UsageError } from './io';
import { commands } from './commands';

function overview(): string {
  const width = Math.max(...commands.map((command) => command.name.length));
  return [
    'Usage: powervm-sizer <command> [options]',
    '',
    'Commands:',
    ...commands.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`),
    '',
    'Run `powervm-sizer <command> --help` for the options of a command.',
  ].join('\n');
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(`${overview()}\n`);
    return name === undefined ? 2 : 0;
  }
  if (name === '--version') {
    io.stdout(`${io.appVersion}\n`);
    return 0;
  }
  const command: Command | undefined = commands.find((each) => each.name === name);
  if (!command) {
    io.stderr(`powervm-sizer: unknown command "${name}"\n\n${overview()}\n`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(`${command.usage}\n`);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`powervm-sizer ${command.name}: ${error.message}\n\n${command.usage}\n`);
      return 2;
    }
    const code = (error as { code?: unknown }).code;
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`powervm-sizer ${command.name}: ${typeof code === 'string' ? `${code}: ` : ''}${message}\n`);
    return 1;
  }
}
