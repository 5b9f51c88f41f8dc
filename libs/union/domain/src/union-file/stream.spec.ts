import { unionFileStreamId } from './decider';

describe('the union file stream', () => {
  it('is named after the file', () => {
    expect(unionFileStreamId('f-42')).toBe('union-file-f-42');
  });
});
