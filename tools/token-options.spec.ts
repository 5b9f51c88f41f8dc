import { parseTokenOptions } from './token-options';

const clerk = ['--role', 'union-clerk', '--person', 'clerk-1'];

describe('npm run token: its arguments', () => {
  it('signs for eight hours by default, and reads 30m, 2h, 7d and plain seconds', () => {
    expect(parseTokenOptions(clerk)).toMatchObject({ roles: ['union-clerk'], person: 'clerk-1', ttlSeconds: 8 * 3600 });
    expect(['30m', '2h', '7d', '3600'].map((ttl) => parseTokenOptions([...clerk, '--ttl', ttl]).ttlSeconds)).toEqual([1800, 7200, 7 * 86400, 3600]);
  });

  it.each(['0', '59', '0h', '31d', '721h', '99999999h', 'soon', '-1h'])('refuses --ttl %s: between 1 minute and 30 days', (ttl) => {
    expect(() => parseTokenOptions([...clerk, '--ttl', ttl])).toThrow(/--ttl/);
  });

  it('accepts the edges: 1 minute and 30 days', () => {
    expect(parseTokenOptions([...clerk, '--ttl', '1m']).ttlSeconds).toBe(60);
    expect(parseTokenOptions([...clerk, '--ttl', '30d']).ttlSeconds).toBe(30 * 86400);
  });

  it('takes a national ID or a legal-entity ID with a correct check digit, in Persian digits too, and passes it on in ASCII digits', () => {
    const owner = ['--role', 'owner', '--person', 'owner-1'];
    expect(parseTokenOptions([...owner, '--national-id', '0013542419']).nationalId).toBe('0013542419');
    expect(parseTokenOptions([...owner, '--national-id', '۰۰۱۳۵۴۲۴۱۹']).nationalId).toBe('0013542419');
    expect(parseTokenOptions([...owner, '--national-id', '14003904579']).nationalId).toBe('14003904579');
    expect(parseTokenOptions(owner)).not.toHaveProperty('nationalId');
  });

  it.each(['123', '0013542418', '1111111111', '14003904578', 'abc'])('refuses --national-id %s', (nationalId) => {
    expect(() => parseTokenOptions(['--role', 'owner', '--person', 'owner-1', '--national-id', nationalId])).toThrow(/--national-id .* neither a national ID/);
  });

  it('refuses unknown roles and options, naming them', () => {
    expect(() => parseTokenOptions(['--role', 'mayor', '--person', 'p'])).toThrow(/not mayor/);
    expect(() => parseTokenOptions([...clerk, '--colour', 'blue'])).toThrow(/unknown option --colour/);
  });
});
