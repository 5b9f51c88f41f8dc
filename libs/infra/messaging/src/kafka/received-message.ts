import type { KafkaMessage } from 'kafkajs';
import type { ReceivedMessage } from '../message-bus.port';

type HeaderValue = Buffer | string | (Buffer | string)[] | undefined;

const headerText = (value: HeaderValue): string | undefined => {
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined ? undefined : first.toString();
};

export function toReceivedMessage(topic: string, partition: number, message: KafkaMessage): ReceivedMessage {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(message.headers ?? {})) {
    const text = headerText(value);
    if (text !== undefined) headers[name] = text;
  }
  return {
    topic,
    partition,
    offset: message.offset,
    key: message.key === null ? null : message.key.toString(),
    value: message.value,
    headers,
  };
}
