import { schemaProblem } from '@cctv/contracts';
import type { InboxCheck } from './inbox-consumer';
import { PermanentMessageError } from './permanent-message.error';

/** Refuses events whose type is not published in the contracts, or whose data does not fit its schema. */
export const publishedSchemaCheck: InboxCheck = (event) => {
  const problem = schemaProblem(event.type, event.data);
  if (problem !== null) throw new PermanentMessageError(problem);
};
