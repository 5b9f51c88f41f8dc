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
});
