import { Logger } from '@nestjs/common';
import type { RecordedEvent } from '@cctv/event-store';
import type { Reaction, RuntimeDeps } from '@cctv/service-runtime';
import { permitNumbers } from '../permit/permit-numbers';
import type { SecretariatEventType } from './inbox-payload';
import { onInstallationPermitSigned } from './installation-permit-signed';
import { onOperationPermitGranted } from './operation-permit-granted';
import { onPermitRevoked } from './permit-revoked';
import type { ReactionContext } from './reaction-step';

// Part of every event id it derives: renaming it would make a re-run append its events again.
export const PERMIT_REGISTER_REACTION = 'secretariat-decisions';

const HANDLERS: Partial<Record<SecretariatEventType, (context: ReactionContext, source: RecordedEvent) => Promise<void>>> = {
  'secretariat.InstallationPermitSigned.v1': onInstallationPermitSigned,
  'secretariat.OperationPermitGranted.v1': onOperationPermitGranted,
  'secretariat.PermitRevoked.v1': onPermitRevoked,
};

/**
 * The register records what the secretariat decided. One reaction for the
 * three decisions, so that they are applied in the order the secretariat took
 * them: a revocation never overtakes the grant of the permit it revokes.
 */
export const permitRegisterReaction = (deps: RuntimeDeps, logger: ReactionContext['logger'] = new Logger(PERMIT_REGISTER_REACTION)): Reaction => {
  const context: ReactionContext = {
    reaction: PERMIT_REGISTER_REACTION,
    store: deps.store,
    clock: deps.clock,
    numbers: permitNumbers(deps.sequences),
    logger,
  };
  return {
    name: PERMIT_REGISTER_REACTION,
    async react(event) {
      await HANDLERS[event.type as SecretariatEventType]?.(context, event);
    },
  };
};
