import type { EventStore } from '@cctv/event-store';
import { permitDecider, permitStreamId, type PermitCommand, type PermitEvent, type PermitState } from '@cctv/issuance-domain';
import { decideAndAppend, type CommandContext } from '@cctv/nest-common';

/**
 * The one way anything writes to a permit: load its stream, let the decider
 * rule, append with the expected version. Every write of this service comes
 * from a reaction or the lapse sweep, never from an HTTP request, so this is a
 * plain function rather than a command-bus handler.
 */
export const executePermitCommand = async (
  store: EventStore,
  command: PermitCommand,
  context: CommandContext,
): Promise<{ events: readonly PermitEvent[]; state: PermitState }> =>
  decideAndAppend(store, permitDecider, permitStreamId(command.data.permitId), command, context);
