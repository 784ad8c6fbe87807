// Reads where Chromium put each section of a printed report and adds a bookmark outline to the file.
// Chromium writes a named destination for every element id a link points at (the contents page links each
// section), so the page of each section is read from the PDF itself: no text search, no external tool. The outline is
// appended as an incremental update (ISO 32000-1, 7.5.6): the printed bytes stay as they are and a new catalog that
// points at the outline follows them. Tagged printing would give Chromium's own outline but costs more than the
// whole untagged print of a 100-server report.

interface PdfObjects {
  text: string;
  /** Byte offset of "N 0 obj" for each object number, from the cross-reference tables (newest definition). */
  offsets: Map<number, number>;
  root: number;
  trailer: string;
  startXref: number;
}

export interface PdfDestination {
  /** 1-based page number. */
  page: number;
  /** The destination array as written, e.g. `[343 0 R /XYZ 0 819.42 0]`. */
  target: string;
}

export interface OutlineEntry {
  title: string;
  /** Name of the destination (the section's element id). */
  destination: string;
}

/** Named destinations of a PDF with the page each one is on, or null when the file has none we can read. */
export function readDestinations(pdf: Uint8Array): Map<string, PdfDestination> | null {
  const objects = parseObjects(pdf);
  return objects ? destinationsOf(objects) : null;
}

function destinationsOf(objects: PdfObjects): Map<string, PdfDestination> | null {
  const catalog = dictionaryOf(objects, objects.root);
  const pagesRoot = reference(catalog, 'Pages');
  const destsRef = reference(catalog, 'Dests');
  if (pagesRoot === null || destsRef === null) return null;
  const pageNumbers = new Map<number, number>();
  collectPages(objects, pagesRoot, pageNumbers, new Set());
  const dests = dictionaryOf(objects, destsRef);
  const found = new Map<string, PdfDestination>();
  for (const match of dests.matchAll(/\/([^\s/[\]<>()]+)\s*(\[\s*(\d+)\s+\d+\s+R[^\]]*\])/g)) {
    const page = pageNumbers.get(Number(match[3]));
    if (page !== undefined) found.set(decodeName(match[1]!), { page, target: match[2]!.replace(/\s+/g, ' ') });
  }
  return found.size > 0 ? found : null;
}

/** Document properties a reader shows; the printer's own (a browser's user agent, Skia) are replaced. */
export interface PdfInfo {
  title: string;
  creator: string;
  producer: string;
}

/**
 * The same PDF with a flat bookmark outline of the given entries (those whose destination exists), opened with the
 * outline visible, and with the given document properties. Returns the input unchanged when the file's structure is
 * not one this reader understands.
 */
export function addOutline(pdf: Uint8Array, entries: OutlineEntry[], info?: PdfInfo): Uint8Array {
  const objects = parseObjects(pdf);
  if (!objects) return pdf;
  const destinations = destinationsOf(objects) ?? new Map<string, PdfDestination>();
  const items = entries.flatMap((entry) => {
    const destination = destinations.get(entry.destination);
    return destination ? [{ title: entry.title, target: destination.target }] : [];
  });
  if (items.length === 0 && !info) return pdf;

  const size = Number(/\/Size\s+(\d+)/.exec(objects.trailer)?.[1]);
  if (!Number.isInteger(size)) return pdf;
  const outlineRoot = size;
  const itemNumber = (index: number) => size + 1 + index;
  const bodies = new Map<number, string>();
  let next = size;
  if (items.length > 0) {
    bodies.set(
      outlineRoot,
      `<</Type /Outlines /First ${itemNumber(0)} 0 R /Last ${itemNumber(items.length - 1)} 0 R /Count ${items.length}>>`,
    );
    items.forEach((item, index) => {
      const links = [
        index > 0 ? `/Prev ${itemNumber(index - 1)} 0 R` : '',
        index < items.length - 1 ? `/Next ${itemNumber(index + 1)} 0 R` : '',
      ]
        .filter(Boolean)
        .join(' ');
      bodies.set(
        itemNumber(index),
        `<</Title ${pdfTextString(item.title)} /Parent ${outlineRoot} 0 R ${links} /Dest ${item.target}>>`,
      );
    });
    const catalog = dictionaryOf(objects, objects.root).replace(/\/(Outlines|PageMode)\s+(\d+\s+\d+\s+R|\/\w+)/g, '');
    bodies.set(objects.root, catalog.replace(/^<</, `<</Outlines ${outlineRoot} 0 R /PageMode /UseOutlines `));
    next = size + 1 + items.length;
  }
  let infoRef = /\/Info\s+(\d+\s+\d+\s+R)/.exec(objects.trailer)?.[1];
  if (info) {
    // The printer's dates stay; title, creator and producer become ours.
    const previous = infoRef ? dictionaryOf(objects, Number(infoRef.split(/\s+/)[0])) : '';
    const dates = [...previous.matchAll(/\/(CreationDate|ModDate)\s*(\([^)]*\)|<[0-9A-Fa-f]*>)/g)]
      .map((match) => `/${match[1]} ${match[2]}`)
      .join(' ');
    bodies.set(
      next,
      `<</Title ${pdfTextString(info.title)} /Creator ${pdfTextString(info.creator)} /Producer ${pdfTextString(info.producer)}${dates ? ` ${dates}` : ''}>>`,
    );
    infoRef = `${next} 0 R`;
    next += 1;
  }

  const base = pdf.byteLength;
  const separator = pdf[base - 1] === 0x0a ? '' : '\n';
  let update = separator;
  const offsets = new Map<number, number>();
  for (const [number, body] of [...bodies].sort(([a], [b]) => a - b)) {
    offsets.set(number, base + update.length);
    update += `${number} 0 obj\n${body}\nendobj\n`;
  }
  const xrefOffset = base + update.length;
  update += 'xref\n';
  // Subsections of consecutive object numbers; every entry is exactly 20 bytes.
  const numbers = [...offsets.keys()].sort((a, b) => a - b);
  for (let start = 0; start < numbers.length;) {
    let end = start;
    while (end + 1 < numbers.length && numbers[end + 1] === numbers[end]! + 1) end += 1;
    update += `${numbers[start]} ${end - start + 1}\n`;
    for (let index = start; index <= end; index += 1)
      update += `${String(offsets.get(numbers[index]!)).padStart(10, '0')} 00000 n \n`;
    start = end + 1;
  }
  update += `trailer\n<</Size ${next} /Root ${objects.root} 0 R${infoRef ? ` /Info ${infoRef}` : ''} /Prev ${objects.startXref}>>\nstartxref\n${xrefOffset}\n%%EOF\n`;

  // Titles are ASCII-safe already (hex strings), so latin1 round-trips every byte.
  const tail = Buffer.from(update, 'latin1');
  const out = new Uint8Array(base + tail.byteLength);
  out.set(pdf, 0);
  out.set(tail, base);
  return out;
}

function parseObjects(pdf: Uint8Array): PdfObjects | null {
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1');
  const startXref = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(text.slice(-64));
  if (!startXref) return null;
  const offsets = new Map<number, number>();
  let trailer: string | null = null;
  // Newest section first; an object keeps the offset of its newest definition. Cross-reference streams (PDF 1.5) are
  // not read: Chromium writes classic tables.
  for (let at: number | null = Number(startXref[1]), hops = 0; at !== null && hops < 64; hops += 1) {
    const section = readXrefSection(text, at);
    if (!section) return null;
    trailer ??= section.trailer;
    for (const [number, offset] of section.offsets) if (!offsets.has(number)) offsets.set(number, offset);
    const previous = /\/Prev\s+(\d+)/.exec(section.trailer);
    at = previous ? Number(previous[1]) : null;
  }
  if (trailer === null) return null;
  const root = Number(/\/Root\s+(\d+)\s+\d+\s+R/.exec(trailer)?.[1]);
  return Number.isInteger(root) ? { text, offsets, root, trailer, startXref: Number(startXref[1]) } : null;
}

function readXrefSection(text: string, at: number): { offsets: Map<number, number>; trailer: string } | null {
  if (!text.startsWith('xref', at)) return null;
  const trailerAt = text.indexOf('trailer', at);
  const trailerEnd = text.indexOf('startxref', trailerAt);
  if (trailerAt < 0 || trailerEnd < 0) return null;
  const offsets = new Map<number, number>();
  let next = 0;
  for (const line of text.slice(at + 4, trailerAt).split(/\r\n|\r|\n/)) {
    const entry = /^(\d{10}) (\d{5}) ([nf])/.exec(line);
    const header = /^(\d+) (\d+)\s*$/.exec(line);
    if (entry) {
      if (entry[3] === 'n') offsets.set(next, Number(entry[1]));
      next += 1;
    } else if (header) {
      next = Number(header[1]);
    }
  }
  return { offsets, trailer: text.slice(trailerAt, trailerEnd) };
}

/** The dictionary text of an object (up to its stream, if any). */
function dictionaryOf(objects: PdfObjects, number: number): string {
  const at = objects.offsets.get(number);
  const header =
    at === undefined ? null : new RegExp(`^${number}\\s+\\d+\\s+obj`).exec(objects.text.slice(at, at + 32));
  if (at === undefined || !header) return '';
  const start = at + header[0].length;
  const end = objects.text.indexOf('endobj', start);
  const body = objects.text.slice(start, end < 0 ? undefined : end);
  const stream = body.indexOf('stream');
  return (stream < 0 ? body : body.slice(0, stream)).trim();
}

function reference(dictionary: string, key: string): number | null {
  const match = new RegExp(`/${key}\\s+(\\d+)\\s+\\d+\\s+R`).exec(dictionary);
  return match ? Number(match[1]) : null;
}

function collectPages(objects: PdfObjects, node: number, pages: Map<number, number>, seen: Set<number>): void {
  if (seen.has(node)) return;
  seen.add(node);
  const dictionary = dictionaryOf(objects, node);
  const kids = /\/Kids\s*\[([^\]]*)\]/.exec(dictionary);
  if (/\/Type\s*\/Pages\b/.test(dictionary) && kids) {
    for (const kid of kids[1]!.matchAll(/(\d+)\s+\d+\s+R/g)) collectPages(objects, Number(kid[1]), pages, seen);
  } else if (/\/Type\s*\/Page\b/.test(dictionary)) {
    pages.set(node, pages.size + 1);
  }
}

function decodeName(name: string): string {
  const bytes = Buffer.from(
    name.replace(/#([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))),
    'latin1',
  );
  return bytes.toString('utf8');
}

/** A PDF text string in UTF-16BE with its byte-order mark, written in hex (any script, no escaping). */
function pdfTextString(text: string): string {
  let hex = 'FEFF';
  for (let index = 0; index < text.length; index += 1)
    hex += text.charCodeAt(index).toString(16).padStart(4, '0').toUpperCase();
  return `<${hex}>`;
}
