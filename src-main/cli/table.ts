// Plain aligned text tables for the human-readable CLI output.
export function formatTable(headers: string[], rows: string[][], rightAligned: number[] = []): string {
  const widths = headers.map((header, column) =>
    Math.max(header.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, column) =>
        rightAligned.includes(column) ? cell.padStart(widths[column] ?? 0) : cell.padEnd(widths[column] ?? 0),
      )
      .join('  ')
      .trimEnd();
  return [line(headers), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line)].join('\n');
}

/** A figure for a table: "—" when missing, "*" after a user-entered one. */
export function formatFigure(figure: { value: number; provenance: { kind: string } } | null, digits = 1): string {
  if (!figure) return '—';
  return `${figure.value.toLocaleString('en-US', { maximumFractionDigits: digits })}${figure.provenance.kind === 'user' ? '*' : ''}`;
}
