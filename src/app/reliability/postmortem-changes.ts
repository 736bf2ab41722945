import type { ProgramId } from '../../domain/ids.js';
import type { ActionItemState, Postmortem } from '../../domain/incident.js';
import type { ProgramModel } from '../../domain/program-model.js';
import { err, ok, type Result } from '../../domain/result.js';
import type { ChangeMeta, ProgramStore } from '../../store/program-store.js';
import { createEntity, type ReliabilityEditError, rewriteEntity, type Saved } from './incident-edit.js';

/**
 * Saves a new post-mortem. Its action items become tracked work items in the same change set
 * (`<post-mortem>-<action>`, level 1 or 2, tagged postmortem; see action-item-sync.ts): the value
 * returned is the post-mortem as saved.
 */
export function createPostmortem(
  store: ProgramStore,
  programId: ProgramId,
  postmortem: unknown,
  meta: ChangeMeta,
): Promise<Result<Saved<Postmortem>, ReliabilityEditError>> {
  return createEntity<Postmortem>(store, programId, 'postmortem', postmortem, meta);
}

/** Moves one action item (open, in-progress, done, cancelled); its tracked work item follows. */
export function setActionItemState(
  store: ProgramStore,
  programId: ProgramId,
  postmortemId: string,
  actionId: string,
  state: ActionItemState,
  meta: ChangeMeta,
  ifMatch?: string,
): Promise<Result<Saved<Postmortem>, ReliabilityEditError>> {
  return rewriteEntity(
    store,
    programId,
    'postmortem',
    (m: ProgramModel) => m.postmortems,
    postmortemId,
    (pm) => {
      if (!pm.actionItems.some((a) => a.id === actionId)) {
        return err({
          kind: 'invalid',
          errors: [
            {
              field: 'actionItems',
              message: `post-mortem ${pm.id} has no action item "${actionId}"; its action items: ${pm.actionItems.map((a) => a.id).join(', ') || 'none'}`,
            },
          ],
        });
      }
      return ok({ ...pm, actionItems: pm.actionItems.map((a) => (a.id === actionId ? { ...a, state } : a)) });
    },
    meta,
    ifMatch,
  );
}
