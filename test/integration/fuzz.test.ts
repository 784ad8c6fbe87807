// Fuzzing hostile input: plan files, spreadsheets, nmon files and IPC payloads. Every case must end with a result
// or a message that names the field (or file) and the reason: never a crash, a stack, an internal error, a hang or a
// lost file. `npm test` runs a few hundred cases; `npm run fuzz` (FUZZ_RUNS) runs more than ten thousand.
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppServices, createAppServices } from '../../src-main/ipc';
import { AppError, ErrorCode } from '../../src-main/common';
import { importFiles, renderMessage } from '../../src-main/import';
import { CHANNELS } from '../../src-main/ipc/channels';
import { dispatch } from '../../src-main/ipc/dispatch';
import { PlanFile, guessMapping, parsePlanText, parseTable, rowToWorkload } from '../../src-main/plan';
import { writePlanFile } from '../../src-main/platform';
import { resourcesDir, tempDir } from '../support/temp';
import { workloadWorkbook } from '../support/workbooks';
import { fixturePlanInput } from '../support/plans';

/** Cases per property: a few hundred in all under `npm test`, thousands each under `npm run fuzz`. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 60);
const SEED = Number(process.env.FUZZ_SEED ?? 20261203);
const TIMEOUT = Math.max(60_000, RUNS * 200);
const settings = { numRuns: RUNS, seed: SEED, endOnFailure: true } as const;

const STACK = /\n\s+at |\bat .*\.(ts|js):\d+/;

/** A refusal a user can act on: a known code, a message that is not empty, not a stack, not an internal error. */
function expectUsableRefusal(error: unknown, context: string): void {
  expect(error, context).toBeInstanceOf(AppError);
  const appError = error as AppError;
  expect(ErrorCode.options, context).toContain(appError.code);
  expect(appError.code, `${context}: ${appError.message}`).not.toBe('internal');
  expect(appError.message.length, context).toBeGreaterThan(5);
  expect(appError.message, context).not.toMatch(STACK);
}

/** Every number a plan holds is finite: nothing downstream can print Infinity or NaN. */
function expectFinite(value: unknown, path = 'plan'): void {
  if (typeof value === 'number') expect(Number.isFinite(value), path).toBe(true);
  else if (Array.isArray(value)) value.forEach((each, index) => expectFinite(each, `${path}[${index}]`));
  else if (value && typeof value === 'object')
    for (const [key, each] of Object.entries(value)) expectFinite(each, `${path}.${key}`);
}

/** A valid plan with one workload of each kind of processor demand, the start of every mutation. */
const VALID_PLAN = fixturePlanInput('mixed-v2');

/** Values a hostile or careless file holds: extremes, wrong types, deep nesting, hostile strings. */
const hostileValue = fc.oneof(
  fc.constantFrom(1e308, -1e308, 1e-320, 0, -0, -1, 2 ** 53, 1_000_000, Number.MAX_SAFE_INTEGER, 0.1 + 0.2),
  fc.double(),
  fc.integer(),
  fc.string({ maxLength: 40 }),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    "a'; touch pwned; echo '",
    '$(rm -rf /)',
    'f,lpar_env=vioserver',
    '=1+1',
    '1,024',
    '1e999',
    '__proto__',
    'constructor',
  ),
  fc.constant(null),
  fc.boolean(),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.integer(), { maxKeys: 3 }),
  fc.anything({ maxDepth: 3 }),
);

/** One edit of a plan: set, delete or add a key anywhere (path chosen through the existing structure). */
const planMutation = fc.record({
  steps: fc.array(fc.nat(), { minLength: 1, maxLength: 4 }),
  value: hostileValue,
  action: fc.constantFrom('set', 'delete', 'add'),
});

function mutate(plan: unknown, mutation: { steps: number[]; value: unknown; action: string }): unknown {
  const copy = JSON.parse(JSON.stringify(plan)) as Record<string, unknown>;
  let node: Record<string, unknown> | unknown[] = copy;
  for (const [depth, step] of mutation.steps.entries()) {
    const keys = Object.keys(node);
    if (keys.length === 0) break;
    const key = keys[step % keys.length]!;
    const child = (node as Record<string, unknown>)[key];
    const last = depth === mutation.steps.length - 1 || child === null || typeof child !== 'object';
    if (last) {
      if (mutation.action === 'delete') Reflect.deleteProperty(node, key);
      else if (mutation.action === 'add') (node as Record<string, unknown>)[`unknown_${step}`] = mutation.value;
      else (node as Record<string, unknown>)[key] = mutation.value;
      break;
    }
    node = child as Record<string, unknown>;
  }
  return copy;
}

describe('fuzzing hostile input', () => {
  let services: AppServices;
  let dir: string;
  beforeAll(async () => {
    dir = await tempDir('pvs-fuzz-');
    services = await createAppServices({
      userDataDir: join(dir, 'data'),
      resourcesDir,
      appVersion: 'fuzz',
      transport: 'browser',
    });
  });
  afterAll(async () => {
    await services?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it(
    'plan files: a plan or a message naming the field, and a saved plan is never lost',
    async () => {
      const planPath = join(dir, 'kept.pvsplan');
      const kept = PlanFile.parse(VALID_PLAN);
      await writePlanFile(planPath, kept);
      await fc.assert(
        fc.asyncProperty(planMutation, fc.boolean(), async (mutation, asText) => {
          const mutated = mutate(VALID_PLAN, mutation);
          // Half the cases go through text that a JSON writer would not produce (1e999, trailing garbage).
          const text = asText
            ? JSON.stringify(mutated).replace(/1e\+308/g, '1e999')
            : `${JSON.stringify(mutated)}${mutation.steps[0]! % 5 === 0 ? '}' : ''}`;
          try {
            const plan = parsePlanText(text, 'fuzz.pvsplan');
            expectFinite(plan);
            // A valid plan saves and reads back the same; the previous file is replaced whole, never half-written.
            await writePlanFile(planPath, plan);
            expect(parsePlanText(await readFile(planPath, 'utf8'))).toEqual(plan);
          } catch (error) {
            expectUsableRefusal(error, text.slice(0, 300));
            // A refusal names where: `workloads[0].memoryGiB: ...`, `version: ...`, or the JSON position.
            expect((error as AppError).message, text.slice(0, 300)).toMatch(
              /^fuzz\.pvsplan(: (plan|[\w$]+)[^\n]*: | is not valid JSON)/,
            );
          }
        }),
        settings,
      );
      expect((await readdir(dir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    },
    TIMEOUT,
  );

  it(
    'spreadsheets: random text in any encoding and damaged workbooks give rows or a message naming the file',
    async () => {
      const workbook = await workloadWorkbook(20);
      const csvCell = fc.oneof(
        fc.string({ maxLength: 12 }),
        fc.constantFrom(
          '1,024',
          '1.234,5',
          '45%',
          '"quoted, cell"',
          '"never closed',
          'IBM i 7.4',
          'S824',
          '\t',
          '\r\n',
          '\u0000',
        ),
      );
      const csvText = fc
        .array(fc.array(csvCell, { minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 12 })
        .map((rows) => rows.map((cells) => cells.join(';')).join('\n'));
      const encoded = fc
        .tuple(csvText, fc.constantFrom('utf-8', 'utf-16le', 'latin1', 'bom'))
        .map(([text, encoding]) => {
          if (encoding === 'bom') return new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from(text, 'utf8')]);
          return new Uint8Array(
            Buffer.from(encoding === 'utf-16le' ? `\ufeff${text}` : text, encoding as BufferEncoding),
          );
        });
      const damagedWorkbook = fc
        .array(fc.tuple(fc.nat(workbook.length - 1), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 20 })
        .map((edits) => {
          const copy = new Uint8Array(workbook);
          for (const [at, byte] of edits) copy[at] = byte;
          return copy;
        });
      const input = fc.oneof(
        fc.tuple(fc.constant('table.csv'), encoded),
        fc.tuple(fc.constant('table.csv'), fc.uint8Array({ maxLength: 2000 })),
        fc.tuple(fc.constant('table.xlsx'), damagedWorkbook),
        fc.tuple(
          fc.constantFrom('table.xlsx', 'table.txt', 'table.xls', 'table.exe'),
          fc.uint8Array({ maxLength: 300 }),
        ),
      );
      await fc.assert(
        fc.asyncProperty(input, async ([fileName, bytes]) => {
          try {
            const table = await parseTable(fileName, bytes);
            const mapping = guessMapping(table.headers);
            for (const cells of table.rows.slice(0, 50)) {
              const result = rowToWorkload(cells, mapping, 'row', { decimal: null });
              for (const problem of result.problems) expect(problem, problem).toMatch(/^[\w.[\]]+: /);
              if (result.problems.length === 0) expectFinite(result.workload);
            }
          } catch (error) {
            expectUsableRefusal(error, `${fileName} (${bytes.length} bytes)`);
          }
        }),
        settings,
      );
    },
    TIMEOUT,
  );

  it(
    'nmon files: damaged lines give measurements or a damaged file with its reason; the import never throws',
    async () => {
      const nmonDir = join(dir, 'nmon');
      await mkdir(nmonDir, { recursive: true });
      const header = [
        'AAA,progname,topas_nmon',
        'AAA,host,lpar1',
        'AAA,MachineType,IBM,9009-42A',
        'AAA,interval,300',
        'LPAR,Logical Partition lpar1,PhysicalCPU,virtualCPUs,logicalCPUs,poolCPUs,entitled',
      ];
      const sample = fc
        .tuple(fc.integer({ min: 1, max: 400 }), fc.double({ min: 0, max: 8, noNaN: true }))
        .map(([index, cores]) => {
          const tag = `T${String(index).padStart(4, '0')}`;
          return [
            `ZZZZ,${tag},10:${String(index % 60).padStart(2, '0')}:00,25-NOV-2026`,
            `LPAR,${tag},${cores.toFixed(3)},4,16,16,2.0`,
          ];
        });
      const damage = fc.oneof(
        fc.string({ maxLength: 60 }),
        fc.constantFrom('LPAR,T01 0,1,2', 'ZZZZ,T0005', '\u0000\u0000\u0000', 'LPAR', ',,,,', 'AAA,interval,-1'),
      );
      const file = fc
        .tuple(fc.array(sample, { maxLength: 30 }), fc.array(fc.tuple(fc.nat(60), damage), { maxLength: 6 }))
        .map(([samples, damages]) => {
          const lines = [...header, ...samples.flat()];
          for (const [at, text] of damages) lines.splice(at % (lines.length + 1), 0, text);
          return lines.join('\n');
        });
      let index = 0;
      await fc.assert(
        fc.asyncProperty(file, async (text) => {
          const path = join(nmonDir, `case-${(index += 1)}.nmon`);
          await writeFile(path, text);
          try {
            const result = await importFiles([path]);
            for (const damaged of result.damaged) {
              const reason = renderMessage(damaged.reason);
              expect(reason.length, reason).toBeGreaterThan(5);
              expect(reason, reason).not.toMatch(STACK);
            }
            expect(result.measurements.length + result.damaged.length, text.slice(0, 200)).toBeGreaterThan(0);
          } catch (error) {
            expectUsableRefusal(error, text.slice(0, 300));
          } finally {
            await rm(path, { force: true });
          }
        }),
        settings,
      );
    },
    TIMEOUT,
  );

  it(
    'IPC payloads: every channel answers the envelope with a result or a usable refusal',
    async () => {
      const readOnly = CHANNELS.filter(
        (channel) => !['report.export', 'solver.solve', 'editions.compare', 'deploy.export'].includes(channel),
      );
      const payload = fc.oneof(
        hostileValue,
        fc.dictionary(
          fc.constantFrom(
            'plan',
            'path',
            'jobId',
            'fileName',
            'contentBase64',
            'id',
            'modelId',
            'field',
            'value',
            'text',
            'data',
            'price',
          ),
          hostileValue,
          { maxKeys: 4 },
        ),
        planMutation.map((mutation) => ({ plan: mutate(VALID_PLAN, mutation) })),
      );
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...readOnly), payload, async (channel, input) => {
          const reply = await dispatch(services.handlers, channel, input, { emit: () => undefined });
          if (reply.ok) {
            expectFinite(reply.value, channel);
            return;
          }
          expect(ErrorCode.options, channel).toContain(reply.error.code);
          expect(reply.error.code, `${channel}: ${reply.error.message}`).not.toBe('internal');
          expect(reply.error.message.length, channel).toBeGreaterThan(5);
          expect(reply.error.message, channel).not.toMatch(STACK);
        }),
        settings,
      );
      // The app still answers a normal call afterwards.
      expect(await dispatch(services.handlers, 'app.info', {}, { emit: () => undefined })).toMatchObject({ ok: true });
    },
    TIMEOUT,
  );
});
