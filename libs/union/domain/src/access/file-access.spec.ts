import { refusalOf } from '@cctv/kernel/testing';
import type { UnionFileState } from '../union-file/state';
import { assertMayActOnFile, assertMayActOnState } from './file-access';

const OWN_ID = '0013542419';
const OTHER_ID = '0067749828';
const fileOf = (nationalId: string) =>
  ({ status: 'open', documents: [], file: { owner: { kind: 'person', nationalId } } }) as unknown as UnionFileState;

describe('who may act on a file at the union', () => {
  it('an owner acts on their own file (Persian digits in the sign-in too), and on no one else’s', () => {
    expect(() => assertMayActOnState({ role: 'owner', nationalId: '۰۰۱۳۵۴۲۴۱۹' }, fileOf(OWN_ID))).not.toThrow();
    expect(refusalOf(() => assertMayActOnState({ role: 'owner', nationalId: OTHER_ID }, fileOf(OWN_ID)))).toMatchObject({ kind: 'forbidden', code: 'not-your-file' });
    expect(refusalOf(() => assertMayActOnState({ role: 'owner', nationalId: OWN_ID }, { status: 'none' }))).toMatchObject({ code: 'not-your-file' });
    expect(refusalOf(() => assertMayActOnFile({ role: 'owner' }, OWN_ID))).toMatchObject({ code: 'owner-without-national-id' });
  });

  it('a clerk or the union head whose own national ID is the file owner’s may not act on it in their office role', () => {
    for (const role of ['union-clerk', 'union-head'] as const) {
      expect(refusalOf(() => assertMayActOnState({ role, nationalId: OWN_ID }, fileOf(OWN_ID)))).toMatchObject({ kind: 'forbidden', code: 'own-file' });
      expect(() => assertMayActOnState({ role, nationalId: OTHER_ID }, fileOf(OWN_ID))).not.toThrow();
      expect(() => assertMayActOnState({ role }, fileOf(OWN_ID))).not.toThrow();
    }
  });
});
