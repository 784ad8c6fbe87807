import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatMessage, hasMessage } from '../../../src-main/common';
import { solvePlan } from '../../../src-main/solver/solve';
import { generatePlan } from '../../bench/families';
import { repoRoot } from '../../support/browser-app';
import { shippedSnapshot } from '../../support/plans';

const solverDir = join(repoRoot, 'src-main', 'solver');

describe('solver messages', () => {
  it('use only codes the catalogs define (literal codes and every variant of a templated one)', () => {
    const codes = new Set<string>();
    for (const file of readdirSync(solverDir).filter((name) => name.endsWith('.ts'))) {
      const text = readFileSync(join(solverDir, file), 'utf8');
      for (const match of text.matchAll(/'(solver\.[a-z0-9.-]+)'/g)) codes.add(match[1]!);
      for (const match of text.matchAll(/`(solver\.[a-z0-9.-]+)\$\{/g)) codes.add(`${match[1]!}*`);
    }
    expect(codes.size).toBeGreaterThan(40);
    for (const code of codes) {
      if (code.endsWith('*') || code.endsWith('.')) continue;
      expect(hasMessage(code), code).toBe(true);
    }
    for (const tier of ['small', 'large', 'ssp']) expect(hasMessage(`solver.vios.tier-${tier}`)).toBe(true);
    for (const reason of ['size', 'redundancy', 'time-of-day'])
      expect(hasMessage(`solver.proof.not-run-${reason}`)).toBe(true);
  });

  it('render every message of real answers in both languages, with no placeholder left and no English in Chinese', async () => {
    const catalog = await shippedSnapshot();
    for (const plan of [generatePlan('ibmi-mix', 12), generatePlan('n+1', 8), generatePlan('mixed-sources', 10)]) {
      const solution = await solvePlan(plan, catalog, { exactSeconds: 1, recombineSeconds: 1 });
      const messages = [
        ...solution.warnings,
        ...(solution.explanations ?? []),
        ...solution.unplaced.flatMap((entry) => [entry.reason, ...entry.details]),
        ...solution.alternatives.map((alternative) => alternative.description),
        ...solution.servers.flatMap((server) => [
          ...(server.explanation ?? []),
          ...server.partitions.flatMap((partition) => partition.explanation ?? []),
        ]),
        ...(solution.comparison ? [solution.comparison.reason] : []),
      ];
      expect(messages.length).toBeGreaterThan(5);
      for (const message of messages) {
        expect(hasMessage(message.code), message.code).toBe(true);
        const chinese = formatMessage(message, 'zh-CN');
        expect(chinese, message.code).not.toMatch(/\{[a-zA-Z]+\}/);
        // Model names, units and abbreviations stay Latin; a run of three English words does not.
        expect(chinese, message.code).not.toMatch(/\b(the|and|with|of|is|are)\b \w+ \w+/);
      }
    }
  });
});
