// `npm test`: typecheck, lint, build, then every vitest project (unit, renderer, integration, e2e).
// Ends with a plain "N passed, N failed" line that CI reads, since vitest's own summary is not read there.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';

const steps = [
  ['typecheck (main)', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.node.json']],
  ['typecheck (renderer)', 'npx', ['vue-tsc', '--noEmit', '-p', 'tsconfig.web.json']],
  ['lint', 'npx', ['eslint', '.', '--max-warnings', '0']],
  ['format', 'npx', ['prettier', '--check', '.']],
  ['build', 'npx', ['electron-vite', 'build']],
];

let passed = 0;
let failed = 0;
const failures = [];
const only = process.argv.slice(2);

for (const [name, command, args] of steps) {
  if (only.includes('--tests-only')) break;
  console.log(`\n=== ${name}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: process.env });
  if (result.status === 0) passed += 1;
  else {
    failed += 1;
    failures.push(name);
  }
}

const resultsFile = '.vitest-results.json';
rmSync(resultsFile, { force: true });
console.log('\n=== tests: vitest run');
const vitest = spawnSync(
  'npx',
  ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${resultsFile}`],
  {
    stdio: 'inherit',
    env: process.env,
  },
);
if (existsSync(resultsFile)) {
  const report = JSON.parse(readFileSync(resultsFile, 'utf8'));
  passed += report.numPassedTests ?? 0;
  failed += report.numFailedTests ?? 0;
  // A suite that fails to load has no failed test but is a failure all the same.
  const brokenSuites = (report.testResults ?? []).filter(
    (suite) => suite.status === 'failed' && (suite.assertionResults ?? []).length === 0,
  );
  for (const suite of brokenSuites) {
    failed += 1;
    failures.push(`suite ${suite.name}: ${(suite.message ?? '').split('\n')[0]}`);
  }
  if ((report.numFailedTests ?? 0) > 0) failures.push(`${report.numFailedTests} test(s)`);
} else {
  failed += 1;
  failures.push('vitest produced no report');
}
if (vitest.status !== 0 && failed === 0) {
  failed += 1;
  failures.push(`vitest exited with ${vitest.status}`);
}

if (failures.length > 0) console.log(`\nFailed: ${failures.join('; ')}`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
