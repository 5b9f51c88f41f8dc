import type { IntegrationEvent, UnionInstallationApprovedV1 } from '@cctv/contracts';
import { deterministicEventId, type RecordedEvent } from '@cctv/event-store';
import { DomainError, SYSTEM_ACTOR } from '@cctv/kernel';
import { decideAndAppend } from '@cctv/nest-common';
import { secretariatFileDecider, secretariatFileStreamId } from '@cctv/secretariat-domain';
import type { Reaction, RuntimeDeps } from '@cctv/service-runtime';

export const QUEUE_ON_UNION_APPROVAL = 'queue-on-union-approval';

type Log = (line: string) => void;

/**
 * The union's approval, received in our inbox, puts the file in the signing
 * queue. The runner may deliver an event again after a crash: the events get
 * ids derived from the approval's, so a second append is a recognised duplicate.
 */
export const queueOnUnionApproval = ({ store, clock }: Pick<RuntimeDeps, 'store' | 'clock'>, log: Log): Reaction => ({
  name: QUEUE_ON_UNION_APPROVAL,
  // Approvals of different files touch different streams: they may be queued at the same time.
  concurrencyKey(source: RecordedEvent): string {
    if (source.type !== 'union.InstallationApproved.v1') return '(ignored)';
    return secretariatFileStreamId((source.data as IntegrationEvent<string, UnionInstallationApprovedV1>).data.fileId);
  },
  async react(source: RecordedEvent): Promise<void> {
    if (source.type !== 'union.InstallationApproved.v1') return;
    const approval = (source.data as IntegrationEvent<string, UnionInstallationApprovedV1>).data;
    const now = clock.now();
    const command = {
      type: 'QueueForSigning',
      data: {
        fileId: approval.fileId,
        fileNumber: approval.fileNumber,
        premisesKind: approval.premisesKind,
        residential: approval.residential,
        cameraCount: approval.cameraCount,
        approvedAt: approval.at,
        ...(approval.ownerRef ? { ownerRef: approval.ownerRef } : {}),
        now,
      },
    } as const;
    try {
      await decideAndAppend(store, secretariatFileDecider, secretariatFileStreamId(approval.fileId), command, {
        metadata: {
          occurredAt: now.toISOString(),
          correlationId: source.metadata.correlationId,
          causationId: source.eventId,
          actor: SYSTEM_ACTOR,
        },
        eventIds: (i) => deterministicEventId(source.eventId, QUEUE_ON_UNION_APPROVAL, String(i)),
      });
    } catch (error) {
      if (error instanceof DomainError && error.kind === 'conflict') {
        log(`${QUEUE_ON_UNION_APPROVAL}: event ${source.eventId} (${source.type}) already handled: ${error.code}`);
        return;
      }
      throw error;
    }
  },
});
