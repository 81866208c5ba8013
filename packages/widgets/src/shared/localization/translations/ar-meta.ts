import { humanizeCode } from '../codes.js';
import type { MetaTerms } from '../meta-terms.js';
import { plural } from '../plural.js';
import type { QualityRating } from '../../api/types.js';

const ratings: Record<QualityRating, string> = { GREEN: 'عالية', YELLOW: 'متوسطة', RED: 'منخفضة', UNKNOWN: 'لم تُقيَّم بعد' };
const lastWeek = 'تعكس الجودة كيف تلقّى الناس رسائلك خلال آخر 7 أيام: الحظر والإبلاغ والملاحظات.';
const meanings: Record<QualityRating, string> = {
  GREEN: `${lastWeek} يتلقّى الناس رسائلك بشكل جيد.`,
  YELLOW: `${lastWeek} حظر بعض الناس رسائلك أو أبلغوا عنها؛ وقد ينخفض التقييم إلى منخفض.`,
  RED: `${lastWeek} حظر كثير من الناس رسائلك أو أبلغوا عنها. قد تؤدي الجودة المنخفضة إلى إيقاف Meta للقوالب مؤقتًا أو تقييد هذا الرقم.`,
  UNKNOWN: 'لم تُقيّم Meta هذا الرقم بعد، وعادةً ما يكون ذلك لأنه أرسل عددًا قليلًا من الرسائل حتى الآن.',
};
const advice: Record<QualityRating, string> = {
  GREEN: 'واصل على هذا النحو: أرسل فقط الرسائل التي وافق عليها الناس ويتوقعونها، واحترم كل طلب لإلغاء الاشتراك.',
  YELLOW:
    'أرسل فقط الرسائل المفيدة التي وافق عليها الناس ويتوقعونها، واحترم طلبات إلغاء الاشتراك، وقلّل عدد مرات الإرسال، وراجع جودة كل قالب.',
  RED: 'أوقف مؤقتًا الحملات التي تتعرض للحظر، وراسل فقط من وافقوا ويتوقعون رسائلك، واحترم كل طلب لإلغاء الاشتراك، وأصلح القوالب منخفضة الجودة أو أوقفها.',
  UNKNOWN: 'ابدأ برسائل وافق عليها الناس ويتوقعونها؛ سيظهر التقييم بعد أن تجمع Meta ما يكفي من الملاحظات.',
};
const statuses: Record<string, string> = {
  CONNECTED: 'متصل',
  PENDING: 'قيد الانتظار',
  FLAGGED: 'عليه علامة تحذير',
  RESTRICTED: 'مقيّد',
  DISCONNECTED: 'غير متصل',
  LINKED: 'مرتبط',
  UNVERIFIED: 'غير موثّق',
  MIGRATED: 'منقول',
  BANNED: 'محظور',
  DELETED: 'محذوف',
};
const nameStatuses: Record<string, string> = {
  APPROVED: 'تمت الموافقة على الاسم المعروض',
  AVAILABLE_WITHOUT_REVIEW: 'الاسم المعروض متاح دون مراجعة',
  DECLINED: 'رُفض الاسم المعروض',
  EXPIRED: 'انتهت صلاحية الاسم المعروض',
  PENDING_REVIEW: 'الاسم المعروض قيد المراجعة',
  NONE: 'لم يُقدَّم اسم معروض',
};
const events: Record<string, string> = {
  ONBOARDING: 'جارٍ تسجيل الرقم',
  THROUGHPUT_UPGRADE: 'رُفعت سعة الإرسال',
  FLAGGED: 'وُضعت علامة تحذير على الرقم',
  UNFLAGGED: 'أُزيلت علامة التحذير',
  UPGRADE: 'رُفع حد المراسلة',
  DOWNGRADE: 'خُفّض حد المراسلة',
  BUSINESS_CAPABILITY_UPDATE: 'حُدّث حد المراسلة',
  QUALITY_CHANGED: 'تغيّر تقييم الجودة',
  LIMIT_CHANGED: 'تغيّر حد المراسلة',
};
const categories: Record<string, string> = {
  marketing: 'تسويق',
  marketing_lite: 'تسويق لايت',
  utility: 'خدمات',
  authentication: 'مصادقة',
  authentication_international: 'مصادقة (دولية)',
  service: 'خدمة العملاء',
};
const markets: Record<string, string> = {
  NORTH_AMERICA: 'أمريكا الشمالية',
  REST_OF_AFRICA: 'باقي أفريقيا',
  REST_OF_ASIA_PACIFIC: 'باقي آسيا والمحيط الهادئ',
  REST_OF_CENTRAL_EASTERN_EUROPE: 'باقي وسط وشرق أوروبا',
  REST_OF_LATIN_AMERICA: 'باقي أمريكا اللاتينية',
  REST_OF_MIDDLE_EAST: 'باقي الشرق الأوسط',
  REST_OF_WESTERN_EUROPE: 'باقي غرب أوروبا',
  OTHER: 'أخرى',
};

/** "n customers" in each of Arabic's six plural forms. */
const customers = (count: number, formatted: string) =>
  plural('ar', count, {
    zero: `${formatted} عميل`,
    one: 'عميل واحد',
    two: 'عميلان',
    few: `${formatted} عملاء`,
    many: `${formatted} عميلًا`,
    other: `${formatted} عميل`,
  });

/** Arabic terms of `<wa-number>`, `<wa-quality>`, `<wa-quota>` and `<wa-rate-card>`. */
const terms = {
  qualityRating: rating => ratings[rating] ?? humanizeCode(rating),
  qualityMeaning: rating => meanings[rating] ?? meanings.UNKNOWN,
  qualityAdvice: rating => advice[rating] ?? advice.UNKNOWN,
  qualityChip: rating => `الجودة: ${rating}`,

  numberLabel: 'رقم WhatsApp',
  numberStatus: status => statuses[status] ?? humanizeCode(status),
  nameStatus: status => nameStatuses[status] ?? `الاسم المعروض: ${humanizeCode(status).toLowerCase()}`,
  noNumber: 'لم يُربط أي رقم WhatsApp بعد.',
  numberLoadFailed: 'تعذّر تحميل الرقم.',

  qualityLabel: 'تقييم الجودة',
  refresh: 'تحديث',
  qualityStale: time => `لم تستجب Meta — يُعرض التقييم المسجّل في ${time}`,
  qualityStaleNoTime: 'لم تستجب Meta — يُعرض آخر تقييم معروف',
  qualityRefreshFailed: time => `تعذّر التحديث: لم تستجب Meta. يُعرض التقييم المسجّل في ${time}`,
  qualityRefreshFailedNoTime: 'تعذّر التحديث: لم تستجب Meta. يُعرض آخر تقييم معروف',
  qualityChecked: time => `آخر فحص: ${time}`,
  qualityPolicyLink: 'سياسة المراسلة في WhatsApp Business',
  opensInNewTab: '(يُفتح في علامة تبويب جديدة)',
  qualityHistoryLabel: 'تغييرات الجودة والحد',
  qualityHistoryEmpty: 'لا توجد تغييرات بعد. ستظهر هنا تغييرات تقييم الجودة وحد المراسلة.',
  qualityEvent: event => events[event] ?? humanizeCode(event),
  historyTier: tier => `الحد: ${tier}`,
  qualityLoadFailed: 'تعذّر تحميل تقييم الجودة.',

  quotaLabel: 'حد المراسلة اليومي',
  quotaLimit: (count, hours) => `${count} من العملاء الفريدين / ${hours} ساعة`,
  quotaUnlimited: 'غير محدود',
  quotaNotSet: 'غير محدد',
  quotaShared: 'يتشارك هذا الحد جميع أرقام محفظة أعمالك.',
  quotaStale: time => `لم تستجب Meta — يُعرض الحد المسجّل في ${time}`,
  quotaStaleNoTime: 'لم تستجب Meta — يُعرض آخر حد معروف',
  quotaRefreshFailed: time => `تعذّر التحديث: لم تستجب Meta. يُعرض الحد المسجّل في ${time}`,
  quotaRefreshFailedNoTime: 'تعذّر التحديث: لم تستجب Meta. يُعرض آخر حد معروف',
  quotaLoadFailed: 'تعذّر تحميل حد المراسلة.',
  usageButton: 'عرض استخدام آخر 24 ساعة',
  usageLabel: 'العملاء الفريدون خلال آخر 24 ساعة',
  usageOf: (used, limit) => `${used} من ${limit} عميل`,
  usageCount: (count, formatted) => `${customers(count, formatted)} خلال آخر 24 ساعة`,
  usageHeadroom: (remaining, formatted) =>
    plural('ar', remaining, {
      zero: 'لا يمكنك الوصول إلى عملاء إضافيين الآن',
      one: 'يمكنك الآن الوصول إلى عميل واحد إضافي',
      two: 'يمكنك الآن الوصول إلى عميلَين إضافيَّين',
      few: `يمكنك الآن الوصول إلى ${formatted} عملاء إضافيين`,
      many: `يمكنك الآن الوصول إلى ${formatted} عميلًا إضافيًا`,
      other: `يمكنك الآن الوصول إلى ${formatted} عميل إضافي`,
    }),
  usageLimitReached: 'بلغت الحد: يمكن الوصول إلى عملاء جدد كلما خرج عملاء سابقون من نافذة الـ 24 ساعة.',
  usageProjection: (pace, formattedPace, time) => {
    const newCustomers = plural('ar', pace, {
      zero: `${formattedPace} عميل جديد`,
      one: 'عميل واحد جديد',
      two: 'عميلان جديدان',
      few: `${formattedPace} عملاء جدد`,
      many: `${formattedPace} عميلًا جديدًا`,
      other: `${formattedPace} عميل جديد`,
    });
    return `بالوتيرة الحالية (${newCustomers} في الساعة الأخيرة) سيُبلغ الحد نحو ${time}`;
  },
  usageByNumber: 'العملاء حسب الرقم',
  usageNumberColumn: 'الرقم',
  usageCustomersColumn: 'العملاء',
  usageUnnamedNumber: 'رقم بلا رقم معروض',
  usageLoadFailed: 'تعذّر تحميل الاستخدام.',

  rateCardLabel: 'أسعار الرسائل',
  rateCardCaption: currency => `سعر الرسالة المُسلَّمة، بعملة ${currency}`,
  rateCardSearch: 'ابحث في الأسواق',
  rateCardCount: (count, formatted) =>
    plural('ar', count, {
      zero: `${formatted} سوق`,
      one: 'سوق واحدة',
      two: 'سوقان',
      few: `${formatted} أسواق`,
      many: `${formatted} سوقًا`,
      other: `${formatted} سوق`,
    }),
  rateCardNoMatch: query => `لا توجد سوق تطابق «${query}».`,
  rateCardEmpty: 'لم تُحدَّد أي أسعار بعد.',
  rateCardMarketColumn: 'السوق',
  pricingCategory: category => categories[category] ?? humanizeCode(category),
  marketName: (code, fallback) => markets[code] ?? fallback,
  noPrice: 'غير متاح',
  rateCardLoadFailed: 'تعذّر تحميل الأسعار.',
  estimatorLabel: 'احسب تكلفة هذه الحملة',
  estimatorHint: 'تقدير لرسالة واحدة مُسلَّمة لكل شخص.',
  estimatorMarket: 'السوق',
  estimatorCategory: 'الفئة',
  estimatorAudience: 'عدد الأشخاص',
  estimatorCost: 'التكلفة التقديرية',
  estimatorRow: row => `الصف ${row}`,
  estimatorAddRow: 'أضف سوقًا',
  estimatorRemoveRow: row => `احذف الصف ${row}`,
  estimatorInvalidAudience: 'أدخل عدد الأشخاص عددًا صحيحًا.',
  estimatorNoPrice: 'لا يوجد سعر لهذه الفئة في هذه السوق.',
  estimatorTotal: amount => `الإجمالي التقديري: ${amount}`,
  estimatorCovered: balance => `رصيدك البالغ ${balance} يغطي هذه الحملة`,
  estimatorShortfall: missing => `تحتاج إلى ${missing} إضافية`,
  estimatorBalanceUnavailable: 'تعذّر تحميل رصيدك للمقارنة.',
} satisfies MetaTerms;

export default terms;
