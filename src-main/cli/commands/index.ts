import type { Command } from '../io';
import { catalogCommand } from './catalog';
import { serveCommand } from './serve';

/** Every command of the CLI, in the order `--help` lists them. */
export const commands: Command[] = [catalogCommand, serveCommand];
