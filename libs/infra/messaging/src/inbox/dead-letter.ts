import type { RawMessage, ReceivedMessage } from '../message-bus.port';

/** Where a dead letter came from and why, in headers: the value itself stays exactly as received. */
export const DEAD_LETTER_HEADERS = {
  sourceTopic: 'dlq-source-topic',
  sourcePartition: 'dlq-source-partition',
  sourceOffset: 'dlq-source-offset',
  reason: 'dlq-reason',
  consumer: 'dlq-consumer',
} as const;

export function deadLetterOf(message: ReceivedMessage, consumer: string, reason: string): RawMessage {
  return {
    key: message.key,
    value: message.value,
    headers: {
      ...message.headers,
      [DEAD_LETTER_HEADERS.sourceTopic]: message.topic,
      [DEAD_LETTER_HEADERS.sourcePartition]: String(message.partition),
      [DEAD_LETTER_HEADERS.sourceOffset]: message.offset,
      [DEAD_LETTER_HEADERS.reason]: reason,
      [DEAD_LETTER_HEADERS.consumer]: consumer,
    },
  };
}
