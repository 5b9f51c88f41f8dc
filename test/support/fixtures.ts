import type { Actor } from './http';

export const clerk: Actor = { id: 'clerk-reza', role: 'union-clerk' };
export const unionHead: Actor = { id: 'head-maryam', role: 'union-head' };
export const unionHead2: Actor = { id: 'head-saeed', role: 'union-head' };
export const officer: Actor = { id: 'officer-ali', role: 'secretariat-officer' };
export const inspector: Actor = { id: 'insp-1', role: 'inspector' };
export const analyst: Actor = { id: 'analyst-nima', role: 'analyst' };
export const registrar: Actor = { id: 'registrar-leila', role: 'registrar' };

/** Check digits worked by hand: 0013542419 (s = 101, r = 2, 11 − 2 = 9), 0067749828 (s = 223, r = 3, 11 − 3 = 8). */
export const NATIONAL_ID = '0013542419';
export const NATIONAL_ID_2 = '0067749828';
export const MOBILE = '09151234567';

/** Owners sign in with their national ID in the token (a user attribute of the identity provider). */
export const owner: Actor = { id: 'owner-zahra', role: 'owner', nationalId: NATIONAL_ID };
export const owner2: Actor = { id: 'owner-hossein', role: 'owner', nationalId: NATIONAL_ID_2 };
export const ownerOf = (application: { owner: { nationalId: string } }): Actor => (application.owner.nationalId === NATIONAL_ID_2 ? owner2 : owner);
export const POSTAL_CODE = '9177948974';
export const ADDRESS_WORD = 'وکیل‌آباد';

export const residentialBuilding = (nationalId = NATIONAL_ID) => ({
  owner: { kind: 'person', nationalId, firstName: 'زهرا', lastName: 'احمدي', mobile: MOBILE },
  premises: {
    kind: 'shared-building',
    address: `مشهد، بلوار ${ADDRESS_WORD}، كوچه ۱۲، پلاک ۴`,
    postalCode: POSTAL_CODE,
    residential: true,
    residentialUnits: 12,
  },
  system: {
    cameras: [
      { location: 'ورودی لابی', fieldOfView: 'در ورودی و راهروی لابی' },
      { location: 'پارکینگ', fieldOfView: 'رمپ و درب پارکینگ' },
    ],
    recorder: { model: 'NVR-8CH', retentionDays: 30 },
  },
  installer: { name: 'فنی الکترونیک توس', guildLicenceNumber: '۱۲۳۴۵' },
});

export const publicPlace = (nationalId = NATIONAL_ID_2) => ({
  owner: { kind: 'person', nationalId, firstName: 'حسین', lastName: 'رضایی', mobile: '+989351112233' },
  premises: { kind: 'public-place', address: 'مشهد، خیابان امام رضا، فروشگاه نور', postalCode: '9134567891', residential: false },
  system: { cameras: [{ location: 'سالن فروش', fieldOfView: 'قفسه‌ها و صندوق' }], recorder: { model: 'DVR-4', retentionDays: 30 } },
  installer: { name: 'ایمن‌تصویر', guildLicenceNumber: '777' },
});
