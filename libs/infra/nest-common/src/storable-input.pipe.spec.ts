import { BadRequestException } from '@nestjs/common';
import { StorableInputPipe } from './storable-input.pipe';

const pipe = new StorableInputPipe();
const refusal = (value: unknown, type: 'body' | 'query' | 'param' = 'body', data?: string) => {
  try {
    pipe.transform(value, { type, data });
  } catch (error) {
    return (error as BadRequestException).getResponse() as { field: string; messageFa: string };
  }
  return null;
};

describe('input that the database could not store', () => {
  it('is refused naming the field: a NUL character, a lone surrogate', () => {
    expect(refusal({ owner: { firstName: 'a\u0000b' } })).toMatchObject({ field: 'owner.firstName' });
    expect(refusal({ system: { cameras: [{ location: '\ud800' }] } })).toMatchObject({ field: 'system.cameras.0.location' });
    expect(refusal({ name: '%00' .replace('%00', '\u0000') }, 'query')).toMatchObject({ field: 'name' });
    expect(refusal('a\udc00', 'param', 'permitNumber')).toMatchObject({ field: 'permitNumber' });
  });

  it('is refused when nested absurdly deep, without overflowing the stack', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 5000; i++) deep = [deep];
    expect(refusal({ owner: deep })?.messageFa).toContain('تودرتو');
  });

  it('lets Persian text, emoji and ordinary nesting through unchanged', () => {
    const body = { owner: { firstName: 'زهرا 👩‍💼', lastName: 'احمدي' }, list: [[1, 2], { a: 'b' }] };
    expect(pipe.transform(body, { type: 'body' })).toBe(body);
  });

  it('refuses keys every object inherits, or a prototype, at any depth, naming the path', () => {
    const parsed = (text: string) => JSON.parse(text) as unknown;
    expect(refusal(parsed('{"__proto__":{"polluted":1}}'))).toMatchObject({ field: '__proto__' });
    expect(refusal(parsed('{"owner":{"constructor":{"prototype":{"polluted":1}}}}'))).toMatchObject({ field: 'owner.constructor' });
    expect(refusal(parsed('{"a":[{"prototype":1}]}'))).toMatchObject({ field: 'a.0.prototype' });
    expect(refusal({ toString: 'x' }, 'query')).toMatchObject({ field: 'toString' });
    expect(refusal(parsed('{"hasOwnProperty":1}'))).toMatchObject({ field: 'hasOwnProperty' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses C0 and C1 control characters and text-direction overrides, but not tab, line breaks, ZWNJ or direction marks in a body', () => {
    for (const bad of ['\u0001', '\u0007', '\u001b[31m', '\u007f', '\u0085', '\u009b', '\u202e', '\u202a', '\u2066', '\u2069']) {
      expect(refusal({ owner: { lastName: `ab${bad}c` } })).toMatchObject({ field: 'owner.lastName', messageFa: expect.stringContaining('کنترلی') });
    }
    const note = { note: 'خط اول\n\tخط دوم\r\nمی‌شود \u200f(RLM) و \u200e(LRM)' };
    expect(pipe.transform(note, { type: 'body' })).toBe(note);
  });

  it('keeps a query value or a path parameter on one line', () => {
    expect(refusal({ name: 'a\nb' }, 'query')).toMatchObject({ field: 'name' });
    expect(refusal('KR\t1', 'param', 'permitNumber')).toMatchObject({ field: 'permitNumber' });
    expect(refusal({ name: 'علی\u200cرضا' }, 'query')).toBeNull();
  });
});
