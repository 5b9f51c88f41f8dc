import type { IntegrationEvent, SecretariatEventsV1 } from '@cctv/contracts';
import type { RecordedEvent } from '@cctv/event-store';

export type SecretariatEventType = keyof SecretariatEventsV1;

/** An inbox event keeps the whole envelope as its data; the secretariat's payload is inside it. */
export const secretariatPayload = <T extends SecretariatEventType>(event: RecordedEvent, _type: T): SecretariatEventsV1[T] =>
  (event.data as IntegrationEvent<T, SecretariatEventsV1[T]>).data;
