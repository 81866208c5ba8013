import type { Translation } from '../localize.js';
import metaAr from './ar-meta.js';
import billingAr from './ar-billing.js';
import topupAr from './ar-topup.js';

const translation = {
  $code: 'ar',
  $name: 'العربية',
  $dir: 'rtl',

  balanceLabel: 'رصيد المراسلة',
  alertBelow: amount => `تنبيه عند الانخفاض عن ${amount}`,
  noThreshold: 'لم يُضبط تنبيه لانخفاض الرصيد',
  lowBalance: 'رصيد منخفض',
  loading: 'جارٍ التحميل…',
  retry: 'إعادة المحاولة',
  loadFailed: 'تعذّر تحميل الرصيد.',
  sessionExpired: 'انتهت صلاحية جلستك. أعد تحميل الصفحة لتسجيل الدخول من جديد.',
  staleNote: time => `تعذّر التحديث — تُعرض القيمة المسجّلة في ${time}`,
  ...metaAr,
  ...billingAr,
  ...topupAr,
} satisfies Translation;

export default translation;
