import { permitStreamId } from './decider';

describe('the permit stream', () => {
  it('is named after the permit', () => {
    expect(permitStreamId('p-7')).toBe('permit-p-7');
  });
});
