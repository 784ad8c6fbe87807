import { Menu, type MenuItemConstructorOptions } from 'electron';

export function buildMenu(actions: { openDocs: () => void }): Menu {
  const template: MenuItemConstructorOptions[] = [
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    { role: 'fileMenu' },
    { role: 'editMenu' },
    { role: 'viewMenu' },
    { role: 'windowMenu' },
    { role: 'help', submenu: [{ label: 'IBM Power documentation', click: actions.openDocs }] },
  ];
  return Menu.buildFromTemplate(template);
}
