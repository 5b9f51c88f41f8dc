import { ArgumentMetadata, BadRequestException, PipeTransform } from '@nestjs/common';

const MAX_DEPTH = 32;
// PostgreSQL text and jsonb cannot hold NUL, and a lone UTF-16 surrogate is not text at all.
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const refuse = (field: string, message: string, messageFa: string) =>
  new BadRequestException({ error: 'validation-failed', field, message: `${field}: ${message}`, messageFa: `${field}: ${messageFa}` });

/** The first place in a request value that could never be stored; walks at most MAX_DEPTH levels. */
const check = (value: unknown, path: string, depth: number): void => {
  if (typeof value === 'string') {
    if (UNSTORABLE.test(value)) throw refuse(path || 'value', 'contains a NUL character or broken Unicode', 'دارای نویسه نامعتبر است');
    return;
  }
  if (value === null || typeof value !== 'object') return;
  if (depth >= MAX_DEPTH) throw refuse(path || 'body', `nested deeper than ${MAX_DEPTH} levels`, 'ساختار آن بیش از حد تودرتو است');
  for (const [key, inner] of Object.entries(value)) {
    check(key, path, depth + 1);
    check(inner, path ? `${path}.${key}` : key, depth + 1);
  }
};

/**
 * Runs before validation on bodies, queries and path parameters: what the
 * database could not store is a 400 naming the field, never a 500 later on.
 */
export class StorableInputPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type === 'body' || metadata.type === 'query' || metadata.type === 'param') {
      check(value, metadata.type === 'param' ? (metadata.data ?? '') : '', 0);
    }
    return value;
  }
}
