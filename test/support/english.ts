// Finds English sentences in text that should be Simplified Chinese. A run of Latin words counts as a sentence when it
// holds two or more English function words ("no price entered for the…"); names, model numbers and units
// ("Power E1050 · 36 核 · 3.35 GHz", "IBM i", "rPerf") hold none and pass. Text the caller knows to be user data
// (plan and workload names) is removed first.
const FUNCTION_WORDS = new Set([
  'a',
  'an',
  'the',
  'of',
  'to',
  'for',
  'and',
  'or',
  'not',
  'no',
  'is',
  'are',
  'was',
  'be',
  'by',
  'with',
  'on',
  'in',
  'at',
  'this',
  'that',
  'it',
  'its',
  'has',
  'have',
  'can',
  'cannot',
  'per',
  'from',
  'as',
  'than',
  'then',
  'there',
  'where',
  'which',
  'what',
  'when',
  'each',
  'every',
  'all',
  'any',
  'more',
  'fewer',
  'less',
  'enter',
  'choose',
  'open',
  'save',
]);

export function englishSentences(text: string, userData: readonly string[] = []): string[] {
  let rest = text;
  for (const value of [...userData].sort((a, b) => b.length - a.length)) if (value) rest = rest.split(value).join(' ');
  const runs = rest.match(/[A-Za-z][A-Za-z'’-]*(?:[ ,;:]+[A-Za-z][A-Za-z'’-]*){2,}/g) ?? [];
  return runs.filter(
    (run) =>
      run
        .toLowerCase()
        .split(/[ ,;:]+/)
        .filter((word) => FUNCTION_WORDS.has(word)).length >= 2,
  );
}
