import { RedactingLogger } from './redacting-logger';

describe('the structured logger', () => {
  const capture = () => {
    const lines: string[] = [];
    return { logger: new RedactingLogger('test', (l) => lines.push(l)), lines };
  };

  it('masks national IDs, mobiles and postal codes inside messages', () => {
    const { logger, lines } = capture();
    logger.log('owner 0013542419 called from 09121234567 and +989121234567, postal 9177948974');
    expect(lines[0]).not.toMatch(/0013542419|9121234567|9177948974/);
    expect(JSON.parse(lines[0]).message).toContain('[redacted]');
  });

  it('masks personal fields of logged objects by name, keeping the rest', () => {
    const { logger, lines } = capture();
    logger.warn({ fileId: 'f-1', owner: { nationalId: 'x', mobile: 'y' }, siteAddress: 'مشهد، بلوار وکیل‌آباد' }, 'ctx');
    const entry = JSON.parse(lines[0]);
    expect(entry).toMatchObject({ level: 'warn', context: 'ctx', message: { fileId: 'f-1', owner: { nationalId: '[redacted]', mobile: '[redacted]' }, siteAddress: '[redacted]' } });
  });

  it('leaves ids alone even when they hold long digit runs', () => {
    const { logger, lines } = capture();
    logger.log('event 3f1c2a9e-0b7d-4c1e-9a2b-a1234567890b of stream permit-0013542419x applied');
    expect(JSON.parse(lines[0]).message).toBe('event 3f1c2a9e-0b7d-4c1e-9a2b-a1234567890b of stream permit-0013542419x applied');
  });
});
