import { request } from 'node:http';
import { gzipSync } from 'node:zlib';
import { Body, Controller, Get, HttpCode, Module, Post, Query, type INestApplication } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsIn, IsObject, IsOptional, IsString, Length, ValidateNested } from 'class-validator';
import { createServiceApp } from './bootstrap';
import { temporaryAuth } from './auth/temporary-auth';
import { SingleLine } from './validation';

class PlaceDto {
  @ApiProperty() @IsString() @SingleLine() @Length(1, 300)
  address!: string;
}

class ThingDto {
  @ApiProperty() @IsString() @SingleLine() @Length(1, 100)
  name!: string;

  @ApiPropertyOptional() @IsOptional() @IsString() @Length(0, 1000)
  note?: string;

  @ApiProperty({ type: PlaceDto }) @IsDefined() @IsObject() @ValidateNested() @Type(() => PlaceDto)
  place!: PlaceDto;
}

class ThingsQueryDto {
  @ApiPropertyOptional({ enum: ['open', 'closed'] }) @IsOptional() @IsIn(['open', 'closed'])
  status?: string;
}

@Controller('things')
class ThingsController {
  @Post()
  @HttpCode(200)
  echo(@Body() dto: ThingDto) {
    return dto;
  }

  @Post('touch')
  @HttpCode(200)
  touch() {
    return { touched: true };
  }

  @Get()
  list(@Query() query: ThingsQueryDto) {
    return { status: query.status ?? null };
  }
}

@Module({ controllers: [ThingsController] })
class ThingsModule {}

/** What every service does with hostile requests, through the real HTTP stack of createServiceApp. */
describe('hostile input, answered before it reaches anything', () => {
  let app: INestApplication;
  let base: string;
  let auth: Awaited<ReturnType<typeof temporaryAuth>>;
  let signedIn: Record<string, string>;

  beforeAll(async () => {
    auth = await temporaryAuth();
    signedIn = await auth.headers('union-clerk');
    const access = { 'POST /things': ['union-clerk'], 'POST /things/touch': ['union-clerk'], 'GET /things': ['union-clerk'] } as const;
    app = await createServiceApp(ThingsModule, { name: 'things', title: 'test', description: 'test', port: 0, access, verifier: auth.verifier });
    await app.listen(0, '127.0.0.1');
    base = await app.getUrl();
  });

  afterAll(async () => {
    await app?.close();
    auth?.remove();
  });

  const send = async (path: string, body: string | Buffer | undefined, headers: Record<string, string> = { 'content-type': 'application/json' }, method = 'POST') => {
    const response = await fetch(`${base}${path}`, { method, body, headers: { accept: 'application/json', ...signedIn, ...headers } });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : null) as Record<string, any> };
  };
  const valid = { name: 'x', place: { address: 'مشهد' } };

  it('__proto__, constructor and prototype keys anywhere are a 400 naming the key path, and nothing is polluted', async () => {
    const attempts: [string, string][] = [
      ['{"__proto__":{"polluted":"yes"},"name":"x","place":{"address":"y"}}', '__proto__'],
      ['{"name":"x","place":{"address":"y","constructor":{"prototype":{"polluted":"yes"}}}}', 'place.constructor'],
      ['{"name":"x","place":{"address":"y"},"list":[{"__proto__":{"polluted":"yes"}}]}', 'list.0.__proto__'],
      ['{"prototype":{"polluted":"yes"}}', 'prototype'],
    ];
    for (const [text, field] of attempts) {
      for (const path of ['/things', '/things/touch']) {
        const answer = await send(path, text);
        expect(answer).toMatchObject({ status: 400, body: { field, message: expect.stringContaining(field), messageFa: expect.any(String) } });
      }
    }
    const answer = await send('/things?__proto__[polluted]=yes&constructor[prototype][polluted]=yes', undefined, {}, 'GET');
    expect(answer.status).toBe(400);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('a body over 64 kB is a 413 with a Persian sentence, also when it arrives gzipped', async () => {
    const big = JSON.stringify({ ...valid, note: 'ب'.repeat(40_000) });
    expect(await send('/things', big)).toMatchObject({ status: 413, body: { messageFa: 'حجم درخواست بیش از حد مجاز است.' } });
    const gzipped = gzipSync(Buffer.from(JSON.stringify({ ...valid, note: 'a'.repeat(200_000) })));
    expect((await send('/things', gzipped, { 'content-type': 'application/json', 'content-encoding': 'gzip' })).status).toBe(413);
    expect(await send('/things', gzipSync(Buffer.from(JSON.stringify(valid))), { 'content-type': 'application/json', 'content-encoding': 'gzip' }))
      .toMatchObject({ status: 200, body: valid });
    expect((await send('/things', 'not gzip', { 'content-type': 'application/json', 'content-encoding': 'gzip' })).status).toBe(400);
  });

  it('a body that is not JSON, or JSON in a charset we do not read, is a 415; broken JSON is a 400; each with message and messageFa', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml', 'application/json; charset=latin-9']) {
      const answer = await send('/things', JSON.stringify(valid), { 'content-type': type });
      expect(answer.status).toBe(415);
      expect(answer.body).toMatchObject({ message: expect.any(String), messageFa: expect.any(String) });
    }
    for (const text of ['{"name":', "{'name':'x'}", '{"name":"x",}', 'null', '"x"', '[1', 'NaN']) {
      expect(await send('/things', text)).toMatchObject({ status: 400, body: { message: expect.any(String), messageFa: expect.any(String) } });
    }
    // No body at all on a route that takes none is fine.
    expect((await send('/things/touch', undefined, {})).status).toBe(200);
  });

  it('a body on a GET is read like any other: harmless is ignored, hostile refused', async () => {
    // fetch refuses to send a body with GET; a raw client does not.
    const get = (body: string) =>
      new Promise<number>((resolve, reject) => {
        const req = request(`${base}/things`, { method: 'GET', headers: { ...signedIn, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on('error', reject);
        req.end(body);
      });
    expect(await get(JSON.stringify({ a: 1 }))).toBe(200);
    expect(await get('{"__proto__":{"x":1}}')).toBe(400);
  });

  it('a query value outside its list is a 400 naming it, not an empty answer', async () => {
    expect(await send('/things?status=bogus', undefined, {}, 'GET')).toMatchObject({ status: 400, body: { message: expect.stringContaining('status') } });
    expect(await send('/things?status=open', undefined, {}, 'GET')).toMatchObject({ status: 200, body: { status: 'open' } });
  });

  it('control characters and text-direction overrides in a name or an address are a 400 naming the field; a note keeps its lines and tabs', async () => {
    const cases: [unknown, string][] = [
      [{ ...valid, name: 'a\nb' }, 'name'],
      [{ ...valid, name: 'a\tb' }, 'name'],
      [{ ...valid, name: 'a\u0007b' }, 'name'],
      [{ ...valid, name: 'abc\u202Egpj.exe' }, 'name'],
      [{ ...valid, place: { address: 'x\u2066y' } }, 'place.address'],
      [{ ...valid, place: { address: 'x\u009by' } }, 'place.address'],
    ];
    for (const [body, field] of cases) {
      const answer = await send('/things', JSON.stringify(body));
      expect(answer.status).toBe(400);
      expect(answer.body.message).toContain(field);
      expect(answer.body.messageFa).toContain(field);
    }
    const note = 'سطر اول\nسطر دوم\tبا جدول\r\nو نیم‌فاصله';
    expect(await send('/things', JSON.stringify({ ...valid, note }))).toMatchObject({ status: 200, body: { note } });
  });

  it('injection strings, mixed digits and markup in valid text fields come back exactly as sent', async () => {
    const texts = ["' OR 1=1 --", '<script>alert(1)</script>', '{{7*7}}', '${7*7}', '#{7*7}', '"; DROP TABLE events; --', '۱۲3٤٥ mixed ۶7', 'ي ك ی ک', '\\u0000 as text', '%00%0a'];
    for (const text of texts) {
      const body = { name: text, note: text, place: { address: text } };
      expect(await send('/things', JSON.stringify(body))).toMatchObject({ status: 200, body });
    }
  });
});
