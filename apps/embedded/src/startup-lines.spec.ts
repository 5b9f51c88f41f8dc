import { dataLines, signInLine } from './startup-lines';

describe('what npm start prints about its data', () => {
  it('with PGlite on a port other than 5439 (5439 was taken), the psql command names the port actually listening', () => {
    const lines = dataLines({ dataDir: '/srv/cctv/pglite', databaseUrl: 'postgres://postgres@127.0.0.1:41234/postgres' });
    expect(lines).toEqual([
      'data: PGlite in /srv/cctv/pglite (npm start -- --fresh starts empty)',
      'look inside: psql -h 127.0.0.1 -p 41234 -U postgres postgres',
    ]);
  });

  it('with PGlite on every interface, psql on this machine goes through the loopback', () => {
    expect(dataLines({ dataDir: '/d', databaseUrl: 'postgres://postgres@0.0.0.0:5439/postgres' })[1]).toBe('look inside: psql -h 127.0.0.1 -p 5439 -U postgres postgres');
  });

  it('with a PostgreSQL server, it names the server without its password, and no psql line', () => {
    expect(dataLines({ dataDir: null, databaseUrl: 'postgres://cctv:s3cret@db.internal:5432/cctv' })).toEqual(['data: PostgreSQL at postgres://cctv:***@db.internal:5432/cctv']);
  });
});

describe('how npm start says to sign in', () => {
  it('names the token command and the key folder, or the identity provider when one is configured', () => {
    expect(signInLine({})).toContain('npm run -s token -- --role union-clerk --person clerk-1');
    expect(signInLine({ AUTH_DEV_KEY_DIR: '/tmp/keys' })).toContain('/tmp/keys');
    expect(signInLine({ AUTH_JWKS_URL: 'https://id.example.org/certs', AUTH_ISSUER: 'https://id.example.org' })).toBe('sign in: tokens from https://id.example.org/certs (issuer https://id.example.org)');
  });
});
