import { Menu } from 'electron';
import { type MenuActions, menuTemplate } from './shell-config';

/** The application menu; a packaged build has no Reload or DevTools (see shell-config.ts). */
export function buildMenu(actions: MenuActions, packaged: boolean): Menu {
  return Menu.buildFromTemplate(menuTemplate(actions, { packaged, platform: process.platform }));
}
