import type { Command } from '../io';
import { catalogCommand } from './catalog';
import { editionsCommand } from './editions';
import { importCommand } from './import';
import { serveCommand } from './serve';
import { sizeCommand } from './size';
import { validateCommand } from './validate';

/** Every command of the CLI, in the order `--help` lists them. */
export const commands: Command[] = [
  catalogCommand,
  validateCommand,
  sizeCommand,
  editionsCommand,
  importCommand,
  serveCommand,
];
