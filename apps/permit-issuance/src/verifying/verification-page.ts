import { toPersianDigits } from '@cctv/kernel';
import type { NotGenuine, Verification } from './verification';

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export const escapeHtml = (value: unknown): string => String(value ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c]);

const row = (label: string, value: string) => `<tr><th>${escapeHtml(label)}</th><td>${escapeHtml(value)}</td></tr>`;

/**
 * Asks for the serial printed on the hologram; sent to the address the page
 * came from. `/verify?permitNumber=…` needs the number again among the fields,
 * `/verify/{permitNumber}` has it in its path and takes no other field.
 */
const hologramForm = (permitNumber: string, repeatPermitNumber: boolean): string => `<form method="get">
${repeatPermitNumber ? `<input type="hidden" name="permitNumber" value="${escapeHtml(permitNumber)}">\n` : ''}<label for="hologramSerial">شماره هولوگرام روی مجوز</label>
<input id="hologramSerial" name="hologramSerial" required maxlength="40" autocomplete="off" dir="ltr">
<button type="submit">بررسی هولوگرام</button>
</form>`;

/**
 * The page the QR code on a printed permit opens in a phone's browser: the
 * verdict first, in large type, then the permit's particulars. Every value is
 * escaped, since a permit number in the address is whatever someone typed.
 * The hologram's serial is shown only when it was typed and checked; otherwise
 * a form asks for it.
 */
export const verificationPage = (
  answer: Verification | NotGenuine,
  checkedOnJalali: string,
  options: { readonly repeatPermitNumber?: boolean } = {},
): string => {
  const good = answer.genuine && answer.valid;
  const details = answer.genuine
    ? [
        row('شماره مجوز', answer.permitNumber),
        row('نوع مجوز', answer.kindFa),
        row('وضعیت', answer.statusFa),
        row('تاریخ صدور', toPersianDigits(answer.issuedOnJalali)),
        row('معتبر تا پایان', toPersianDigits(answer.validThroughJalali)),
        ...(answer.hologramSerial ? [row('شماره هولوگرام (بررسی شد)', answer.hologramSerial)] : []),
        ...(answer.supersededByPermitNumber ? [row('مجوز جایگزین', answer.supersededByPermitNumber)] : []),
      ].join('')
    : '';
  return `<!doctype html>
<html lang="fa" dir="rtl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>استعلام مجوز سامانه پایش تصویری</title>
<style>
body { font-family: Vazirmatn, Tahoma, sans-serif; margin: 0; padding: 1.5rem; background: #f6f7f9; color: #1d2330; }
main { max-width: 36rem; margin: 0 auto; background: #fff; border-radius: .75rem; padding: 1.5rem; box-shadow: 0 1px 4px #0002; }
h1 { font-size: 1.1rem; margin-top: 0; }
.verdict { font-size: 1.25rem; font-weight: bold; padding: 1rem; border-radius: .5rem; }
.good { background: #e3f6e8; color: #12612b; }
.bad { background: #fde8e8; color: #9b1c1c; }
table { width: 100%; border-collapse: collapse; margin-top: 1rem; }
th, td { text-align: right; padding: .5rem; border-bottom: 1px solid #e5e7eb; }
th { width: 40%; color: #4b5563; font-weight: normal; }
form { margin-top: 1rem; display: flex; flex-wrap: wrap; gap: .5rem; align-items: center; }
form input[name=hologramSerial] { flex: 1 1 10rem; padding: .5rem; font-size: 1rem; }
form button { padding: .5rem 1rem; font-size: 1rem; }
footer { margin-top: 1rem; font-size: .85rem; color: #6b7280; }
</style>
</head>
<body>
<main>
<h1>دفتر مجوزهای سامانه‌های پایش تصویری استان خراسان رضوی</h1>
<p class="verdict ${good ? 'good' : 'bad'}">${escapeHtml(answer.messageFa)}</p>
${details ? `<table>${details}</table>` : ''}
${answer.genuine && !answer.hologramChecked ? hologramForm(answer.permitNumber, options.repeatPermitNumber ?? false) : ''}
<footer>وضعیت در تاریخ ${escapeHtml(toPersianDigits(checkedOnJalali))}</footer>
</main>
</body>
</html>
`;
};
