import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commentText, csvCell, hmcSafe, shellQuote } from '../../../src-main/deploy';

const text = fc
  .string({
    unit: fc.oneof(
      fc.constantFrom("'", '"', '$', '`', '\\', '\n', ';', ',', '=', '!', '*', ' ', '\u2028', '{', '}'),
      fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }),
    ),
    maxLength: 40,
  })
  // A NUL cannot be a shell argument at all.
  .filter((value) => !value.includes('\0'));

describe('the encoders every export uses', () => {
  it('shellQuote: bash reads back exactly the text, whatever it holds', () => {
    const samples = fc.sample(text, { numRuns: 300, seed: 18 });
    const script = samples.map((sample) => `printf '%s\\0' ${shellQuote(sample)}`).join('\n');
    const output = execFileSync('bash', ['-c', script], { encoding: 'utf8' });
    expect(output.split('\0').slice(0, -1)).toEqual(samples);
  }, 60_000);

  it('hmcSafe: only letters, digits, . - _, starting with a letter or digit, within the limit', () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 1, max: 63 }), (value, max) => {
        const mapped = hmcSafe(value, max);
        if (mapped !== null) {
          expect(mapped).toMatch(/^[A-Za-z0-9][A-Za-z0-9._-]*$/);
          expect(mapped.length).toBeLessThanOrEqual(max);
        }
      }),
      { numRuns: 500, seed: 18 },
    );
    expect(hmcSafe('erp-db', 47)).toBe('erp-db');
    expect(hmcSafe('ｅｒｐ－ｄｂ', 47)).toBe('erp-db');
    expect(hmcSafe('数据库', 47)).toBeNull();
    expect(hmcSafe('Ärger, Büro', 47)).toBe('Arger_Buro');
  });

  it('commentText: never a line break of any kind', () => {
    fc.assert(
      fc.property(text, (value) => {
        expect(commentText(value)).not.toMatch(/[\n\r\u0085\u2028\u2029\v\f]/);
      }),
      { numRuns: 500, seed: 18 },
    );
  });

  it('csvCell: formula starts neutralised, quoting when needed', () => {
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-1')).toBe("'-1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('=HYPERLINK("x","y")')).toBe(`"'=HYPERLINK(""x"",""y"")"`);
    expect(csvCell(-1)).toBe('-1');
    expect(csvCell('a,b')).toBe('"a,b"');
    fc.assert(
      fc.property(text, (value) => {
        expect(csvCell(value).replace(/^"/, '')).not.toMatch(/^[=+\-@\t\r]/);
      }),
      { numRuns: 500, seed: 18 },
    );
  });
});
