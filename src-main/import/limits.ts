// Bounds on what one import reads, so hostile or broken input ends with a message instead of exhausting memory,
// disk or patience. Documented for users in docs/measurement-import.md; change both together.
export const LIMITS = {
  /** A longer line is skipped and counted (nmon's longest real lines, 150 disks per line, stay under 4 KiB). */
  maxLineBytes: 1024 * 1024,
  /** One measurement file (after unpacking). A month of one-minute nmon for a large LPAR is about 3 GB. */
  maxFileBytes: 8 * 1024 ** 3,
  /** Entries read from one zip archive. */
  maxZipEntries: 100_000,
  /** Bytes one zip archive may expand to in total. */
  maxZipExpandedBytes: 32 * 1024 ** 3,
  /**
   * Expansion ratio (unpacked / packed) above which a zip entry is taken for a zip bomb. nmon text compresses
   * 10 to 40 times; a bomb expands a thousand times and more.
   */
  maxZipRatio: 200,
  /** Below this size an entry's ratio is not judged (tiny files compress oddly). */
  zipRatioFloorBytes: 1024 * 1024,
  /** Samples kept for one LPAR over all its files: ten years of one-minute samples. */
  maxSamplesPerLpar: 6_000_000,
} as const;
