import { parseCommandArgs } from '../args';
import { type Command, UsageError } from '../io';
import { readPlanArgument } from '../plan-input';

export const validateCommand: Command = {
  name: 'validate',
  summary: 'Check a plan file: exit 0 when valid, 1 with one line per problem',
  usage:
    'Usage: powervm-sizer validate PLAN\n\nPrints one line per problem, naming the field path (e.g. workloads[2].memoryGiB).',
  async run(args, io) {
    const { positionals } = parseCommandArgs(args, {});
    const [path] = positionals;
    if (!path || positionals.length > 1) throw new UsageError('name one plan file');
    const validation = await readPlanArgument(path);
    if (!validation.valid) {
      for (const problem of validation.problems) io.stderr(`${problem}\n`);
      return 1;
    }
    io.stdout(`${path}: valid (${validation.plan?.workloads.length ?? 0} workloads)\n`);
    return 0;
  },
};
