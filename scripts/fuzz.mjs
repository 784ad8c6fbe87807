// `npm run fuzz [-- --runs N --seed S]`: the fuzz suite at full size (more than 10,000 cases: N per property, four
// properties), on any platform. `npm test` runs the same suite with a few hundred cases.
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '2600' }, seed: { type: 'string' } } });
const env = { ...process.env, FUZZ_RUNS: values.runs, ...(values.seed ? { FUZZ_SEED: values.seed } : {}) };
console.log(
  `fuzz: ${values.runs} cases per property (${Number(values.runs) * 4} in all)${values.seed ? `, seed ${values.seed}` : ''}`,
);
const result = spawnSync('npx', ['vitest', 'run', '--project', 'integration', 'test/integration/fuzz.test.ts'], {
  stdio: 'inherit',
  env,
  shell: process.platform === 'win32',
});
process.exit(result.status ?? 1);
