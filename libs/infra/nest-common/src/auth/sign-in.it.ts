import { Body, Controller, Get, HttpCode, Module, Post, type INestApplication } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { SignJWT } from 'jose';
import { createServiceApp } from '../bootstrap';
import { Requester, type RequestContext } from '../request-context';
import { devSigningKey, ensureDevKey } from './dev-key';
import { temporaryAuth } from './temporary-auth';

class NoteDto {
  @ApiProperty() @IsString() @Length(1, 100)
  text!: string;
}

@Controller()
class DeskController {
  @Post('notes')
  @HttpCode(200)
  write(@Body() dto: NoteDto, @Requester() requester: RequestContext) {
    return { text: dto.text, actor: requester.actor, correlationId: requester.correlationId };
  }

  @Get('notes')
  read(@Requester() requester: RequestContext) {
    return { actor: requester.actor };
  }

  @Get('open')
  open() {
    return { open: true };
  }
}

@Module({ controllers: [DeskController] })
class DeskModule {}

const TABLE = {
  'POST /notes': ['owner', 'union-clerk'],
  'GET /notes': ['union-clerk', 'union-head'],
  'GET /open': 'public',
} as const;

/** Sign-in as a caller meets it: over HTTP, through createServiceApp, with real tokens. */
describe('signing in', () => {
  let app: INestApplication;
  let base: string;
  let auth: Awaited<ReturnType<typeof temporaryAuth>>;

  beforeAll(async () => {
    auth = await temporaryAuth();
    app = await createServiceApp(DeskModule, { name: 'desk', title: 'desk', description: 'desk', port: 0, access: TABLE, verifier: auth.verifier });
    await app.listen(0, '127.0.0.1');
    base = await app.getUrl();
  });

  afterAll(async () => {
    await app?.close();
    auth?.remove();
  });

  const send = (method: string, path: string, headers: Record<string, string> = {}, body?: string) =>
    fetch(`${base}${path}`, { method, headers: { 'content-type': 'application/json', ...headers }, body });

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const json = async (answer: Response): Promise<any> => answer.json();

  const signed = async (claims: Record<string, unknown>, subject: string) => {
    const key = await ensureDevKey(auth.keyDir);
    return new SignJWT(claims).setProtectedHeader({ alg: 'ES256', kid: key.privateJwk.kid })
      .setIssuer('cctv-dev').setAudience('cctv-permits').setSubject(subject).setExpirationTime('5m')
      .sign(await devSigningKey(key));
  };

  it('without a token, a request is answered 401 before its body is read: broken JSON, an oversized body, the wrong type', async () => {
    for (const [headers, body] of [
      [{}, '{"text": '],
      [{}, JSON.stringify({ text: 'x'.repeat(200_000) })],
      [{ 'content-type': 'text/plain' }, 'hello'],
    ] as const) {
      const answer = await send('POST', '/notes', headers, body);
      expect(answer.status).toBe(401);
      expect(answer.headers.get('www-authenticate')).toMatch(/^Bearer /);
      expect(await answer.json()).toMatchObject({ error: 'missing-token', messageFa: expect.any(String) });
    }
    // Signed in, the same broken body is what it is: a 400.
    expect((await send('POST', '/notes', await auth.headers('union-clerk'), '{"text": ')).status).toBe(400);
    expect((await send('GET', '/open')).status).toBe(200);
  });

  it('answers with the correlation id it records, and never takes a bare number for one', async () => {
    const given = await send('POST', '/notes', { ...(await auth.headers('union-clerk')), 'x-correlation-id': 'req-2025-abc' }, '{"text":"a"}');
    expect(given.headers.get('x-correlation-id')).toBe('req-2025-abc');
    expect((await json(given)).correlationId).toBe('req-2025-abc');
    const digits = await send('POST', '/notes', { ...(await auth.headers('union-clerk')), 'x-correlation-id': '0013542419' }, '{"text":"a"}');
    const recorded = (await json(digits)).correlationId;
    expect(recorded).not.toBe('0013542419');
    expect(digits.headers.get('x-correlation-id')).toBe(recorded);
    expect(given.headers.get('x-powered-by')).toBeNull();
  });

  it('a person with several roles acts in a staff role the route admits before "owner", or in the one they name', async () => {
    const both = { authorization: `Bearer ${await signed({ roles: ['owner', 'union-clerk'] }, 'clerk-and-owner')}` };
    expect((await json(await send('POST', '/notes', both, '{"text":"a"}'))).actor).toEqual({ personId: 'clerk-and-owner', role: 'union-clerk' });
    const asOwner = await send('POST', '/notes', { ...both, 'x-acting-role': 'owner' }, '{"text":"a"}');
    expect((await json(asOwner)).actor.role).toBe('owner');
    const notHeld = await send('POST', '/notes', { ...both, 'x-acting-role': 'union-head' }, '{"text":"a"}');
    expect(notHeld.status).toBe(403);
    expect(await notHeld.json()).toMatchObject({ error: 'acting-role-not-held' });
    const notAdmitted = await send('GET', '/notes', { ...both, 'x-acting-role': 'owner' });
    expect(notAdmitted.status).toBe(403);
    expect(await notAdmitted.json()).toMatchObject({ error: 'role-not-allowed' });
  });

  it('no one signs in as "system" or "owner": those names belong to the services and to public topics', async () => {
    for (const subject of ['system', 'Owner']) {
      const answer = await send('GET', '/notes', { authorization: `Bearer ${await signed({ roles: ['union-clerk'] }, subject)}` });
      expect(answer.status).toBe(401);
      expect(await answer.json()).toMatchObject({ error: 'invalid-subject' });
    }
  });
});
