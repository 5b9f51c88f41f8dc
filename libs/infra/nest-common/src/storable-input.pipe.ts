import { ArgumentMetadata, BadRequestException, PipeTransform } from '@nestjs/common';

const MAX_DEPTH = 32;
// PostgreSQL text and jsonb cannot hold NUL, and a lone UTF-16 surrogate is not text at all.
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// Control characters no one types into a form (tab, line feed and carriage return aside), and the
// bidirectional embeddings, overrides and isolates that make a printed name or address read other than it is.
// ZWNJ (U+200C) and the direction marks U+200E/U+200F are ordinary Persian typing and stay allowed.
const CONTROL = /[\u0001-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;
// A query or a path segment is one line: there, tab and line breaks are refused too.
const LINE_BREAK = /[\t\n\r]/;

/**
 * Keys that name what every object inherits (`__proto__`, `constructor`, `toString`, …) or a
 * constructor's `prototype`: no field of ours is called so, and code that copies such a key can
 * change what other objects inherit. Validation would not report them either: its table of known
 * fields is a plain object, where they are always "known".
 */
export const isInheritedKey = (key: string): boolean => key === 'prototype' || key in Object.prototype;

export type InputPart = 'body' | 'query' | 'param';

const refuse = (field: string, message: string, messageFa: string) =>
  new BadRequestException({ error: 'validation-failed', field, message: `${field}: ${message}`, messageFa: `${field}: ${messageFa}` });

const checkText = (value: string, field: string, part: InputPart): void => {
  if (UNSTORABLE.test(value)) throw refuse(field, 'contains a NUL character or broken Unicode', 'دارای نویسه نامعتبر است');
  if (CONTROL.test(value) || (part !== 'body' && LINE_BREAK.test(value))) {
    throw refuse(field, 'contains control or text-direction characters', 'دارای نویسه کنترلی یا نویسه تغییر جهت متن است');
  }
};

/** The first place in a request value that could never be stored, or that no form would send; walks at most MAX_DEPTH levels. */
const check = (value: unknown, path: string, depth: number, part: InputPart): void => {
  if (typeof value === 'string') {
    checkText(value, path || 'value', part);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  if (depth >= MAX_DEPTH) throw refuse(path || part, `nested deeper than ${MAX_DEPTH} levels`, 'ساختار آن بیش از حد تودرتو است');
  for (const [key, inner] of Object.entries(value)) {
    const field = path ? `${path}.${key}` : key;
    if (isInheritedKey(key)) throw refuse(field, 'this name is not allowed as a field', 'این نام به‌عنوان فیلد پذیرفته نیست');
    checkText(key, field, part);
    check(inner, field, depth + 1, part);
  }
};

/** Throws a 400 naming the field when a body, a query or a path value holds what we never store. */
export const assertStorableInput = (value: unknown, part: InputPart, name = ''): void => check(value, name, 0, part);

/**
 * Runs before validation on bodies, queries and path parameters: what the
 * database could not store is a 400 naming the field, never a 500 later on.
 */
export class StorableInputPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type === 'body' || metadata.type === 'query' || metadata.type === 'param') {
      assertStorableInput(value, metadata.type, metadata.type === 'param' ? (metadata.data ?? '') : '');
    }
    return value;
  }
}
