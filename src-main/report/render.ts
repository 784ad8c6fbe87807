// Renders a report model in one of the four formats; PDF through the printer it is given.
import { renderCsv } from './csv';
import { renderHtml } from './html';
import { addOutline, readDestinations } from './pdf-outline';
import { REPORT_TEXT } from './i18n';
import type { ReportModel } from './model';
import type { PdfPrinter } from './pdf';
import { renderXlsx } from './xlsx';

import { REPORT_FORMATS, type ReportFormat } from '../common';

export function formatFromPath(path: string): ReportFormat | null {
  const extension = /\.([^./\\]+)$/.exec(path)?.[1]?.toLowerCase() ?? '';
  return (REPORT_FORMATS as readonly string[]).includes(extension) ? (extension as ReportFormat) : null;
}

export async function renderReport(
  model: ReportModel,
  format: ReportFormat,
  printer: PdfPrinter,
): Promise<Uint8Array | string> {
  switch (format) {
    case 'html':
      return renderHtml(model);
    case 'csv':
      return renderCsv(model);
    case 'xlsx':
      return renderXlsx(model);
    case 'pdf': {
      const text = REPORT_TEXT[model.options.language];
      const html = renderHtml(model);
      const sections = [...html.matchAll(/<section id="([^"]+)" data-title="([^"]*)"/g)].map((match) => ({
        id: match[1]!,
        title: unescapeHtml(match[2]!),
      }));
      const printed = await printer({
        html,
        footer: { page: text.page, of: text.of, after: text.pageAfter },
        locateSections: (draft) => {
          const destinations = readDestinations(draft);
          if (!destinations) return null;
          const pages = Object.fromEntries(
            sections.flatMap((section) =>
              destinations.has(section.id) ? [[section.id, destinations.get(section.id)!.page]] : [],
            ),
          );
          return Object.keys(pages).length === sections.length ? pages : null;
        },
        withPages: (tocPages) => renderHtml({ ...model, options: { ...model.options, tocPages } }),
      });
      const info = { title: `${text.title}: ${model.planName}`, creator: 'PowerVM Sizer', producer: 'PowerVM Sizer' };
      return addOutline(
        printed,
        sections.map((section) => ({ title: section.title, destination: section.id })),
        info,
      );
    }
  }
}

function unescapeHtml(text: string): string {
  return text.replace(
    /&(amp|lt|gt|quot|#39);/g,
    (_, entity: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[entity] ?? _,
  );
}
