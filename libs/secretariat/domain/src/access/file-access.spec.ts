import { fold } from '@cctv/kernel';
import { refusalOf } from '@cctv/kernel/testing';
import { secretariatFileDecider } from '../secretariat-file/secretariat-file.decider';
import type { SecretariatFileEvent } from '../secretariat-file/events';
import { queued, scheduled, signed } from '../secretariat-file/testing/file-history';
import { assertMayActOnSecretariatFile, assertMayViewFile, inspectionsListedFor, type OwnerRefCheck } from './file-access';

const OWN_ID = '0013542419';
const OTHER_ID = '0067749828';
// The rule only asks the edge whether a reference is this owner's; a stand-in for the keyed digest will do.
const REF = 'ref-of-0013542419';
const isOwnersRef: OwnerRefCheck = (ownerRef, nationalId) => ownerRef === `ref-of-${nationalId}`;

const withRef = (ownerRef: string | undefined): SecretariatFileEvent[] => {
  const first = queued();
  return [{ ...first, data: { ...first.data, ...(ownerRef ? { ownerRef } : {}) } }, signed()];
};
const stateOf = (events: SecretariatFileEvent[]) => fold(secretariatFileDecider, events);

const owner = (nationalId?: string) => ({ role: 'owner' as const, personId: 'owner-1', ...(nationalId ? { nationalId } : {}) });
const officer = { role: 'secretariat-officer' as const, personId: 'officer-3' };

describe('an owner at the secretariat', () => {
  it('may act on their own file, recognised by its owner reference, also when their ID is written in Persian digits', () => {
    const state = stateOf(withRef(REF));
    expect(() => assertMayActOnSecretariatFile(owner(OWN_ID), state, isOwnersRef)).not.toThrow();
    expect(() => assertMayActOnSecretariatFile(owner('۰۰۱۳۵۴۲۴۱۹'), state, isOwnersRef)).not.toThrow();
  });

  it('is refused another owner’s file as not-your-file', () => {
    expect(refusalOf(() => assertMayActOnSecretariatFile(owner(OTHER_ID), stateOf(withRef(REF)), isOwnersRef))).toMatchObject({
      kind: 'forbidden', code: 'not-your-file', messageFa: expect.stringContaining('مالک'),
    });
  });

  it('is refused when their sign-in carries no national ID', () => {
    expect(refusalOf(() => assertMayActOnSecretariatFile(owner(), stateOf(withRef(REF)), isOwnersRef))).toMatchObject({
      kind: 'forbidden', code: 'owner-without-national-id',
    });
  });

  it('is refused a file approved before owner references existed, and one the secretariat never received, alike', () => {
    for (const state of [stateOf(withRef(undefined)), stateOf([])]) {
      expect(refusalOf(() => assertMayActOnSecretariatFile(owner(OWN_ID), state, isOwnersRef)).code).toBe('not-your-file');
    }
  });

  it('keeps the reference through the file’s later events', () => {
    const state = stateOf([...withRef(REF), scheduled()]);
    expect(state.status !== 'new' && state.file.ownerRef).toBe(REF);
  });
});

describe('secretariat staff', () => {
  it('act on any file, with or without an owner reference, and see it whoever was sent to inspect it', () => {
    const never = jest.fn(() => false);
    for (const events of [withRef(REF), withRef(undefined)]) {
      expect(() => assertMayActOnSecretariatFile(officer, stateOf(events), never)).not.toThrow();
      expect(() => assertMayViewFile(officer, { state: stateOf(events), history: events }, never)).not.toThrow();
    }
    expect(never).not.toHaveBeenCalled();
  });
});

describe('an inspector', () => {
  const history = [...withRef(REF), scheduled('first', 'insp-a')];
  const file = { state: stateOf(history), history };

  it('sees a file one of whose inspections they were assigned to', () => {
    expect(() => assertMayViewFile({ role: 'inspector', personId: 'inspector-7' }, file, isOwnersRef)).not.toThrow();
  });

  it('is refused any other file', () => {
    expect(refusalOf(() => assertMayViewFile({ role: 'inspector', personId: 'inspector-99' }, file, isOwnersRef))).toMatchObject({
      kind: 'forbidden', code: 'not-assigned-to-file',
    });
    expect(refusalOf(() => assertMayViewFile({ role: 'inspector', personId: 'inspector-7' }, { state: stateOf([]), history: [] }, isOwnersRef)).code)
      .toBe('not-assigned-to-file');
  });

  it('lists their own inspections only: by default, and refused when naming a colleague', () => {
    const inspector = { role: 'inspector' as const, personId: 'inspector-7' };
    expect(inspectionsListedFor(inspector, undefined)).toBe('inspector-7');
    expect(inspectionsListedFor(inspector, 'inspector-7')).toBe('inspector-7');
    expect(refusalOf(() => inspectionsListedFor(inspector, 'inspector-9'))).toMatchObject({ kind: 'forbidden', code: 'not-your-inspection' });
    expect(inspectionsListedFor(officer, 'inspector-9')).toBe('inspector-9');
    expect(inspectionsListedFor(officer, undefined)).toBeUndefined();
  });
});

describe('separation of duties at the secretariat', () => {
  it('an officer whose sign-in carries the file owner’s national ID may not act on that file in their office role', () => {
    expect(refusalOf(() => assertMayActOnSecretariatFile({ ...officer, nationalId: '۰۰۱۳۵۴۲۴۱۹' }, stateOf(withRef(REF)), isOwnersRef))).toMatchObject({
      kind: 'forbidden', code: 'own-file',
    });
  });

  it('an officer with another national ID, or none in their sign-in, acts as before', () => {
    expect(() => assertMayActOnSecretariatFile({ ...officer, nationalId: OTHER_ID }, stateOf(withRef(REF)), isOwnersRef)).not.toThrow();
    expect(() => assertMayActOnSecretariatFile(officer, stateOf(withRef(REF)), isOwnersRef)).not.toThrow();
  });
});
