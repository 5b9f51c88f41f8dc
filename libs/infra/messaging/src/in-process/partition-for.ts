/**
 * The partition of a key: a stable hash, so one key always lands in one
 * partition and keeps its order. (Kafka's murmur2 is not needed in-process:
 * only stability matters.) Keyless messages go to partition 0.
 */
export function partitionFor(key: string | null, partitions: number): number {
  if (key === null) return 0;
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % partitions;
}
