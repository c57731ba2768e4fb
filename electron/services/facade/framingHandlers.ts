/** Contract handler of a shot's framing per aspect (shared/api/framing.ts): one undo step. */
import type { Handlers } from '../../../shared/api/contract.js';
import { FramingOps } from '../project/framing.js';
import type { Session } from './session.js';

export function framingHandlers(session: Session): Pick<Handlers, 'shots.setFraming'> {
  return {
    'shots.setFraming': ({ shotId, aspect, framing }) => {
      new FramingOps(session.require()).set(shotId, aspect, framing);
      return Promise.resolve(session.changed());
    },
  };
}
