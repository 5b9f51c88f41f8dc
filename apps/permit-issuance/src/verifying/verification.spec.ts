import { permitDecider, type IssuePermit, type PermitIssued } from '@cctv/issuance-domain';
import { issuedRow } from '../read-models/permit-register.projection';
import { canonicalHologramSerial, canonicalPermitNumber } from '../read-models/typed-identifiers';
import { registerEntry } from '../read-models/register-entry';
import { verificationOf } from './verification';
import { escapeHtml, verificationPage } from './verification-page';

const mainPermit = (): PermitIssued => {
  const command: IssuePermit = {
    type: 'IssuePermit',
    data: {
      permitId: 'p-main', permitNumber: 'KR-OM-1404-000008', permitType: 'operation', kind: 'main',
      fileId: 'f1e2d3c4-0000-4000-8000-000000000001', hologramSerial: 'KR1404000101',
      issuedAt: new Date('2025-04-30T07:00:00.000Z'), supersedesPermitId: null, deficiencies: [],
    },
  };
  return permitDecider.decide(command, permitDecider.initialState)[0] as PermitIssued;
};

const entryAt = (now: string, changes: Partial<ReturnType<typeof issuedRow>> = {}) =>
  registerEntry({ ...issuedRow(mainPermit(), null), ...changes }, new Date(now), 'http://127.0.0.1:3003');
/** As asked with the hologram serial (the caller typed it); `byNumber` asks with the permit number alone. */
const verify = (now: string, changes: Partial<ReturnType<typeof issuedRow>> = {}) => verificationOf(entryAt(now, changes), true);
const byNumber = (now: string) => verificationOf(entryAt(now), false);

describe('public verification', () => {
  it('given a main permit in force, it is genuine and valid, and says so in Persian with the last valid day', () => {
    const answer = verify('2025-06-01T08:00:00.000Z');
    expect(answer).toMatchObject({ genuine: true, valid: true, status: 'valid', permitNumber: 'KR-OM-1404-000008', validThroughJalali: '1406/02/09' });
    expect(answer.messageFa).toBe('این مجوز معتبر است؛ اعتبار آن تا پایان ۱۴۰۶/۰۲/۰۹ است. هولوگرام KR1404000101 متعلق به همین مجوز است.');
  });

  it('by permit number alone it never tells the hologram serial, and says how to check the hologram instead', () => {
    const answer = byNumber('2025-06-01T08:00:00.000Z');
    expect(answer).toMatchObject({ genuine: true, valid: true, status: 'valid', hologramChecked: false });
    expect(answer).not.toHaveProperty('hologramSerial');
    expect(JSON.stringify(answer)).not.toContain('KR1404000101');
    expect(answer.message).toContain('enter the serial printed on it');
    expect(answer.messageFa).toBe('این مجوز معتبر است؛ اعتبار آن تا پایان ۱۴۰۶/۰۲/۰۹ است. برای بررسی هولوگرام، شماره چاپ‌شده روی هولوگرام را همراه شماره مجوز وارد کنید.');
  });

  it('with the hologram serial the caller typed, it says the serial back and that the hologram belongs to the permit', () => {
    const answer = verify('2025-06-01T08:00:00.000Z');
    expect(answer).toMatchObject({ hologramChecked: true, hologramSerial: 'KR1404000101' });
    expect(answer.message).toContain('belongs to it');
  });

  it('answers nothing that identifies the file, the owner or the premises', () => {
    const answer = verify('2025-06-01T08:00:00.000Z');
    expect(answer).not.toHaveProperty('fileId');
    expect(JSON.stringify(answer)).not.toContain('f1e2d3c4');
    expect(JSON.stringify(answer)).not.toMatch(/owner|address|national|mobile|postal/i);
  });

  it('given a revoked permit, it is genuine but not valid: "این مجوز باطل شده است"', () => {
    const answer = verify('2025-07-01T08:00:00.000Z', { recorded: 'revoked', revokedAt: new Date('2025-06-01T08:00:00.000Z'), revocationReason: 'x' });
    expect(answer).toMatchObject({ genuine: true, valid: false, status: 'revoked' });
    expect(answer.messageFa).toMatch(/^این مجوز باطل شده است\. /);
    expect(JSON.stringify(answer)).not.toContain('revocationReason');
  });

  it('given a superseded permit, it points to the permit that replaced it', () => {
    const answer = verify('2025-07-01T08:00:00.000Z', {
      recorded: 'superseded', supersededAt: new Date('2025-06-01T08:00:00.000Z'), supersededByPermitId: 'p-2', supersededByPermitNumber: 'KR-OM-1404-000020',
    });
    expect(answer).toMatchObject({ valid: false, status: 'superseded', supersededByPermitNumber: 'KR-OM-1404-000020' });
    expect(answer.messageFa).toContain('KR-OM-1404-000020');
  });

  it('given a main permit past its two years, it says it has expired', () => {
    const answer = verify('2027-04-29T20:30:00.000Z');
    expect(answer).toMatchObject({ valid: false, status: 'expired' });
    expect(answer.messageFa).toContain('منقضی');
  });
});

describe('numbers and serials as people type them', () => {
  it('a permit number in Persian digits and lower case is the same number', () => {
    expect(canonicalPermitNumber(' kr-om-۱۴۰۴-۰۰۰۰۰۸ ')).toBe('KR-OM-1404-000008');
  });

  it('anything that is not one of our numbers is no number at all', () => {
    expect(canonicalPermitNumber('KR-XX-1404-000008')).toBeNull();
    expect(canonicalPermitNumber("KR-OM-1404-000008' OR 1=1")).toBeNull();
  });

  it('a hologram serial typed with dashes, spaces and Persian digits matches the serial on record', () => {
    expect(canonicalHologramSerial('kr-۱۴۰۴ ۰۰۰۱۰۱')).toBe('KR1404000101');
  });
});

describe('the verification page a phone opens from the QR code', () => {
  it('is Persian, right to left, with the verdict and the particulars', () => {
    const page = verificationPage(verify('2025-06-01T08:00:00.000Z'), '1404/03/11');
    expect(page).toContain('<html lang="fa" dir="rtl">');
    expect(page).toContain('این مجوز معتبر است');
    expect(page).toContain('KR-OM-1404-000008');
    expect(page).toContain('۱۴۰۴/۰۳/۱۱');
  });

  it('opened by permit number, it shows no hologram serial and asks for the one on the permit', () => {
    const page = verificationPage(byNumber('2025-06-01T08:00:00.000Z'), '1404/03/11');
    expect(page).not.toContain('KR1404000101');
    expect(page).toContain('شماره چاپ‌شده روی هولوگرام');
    expect(page).toMatch(/<form method="get">[\s\S]*<input id="hologramSerial" name="hologramSerial"/);
    // From /verify/{permitNumber} the number is in the address; from /verify?permitNumber=… the form sends it again.
    expect(page).not.toContain('name="permitNumber"');
    expect(verificationPage(byNumber('2025-06-01T08:00:00.000Z'), '1404/03/11', { repeatPermitNumber: true }))
      .toContain('<input type="hidden" name="permitNumber" value="KR-OM-1404-000008">');
  });

  it('with the hologram checked, it shows the serial typed and asks for nothing', () => {
    const page = verificationPage(verify('2025-06-01T08:00:00.000Z'), '1404/03/11');
    expect(page).toContain('KR1404000101');
    expect(page).not.toContain('<form');
  });

  it('escapes every value, so that nothing typed into the address becomes markup', () => {
    const page = verificationPage({ genuine: false, message: 'forged', messageFa: '<script>alert(1)</script>' }, '1404/03/11');
    expect(page).not.toContain('<script>');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(escapeHtml(`"'&<>`)).toBe('&quot;&#39;&amp;&lt;&gt;');
  });

  it('escapes every particular of a genuine permit too, and the date, whatever they hold', () => {
    const hostile = `<img src=x onerror="alert('x')">&{{7*7}}\${7*7}' OR 1=1 --`;
    const genuine = verify('2025-06-01T08:00:00.000Z');
    const page = verificationPage(
      {
        ...genuine, permitNumber: hostile, kindFa: hostile, statusFa: hostile, issuedOnJalali: hostile,
        validThroughJalali: hostile, hologramSerial: hostile, supersededByPermitNumber: hostile, messageFa: hostile,
      },
      hostile,
    );
    expect(page).not.toContain('<img');
    expect(page).not.toContain(`"alert`);
    expect(page.match(/&lt;img src=x onerror=&quot;alert\(&#39;x&#39;\)&quot;&gt;&amp;/g)?.length).toBe(9);
  });
});
