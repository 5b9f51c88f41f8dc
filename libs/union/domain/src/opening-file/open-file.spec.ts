import { refusalOf, specFor } from '@cctv/kernel/testing';
import { unionFileDecider } from '../union-file/decider';
import { at, fileOpened, openFileCommand } from '../testing/union-file.fixtures';

const spec = specFor(unionFileDecider);
const refusalOfOpening = (command: ReturnType<typeof openFileCommand>) =>
  refusalOf(() => unionFileDecider.decide(command, unionFileDecider.initialState));

describe('opening a file at the union', () => {
  it('given no file, opening one records the whole application', () => {
    spec.given([]).when(openFileCommand()).then([fileOpened()]);
  });

  it('stores identity numbers in ASCII digits and names in Persian letters, whichever keyboard typed them', () => {
    const command = openFileCommand({
      owner: { kind: 'person', nationalId: '۰۰۱-۲۳۴۵۶۷-۹', firstName: ' علي ', lastName: 'كريمي', mobile: '+98 915 123 4567' },
      premises: {
        kind: 'shared-building',
        address: 'مشهد،  خيابان   امام رضا ٢٤',
        postalCode: '٩١٧٧٩-٤٨٩٧٤',
        residential: true,
        residentialUnits: 12,
      },
    });
    const [event] = spec.given([]).when(command).thenEvents();
    expect(event.type === 'FileOpened' && event.data.owner).toEqual({
      kind: 'person',
      nationalId: '0012345679',
      firstName: 'علی',
      lastName: 'کریمی',
      mobile: '09151234567',
    });
    expect(event.type === 'FileOpened' && event.data.premises).toMatchObject({
      address: 'مشهد، خیابان امام رضا 24',
      postalCode: '9177948974',
    });
  });

  it('a legal entity is identified by its 11-digit legal-entity ID', () => {
    const owner = {
      kind: 'legal-entity',
      nationalId: '10100000006',
      name: 'شركت آرمان',
      representativeName: 'مریم رضایی',
      mobile: '09151234567',
    } as const;
    const [event] = spec.given([]).when(openFileCommand({ owner })).thenEvents();
    expect(event.type === 'FileOpened' && event.data.owner).toEqual({ ...owner, name: 'شرکت آرمان' });
  });

  it.each([
    ['a person with a bad check digit', { kind: 'person', nationalId: '0012345678' }, 'invalid-national-id'],
    ['a legal entity with a 10-digit ID', { kind: 'legal-entity', nationalId: '0012345679' }, 'invalid-legal-entity-id'],
  ] as const)('refuses %s, pointing at owner.nationalId', (_, owner, code) => {
    const base = { firstName: 'زهرا', lastName: 'احمدی', name: 'شرکت آرمان', representativeName: 'مریم رضایی', mobile: '09151234567' };
    const error = refusalOfOpening(openFileCommand({ owner: { ...base, ...owner } }));
    expect([error.kind, error.code, error.field]).toEqual(['invalid', code, 'owner.nationalId']);
  });

  it('refuses a mobile that is not 09 and nine digits, pointing at owner.mobile', () => {
    const owner = { kind: 'person', nationalId: '0012345679', firstName: 'زهرا', lastName: 'احمدی', mobile: '05138001234' } as const;
    const error = refusalOfOpening(openFileCommand({ owner }));
    expect([error.code, error.field]).toEqual(['invalid-mobile', 'owner.mobile']);
  });

  it('refuses a postal code that is not ten digits, pointing at premises.postalCode', () => {
    const premises = { ...openFileCommand().data.premises, postalCode: '91779' };
    expect(refusalOfOpening(openFileCommand({ premises })).field).toBe('premises.postalCode');
  });

  it('refuses an owner without a last name', () => {
    const owner = { kind: 'person', nationalId: '0012345679', firstName: 'زهرا', lastName: '   ', mobile: '09151234567' } as const;
    const error = refusalOfOpening(openFileCommand({ owner }));
    expect([error.code, error.field]).toEqual(['required-field', 'owner.lastName']);
  });

  it.each([
    ['zero-width spaces', '\u200b\u200b\u200b'],
    ['a zero-width non-joiner alone', '\u200c'],
    ['a zero-width joiner and a word joiner', ' \u200d\u2060 '],
    ['byte-order marks', '\ufeff\ufeff'],
  ])('refuses a last name made only of invisible characters (%s), pointing at owner.lastName', (_, lastName) => {
    const owner = { kind: 'person', nationalId: '0012345679', firstName: 'زهرا', lastName, mobile: '09151234567' } as const;
    const error = refusalOfOpening(openFileCommand({ owner }));
    expect([error.code, error.field]).toEqual(['required-field', 'owner.lastName']);
  });

  it('keeps a zero-width non-joiner inside a name, where Persian spelling needs it', () => {
    const owner = { kind: 'person', nationalId: '0012345679', firstName: 'زهرا\u200cسادات', lastName: 'احمدی', mobile: '09151234567' } as const;
    const [event] = spec.given([]).when(openFileCommand({ owner })).thenEvents();
    expect(event.type === 'FileOpened' && event.data.owner).toMatchObject({ firstName: 'زهرا\u200cسادات' });
  });

  describe('residential units', () => {
    const premises = openFileCommand().data.premises;

    it.each([null, 1, 2.5])('a residential shared building must state at least 2 units, not %p', (residentialUnits) => {
      const error = refusalOfOpening(openFileCommand({ premises: { ...premises, residentialUnits } }));
      expect([error.code, error.field]).toEqual(['invalid-residential-units', 'premises.residentialUnits']);
    });

    it('a non-residential shared building states no units', () => {
      const error = refusalOfOpening(openFileCommand({ premises: { ...premises, residential: false, residentialUnits: 4 } }));
      expect([error.code, error.field]).toEqual(['unexpected-residential-units', 'premises.residentialUnits']);
    });

    it('a non-residential shared building without units is accepted', () => {
      const command = openFileCommand({ premises: { ...premises, residential: false, residentialUnits: null } });
      expect(spec.given([]).when(command).thenEvents()).toHaveLength(1);
    });

    it('a public place is never residential', () => {
      const error = refusalOfOpening(
        openFileCommand({ premises: { ...premises, kind: 'public-place', residential: true, residentialUnits: 3 } }),
      );
      expect([error.code, error.field]).toEqual(['residential-public-place', 'premises.residential']);
    });
  });

  describe('the planned system', () => {
    const camera = (n: number) => ({ location: `طبقه ${n}`, fieldOfView: 'راهرو' });
    const withCameras = (count: number) =>
      openFileCommand({
        system: { cameras: Array.from({ length: count }, (_, i) => camera(i)), recorder: { model: 'NVR', retentionDays: 30 } },
      });

    it.each([0, 65])('refuses a plan of %p cameras', (count) => {
      const error = refusalOfOpening(withCameras(count));
      expect([error.code, error.field]).toEqual(['invalid-camera-count', 'system.cameras']);
    });

    it('accepts up to 64 cameras', () => {
      expect(spec.given([]).when(withCameras(64)).thenEvents()).toHaveLength(1);
    });

    it('every camera needs a location, and the refusal names which one', () => {
      const command = openFileCommand({
        system: { cameras: [camera(1), { location: ' ', fieldOfView: 'حیاط' }], recorder: { model: 'NVR', retentionDays: 30 } },
      });
      expect(refusalOfOpening(command).field).toBe('system.cameras[1].location');
    });

    it('the recorder keeps footage a whole number of days', () => {
      const command = openFileCommand({ system: { cameras: [camera(1)], recorder: { model: 'NVR', retentionDays: 0 } } });
      expect(refusalOfOpening(command).field).toBe('system.recorder.retentionDays');
    });
  });

  it('refuses an installer without a guild licence number', () => {
    const error = refusalOfOpening(openFileCommand({ installer: { name: 'نصاب', guildLicenceNumber: '' } }));
    expect(error.field).toBe('installer.guildLicenceNumber');
  });

  it.each([[[]], [['owner-national-id-card', 'birth-certificate']]])(
    'refuses a required-documents list %p that is empty or names an unknown document',
    (requiredDocuments) => {
      const error = refusalOfOpening(openFileCommand({ requiredDocuments: requiredDocuments as never }));
      expect([error.code, error.field]).toEqual(['invalid-required-documents', 'requiredDocuments']);
    },
  );

  it('given an open file, opening it again is a conflict', () => {
    spec.given([fileOpened()]).when(openFileCommand({ now: at(3) })).thenThrows('file-already-opened', 'conflict');
  });
});
