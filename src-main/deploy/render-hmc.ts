// The design as HMC commands: one `mksyscfg -r lpar` per partition, VIOS before the clients they serve.
import { type Language, type Message, formatMessage, msg } from '../common';
import { attributeList, lparAttributes } from './attributes';
import { implementationChecklist } from './checklist';
import type { Design } from './design';
import { commentText, shellQuote } from './encode';

/** Comment lines stay under this width (ansible-lint's yaml[line-length] allows 160). */
const COMMENT_WIDTH = 140;

/** Breaks a line at spaces (or anywhere, for text without them) into pieces of at most `width` characters. */
function wrap(text: string, width: number): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > width) {
    const space = rest.lastIndexOf(' ', width);
    const cut = space > width / 2 ? space : width;
    pieces.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  return [...pieces, rest];
}

/** `# text` lines; text from messages and names is made single-line first, then wrapped. */
export function commentLines(messages: readonly Message[], language: Language, prefix = ''): string[] {
  return messages.flatMap((message) =>
    wrap(commentText(formatMessage(message, language)), COMMENT_WIDTH).map(
      (piece, index) => `# ${index === 0 ? prefix : ' '.repeat(prefix.length)}${piece}`,
    ),
  );
}

export function nameMappingLines(design: Design, language: Language): string[] {
  const renamed = design.names.filter((name) => name.original !== name.hmcName);
  if (renamed.length === 0) return [];
  return commentLines(
    [
      msg('deploy.names-heading'),
      ...renamed.map(({ serverId, hmcName, original }) =>
        msg('deploy.name-mapping', { server: serverId, hmcName, original: JSON.stringify(original) }),
      ),
    ],
    language,
  );
}

export function renderHmcScript(design: Design, language: Language = 'en'): string {
  const lines = [
    '#!/bin/sh',
    ...commentLines(
      [msg('deploy.script-title', { plan: design.planName }), msg('deploy.script-run'), msg('deploy.script-slots')],
      language,
    ),
    ...nameMappingLines(design, language),
    'set -e',
    '',
  ];
  for (const server of design.servers) {
    lines.push(
      ...commentLines(
        [
          msg('deploy.server-heading', {
            server: server.serverId,
            system: server.systemName,
            model: server.modelName,
            mtm: server.model,
            cores: server.activeCores,
            memoryMB: server.installedMB,
            lmb: server.lmbMiB,
          }),
        ],
        language,
      ),
      ...commentLines([...server.notes, ...server.partitions.flatMap((partition) => partition.notes)], language, '  '),
      `SYSTEM=${shellQuote(server.systemName)}`,
    );
    for (const partition of server.partitions) {
      lines.push(`mksyscfg -r lpar -m "$SYSTEM" -i ${shellQuote(attributeList(lparAttributes(partition)))}`);
    }
    lines.push('');
  }
  lines.push(
    ...commentLines([msg('deploy.checklist-title')], language),
    ...commentLines(implementationChecklist(design), language, '- '),
  );
  return `${lines.join('\n')}\n`;
}
