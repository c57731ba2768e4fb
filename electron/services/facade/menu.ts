/**
 * `menu.set`: the renderer's description of the native menu (shared/api/menu.ts), handed
 * to the host that has one (Electron main builds the Menu); elsewhere nothing to apply.
 */
import type { Handlers } from '../../../shared/api/contract.js';
import type { MenuDescription } from '../../../shared/api/menu.js';

export function menuHandlers(opts: { setMenu?: (menu: MenuDescription) => void }): Pick<Handlers, 'menu.set'> {
  return {
    'menu.set': async (menu) => {
      if (!opts.setMenu) return { applied: false };
      opts.setMenu(menu);
      return { applied: true };
    },
  };
}
