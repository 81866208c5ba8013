import type { TopupTerms } from '../topup-terms.js';
import { plural } from '../plural.js';

const expiries: Record<number, string> = { 24: '24 ساعة', 72: '3 أيام', 168: '7 أيام' };

const translation: TopupTerms = {
  topupTrigger: 'إضافة رصيد',
  topupTitle: 'إضافة رصيد',
  topupClose: 'إغلاق',
  topupAmountLegend: 'المبلغ',
  topupCustomLabel: 'مبلغ آخر',
  topupRange: (min, max) => `من ${min} إلى ${max}`,
  topupOptionsFailed: 'تعذّر تحميل المبالغ.',

  amountRequired: 'اختر مبلغًا أو أدخله.',
  amountNotANumber: example => `أدخل المبلغ بالأرقام، مثل ${example}.`,
  amountTooManyDecimals: digits =>
    digits === 0
      ? 'أدخل مبلغًا صحيحًا بلا كسور عشرية.'
      : plural('ar', digits, {
          one: 'استخدم منزلة عشرية واحدة على الأكثر.',
          two: 'استخدم منزلتين عشريتين على الأكثر.',
          few: `استخدم ${digits} منازل عشرية على الأكثر.`,
          other: `استخدم ${digits} منزلة عشرية على الأكثر.`,
        }),
  amountBelowMin: min => `الحد الأدنى هو ${min}.`,
  amountAboveMax: max => `الحد الأقصى هو ${max}.`,
  amountNotAStep: step => `أدخل مضاعفًا لـ ${step}.`,

  payNow: 'ادفع الآن',
  payStarting: 'جارٍ فتح صفحة الدفع…',
  payStartFailed: 'تعذّر بدء الدفع. حاول مرة أخرى.',
  topupForbidden: 'لا تسمح صلاحياتك بإضافة رصيد. اطلب ذلك من أحد مسؤولي حسابك.',
  payWaiting: amount => `أكمل دفع ${amount} في نافذة الدفع. سيتحدّث هذا تلقائيًا بعد إتمام الدفع.`,
  payPopupBlocked: amount => `حظر متصفحك نافذة الدفع. تابع دفع ${amount} في علامة التبويب هذه.`,
  payContinue: 'المتابعة إلى الدفع',
  payBack: 'اختيار مبلغ آخر',
  paySucceeded: amount => `أُضيف ${amount} إلى رصيدك`,
  payFailed: amount => `لم تكتمل عملية دفع ${amount}. لم يُخصم أي مبلغ.`,
  payExpired: amount => `انتهت صلاحية دفع ${amount} قبل إتمامه.`,
  tryAgain: 'حاول مرة أخرى',
  done: 'تم',

  linkHeading: 'أو أرسل رابط دفع',
  linkExplainer: 'يمكن لأي شخص لديه الرابط دفع هذا المبلغ دون تسجيل الدخول.',
  linkNote: 'ملاحظة (اختيارية)',
  linkExpiry: 'تنتهي صلاحية الرابط بعد',
  linkExpiryOption: hours => expiries[hours] ?? `${hours} ساعة`,
  createLink: 'إنشاء رابط دفع',
  linkCreating: 'جارٍ إنشاء الرابط…',
  linkCreateFailed: 'تعذّر إنشاء الرابط. حاول مرة أخرى.',
  linksForbidden: 'لا تسمح صلاحياتك بروابط الدفع. اطلب ذلك من أحد مسؤولي حسابك.',
  linkReady: amount => `أُنشئ رابط دفع بمبلغ ${amount}`,
  linkFieldLabel: amount => `رابط دفع بمبلغ ${amount}`,
  linkExpires: date => `تنتهي صلاحيته في ${date}`,
  linkUrlUnavailable: 'لا يمكن عرض عنوان هذا الرابط مرة أخرى؛ النسخة التي لدى الدافع لا تزال تعمل',
  copy: 'نسخ',
  copyLinkLabel: amount => `نسخ رابط الدفع بمبلغ ${amount}`,
  linkCopied: 'نُسخ الرابط',
  linkSelected: 'حُدّد الرابط: اضغط Ctrl+C (أو ⌘C على Mac) لنسخه.',
  share: 'مشاركة',
  shareTitle: amount => `رابط دفع بمبلغ ${amount}`,

  openLinksHeading: 'روابط الدفع المفتوحة',
  openLinksEmpty: 'لا توجد روابط دفع مفتوحة.',
  openLinksFailed: 'تعذّر تحميل روابط الدفع.',
  cancelLink: 'إلغاء الرابط',
  cancelLinkLabel: amount => `إلغاء الرابط بمبلغ ${amount}`,
  cancelLinkConfirm: amount => `هل تريد إلغاء الرابط بمبلغ ${amount}؟ لن يتمكن أي شخص لديه الرابط من الدفع بعد ذلك.`,
  cancelLinkYes: 'نعم، ألغِ الرابط',
  cancelLinkNo: 'الإبقاء على الرابط',
  linkCancelled: 'أُلغي الرابط',
  linkAlreadyPaid: 'دُفع هذا الرابط بالفعل، لذا لا يمكن إلغاؤه.',
  cancelFailed: 'تعذّر إلغاء الرابط. حاول مرة أخرى.',
};

export default translation;
