import type { BillingTerms } from '../billing-terms.js';
import { humanizeCode } from '../codes.js';
import { plural } from '../plural.js';

const kinds: Record<string, string> = { message: 'رسالة', topup: 'شحن رصيد', payment_link: 'رابط دفع', adjustment: 'تسوية' };
const kindFilters = { message: 'الرسائل', topup: 'عمليات الشحن', payment_link: 'روابط الدفع', adjustment: 'التسويات' } as const;

const days = (count: number, formatted: string) =>
  plural('ar', count, {
    zero: `${formatted} يوم`,
    one: 'يوم واحد',
    two: 'يومان',
    few: `${formatted} أيام`,
    many: `${formatted} يومًا`,
    other: `${formatted} يوم`,
  });

/** Arabic billing terms, each count in Arabic's six plural forms. */
const terms = {
  save: 'حفظ',
  saving: 'جارٍ الحفظ…',
  cancel: 'إلغاء',

  changeThreshold: 'تغيير',
  changeThresholdLabel: 'تغيير تنبيه انخفاض الرصيد',
  thresholdInput: currency => `نبّهني عندما ينخفض الرصيد عن (${currency})`,
  thresholdHint: 'اتركه فارغًا لإيقاف التنبيه.',
  thresholdInvalid: example => `أدخل مبلغًا يساوي 0 أو أكثر، مثل ${example}.`,
  thresholdSaved: amount => `ضُبط التنبيه عند الانخفاض عن ${amount}.`,
  thresholdOff: 'أُوقف تنبيه انخفاض الرصيد.',
  thresholdForbidden: 'لا يُسمح لهذه الجلسة بتغيير التنبيه.',
  thresholdSaveFailed: 'تعذّر حفظ التنبيه.',
  runway: (count, formattedDays, spend, basisDays) =>
    count > 365
      ? `أكثر من سنة بمتوسط إنفاقك البالغ ${spend} يوميًا (آخر ${days(basisDays, String(basisDays))})`
      : count < 1
      ? `أقل من يوم بمتوسط إنفاقك البالغ ${spend} يوميًا (آخر ${days(basisDays, String(basisDays))})`
      : `نحو ${days(count, formattedDays)} بمتوسط إنفاقك البالغ ${spend} يوميًا (آخر ${days(basisDays, String(basisDays))})`,
  runwayNoSpend: basisDays => `لا إنفاق خلال آخر ${days(basisDays, String(basisDays))}`,

  statementLabel: 'كشف رصيد المراسلة',
  statementCaption: (from, to) => `المعاملات من ${from} إلى ${to}`,
  statementFilters: 'تصفية الكشف',
  statementFrom: 'من',
  statementTo: 'إلى',
  statementRangeInvalid: 'يجب أن يكون تاريخ النهاية في تاريخ البداية أو بعده.',
  statementType: 'النوع',
  statementTypeAll: 'الإضافات والخصومات',
  statementTypeCredits: 'الإضافات',
  statementTypeDebits: 'الخصومات',
  statementKind: 'الفئة',
  statementKindAll: 'كل الفئات',
  statementKindFilter: kind => kindFilters[kind],
  statementKindName: kind => kinds[kind] ?? humanizeCode(kind),
  statementDateColumn: 'التاريخ',
  statementDescriptionColumn: 'الوصف',
  statementTypeColumn: 'النوع',
  statementAmountColumn: 'المبلغ',
  statementBalanceColumn: 'الرصيد بعدها',
  statementTimesNote: 'الأيام والأوقات بتوقيت UTC.',
  credit: 'إضافة',
  debit: 'خصم',
  statementOpening: 'الرصيد الافتتاحي',
  statementClosing: 'الرصيد الختامي',
  statementDayTotals: (credits, debits) => `الإضافات ${credits} · الخصومات ${debits}`,
  statementEmpty: 'لا توجد معاملات في هذه الفترة',
  statementUnpriced: (count, formatted) =>
    plural('ar', count, {
      zero: `${formatted} رسالة مُسلَّمة لم يكن لها سعر في قائمة أسعارك ولم تُحتسب.`,
      one: 'رسالة واحدة مُسلَّمة لم يكن لها سعر في قائمة أسعارك ولم تُحتسب.',
      two: 'رسالتان مُسلَّمتان لم يكن لهما سعر في قائمة أسعارك ولم تُحتسبا.',
      few: `${formatted} رسائل مُسلَّمة لم يكن لها سعر في قائمة أسعارك ولم تُحتسب.`,
      many: `${formatted} رسالةً مُسلَّمة لم يكن لها سعر في قائمة أسعارك ولم تُحتسب.`,
      other: `${formatted} رسالة مُسلَّمة لم يكن لها سعر في قائمة أسعارك ولم تُحتسب.`,
    }),
  statementLoadFailed: 'تعذّر تحميل الكشف.',
  statementLoadMore: 'تحميل المزيد',
  statementLoadedMore: (count, formatted) =>
    plural('ar', count, {
      zero: `حُمّلت ${formatted} معاملة إضافية.`,
      one: 'حُمّلت معاملة واحدة إضافية.',
      two: 'حُمّلت معاملتان إضافيتان.',
      few: `حُمّلت ${formatted} معاملات إضافية.`,
      many: `حُمّلت ${formatted} معاملةً إضافية.`,
      other: `حُمّلت ${formatted} معاملة إضافية.`,
    }),
  statementAllLoaded: 'تُعرض كل معاملات هذه الفترة.',
  statementLoadMoreFailed: 'تعذّر تحميل المزيد من المعاملات.',
  statementNewEntries: 'معاملات جديدة',
  statementShowNew: 'عرض',
  statementDownload: 'تنزيل CSV',
  statementDownloading: 'جارٍ تجهيز التنزيل…',
  statementDownloaded: filename => `نُزّل ${filename}`,
  statementDownloadFailed: 'تعذّر تنزيل الكشف.',
  statementExportForbidden: 'تنزيل الكشف غير مفعّل لهذه الجلسة. اطلب من مزوّد الخدمة السماح بالتصدير.',

  capLabel: 'حد تكرار الرسائل التسويقية',
  capEnable: 'تحديد عدد الرسائل التسويقية لكل عميل',
  capMaxMessages: 'الحد الأقصى للرسائل التسويقية لكل عميل',
  capWindowHours: 'خلال هذا العدد من الساعات',
  capSummary: (max, formattedMax, hours, formattedHours) => {
    const messages = plural('ar', max, {
      zero: `${formattedMax} رسالة تسويقية`,
      one: 'رسالة تسويقية واحدة',
      two: 'رسالتان تسويقيتان',
      few: `${formattedMax} رسائل تسويقية`,
      many: `${formattedMax} رسالةً تسويقية`,
      other: `${formattedMax} رسالة تسويقية`,
    });
    const window = plural('ar', hours, {
      zero: `${formattedHours} ساعة`,
      one: 'ساعة',
      two: 'ساعتين',
      few: `${formattedHours} ساعات`,
      many: `${formattedHours} ساعةً`,
      other: `${formattedHours} ساعة`,
    });
    return `${messages} كحد أقصى لكل عميل كل ${window}`;
  },
  capOff: 'متوقف: يمكن للعملاء تلقي أي عدد من رسائلك التسويقية.',
  capExplanation:
    'عند تفعيل الحد، يتحقق نظام الإرسال لديك منه قبل كل رسالة تسويقية ويتخطى العملاء الذين تلقوا الحد الأقصى خلال الفترة. يحمي ذلك تقييم الجودة ويمنع العملاء من الملل من رسائلك.',
  capMetaLimits:
    'تحدّ Meta أيضًا من عدد الرسائل التسويقية التي يتلقاها كل شخص من الأنشطة التجارية، لذا قد لا تُسلَّم رسالة حتى لو كانت ضمن حدك.',
  capMaxInvalid: 'أدخل عددًا صحيحًا من 1 إلى 100.',
  capWindowInvalid: 'أدخل عددًا صحيحًا من الساعات من 1 إلى 720.',
  capSaved: 'حُفظ حد التكرار.',
  capSaveFailed: 'تعذّر حفظ حد التكرار.',
  capLoadFailed: 'تعذّر تحميل حد التكرار.',
  capReadOnly: 'يمكن لهذه الجلسة عرض حد التكرار لكن لا يُسمح لها بتغييره.',
} satisfies BillingTerms;

export default terms;
