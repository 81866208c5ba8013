import { humanizeCode } from '../codes.js';
import type { MetaTerms } from '../meta-terms.js';
import type { QualityRating } from '../../api/types.js';

const ratings: Record<QualityRating, string> = { GREEN: 'Tinggi', YELLOW: 'Sedang', RED: 'Rendah', UNKNOWN: 'Belum dinilai' };
const lastWeek =
  'Kualitas mencerminkan cara orang menerima pesan Anda selama 7 hari terakhir: pemblokiran, laporan, dan masukan.';
const meanings: Record<QualityRating, string> = {
  GREEN: `${lastWeek} Pesan Anda diterima dengan baik.`,
  YELLOW: `${lastWeek} Beberapa orang telah memblokir atau melaporkan pesan Anda; penilaian bisa turun menjadi rendah.`,
  RED: `${lastWeek} Banyak orang telah memblokir atau melaporkan pesan Anda. Kualitas rendah dapat membuat Meta menjeda template atau membatasi nomor ini.`,
  UNKNOWN: 'Meta belum menilai nomor ini, biasanya karena nomor ini baru mengirim sedikit pesan.',
};
const advice: Record<QualityRating, string> = {
  GREEN: 'Pertahankan: kirim hanya pesan yang disetujui dan diharapkan penerima, dan hormati setiap permintaan berhenti berlangganan.',
  YELLOW:
    'Kirim hanya pesan relevan yang disetujui dan diharapkan penerima, hormati permintaan berhenti berlangganan, kurangi frekuensi pengiriman, dan periksa kualitas setiap template.',
  RED: 'Jeda kampanye yang diblokir, kirim pesan hanya kepada orang yang sudah setuju dan menantikan pesan Anda, hormati setiap permintaan berhenti berlangganan, dan perbaiki atau hentikan template berkualitas rendah.',
  UNKNOWN: 'Mulailah dengan pesan yang disetujui dan diharapkan penerima; penilaian akan muncul setelah Meta menerima cukup masukan.',
};
const statuses: Record<string, string> = {
  CONNECTED: 'Terhubung',
  PENDING: 'Tertunda',
  FLAGGED: 'Ditandai',
  RESTRICTED: 'Dibatasi',
  DISCONNECTED: 'Terputus',
  LINKED: 'Tertaut',
  UNVERIFIED: 'Belum diverifikasi',
  MIGRATED: 'Dimigrasikan',
  BANNED: 'Diblokir',
  DELETED: 'Dihapus',
};
const nameStatuses: Record<string, string> = {
  APPROVED: 'Nama tampilan disetujui',
  AVAILABLE_WITHOUT_REVIEW: 'Nama tampilan tersedia tanpa peninjauan',
  DECLINED: 'Nama tampilan ditolak',
  EXPIRED: 'Nama tampilan kedaluwarsa',
  PENDING_REVIEW: 'Nama tampilan sedang ditinjau',
  NONE: 'Belum ada nama tampilan yang diajukan',
};
const events: Record<string, string> = {
  ONBOARDING: 'Nomor sedang didaftarkan',
  THROUGHPUT_UPGRADE: 'Throughput ditingkatkan',
  FLAGGED: 'Nomor ditandai',
  UNFLAGGED: 'Tanda dihapus',
  UPGRADE: 'Batas pesan dinaikkan',
  DOWNGRADE: 'Batas pesan diturunkan',
  BUSINESS_CAPABILITY_UPDATE: 'Batas pesan diperbarui',
  QUALITY_CHANGED: 'Penilaian kualitas berubah',
  LIMIT_CHANGED: 'Batas pesan berubah',
};
const categories: Record<string, string> = {
  marketing: 'Marketing',
  marketing_lite: 'Marketing Lite',
  utility: 'Utilitas',
  authentication: 'Autentikasi',
  authentication_international: 'Autentikasi (internasional)',
  service: 'Layanan',
};
const markets: Record<string, string> = {
  NORTH_AMERICA: 'Amerika Utara',
  REST_OF_AFRICA: 'Afrika lainnya',
  REST_OF_ASIA_PACIFIC: 'Asia Pasifik lainnya',
  REST_OF_CENTRAL_EASTERN_EUROPE: 'Eropa Tengah & Timur lainnya',
  REST_OF_LATIN_AMERICA: 'Amerika Latin lainnya',
  REST_OF_MIDDLE_EAST: 'Timur Tengah lainnya',
  REST_OF_WESTERN_EUROPE: 'Eropa Barat lainnya',
  OTHER: 'Lainnya',
};

/** Indonesian terms of `<wa-number>`, `<wa-quality>`, `<wa-quota>` and `<wa-rate-card>` (one plural form). */
const terms = {
  qualityRating: rating => ratings[rating] ?? humanizeCode(rating),
  qualityMeaning: rating => meanings[rating] ?? meanings.UNKNOWN,
  qualityAdvice: rating => advice[rating] ?? advice.UNKNOWN,
  qualityChip: rating => `Kualitas: ${rating}`,

  numberLabel: 'Nomor WhatsApp',
  numberStatus: status => statuses[status] ?? humanizeCode(status),
  nameStatus: status => nameStatuses[status] ?? `Nama tampilan: ${humanizeCode(status).toLowerCase()}`,
  noNumber: 'Belum ada nomor WhatsApp yang terhubung.',
  numberLoadFailed: 'Nomor tidak dapat dimuat.',

  qualityLabel: 'Penilaian kualitas',
  refresh: 'Perbarui',
  qualityStale: time => `Meta tidak merespons — menampilkan penilaian pukul ${time}`,
  qualityStaleNoTime: 'Meta tidak merespons — menampilkan penilaian terakhir yang diketahui',
  qualityRefreshFailed: time => `Gagal memuat ulang: Meta tidak merespons. Menampilkan penilaian pukul ${time}`,
  qualityRefreshFailedNoTime: 'Gagal memuat ulang: Meta tidak merespons. Menampilkan penilaian terakhir yang diketahui',
  qualityChecked: time => `Diperiksa ${time}`,
  qualityPolicyLink: 'Kebijakan Pesan WhatsApp Business',
  opensInNewTab: '(terbuka di tab baru)',
  qualityHistoryLabel: 'Perubahan kualitas dan batas',
  qualityHistoryEmpty: 'Belum ada perubahan. Perubahan penilaian kualitas dan batas pesan akan muncul di sini.',
  qualityEvent: event => events[event] ?? humanizeCode(event),
  historyTier: tier => `Batas: ${tier}`,
  qualityLoadFailed: 'Penilaian kualitas tidak dapat dimuat.',

  quotaLabel: 'Batas pesan harian',
  quotaLimit: (count, hours) => `${count} pelanggan unik / ${hours} jam`,
  quotaUnlimited: 'Tanpa batas',
  quotaNotSet: 'Belum ditetapkan',
  quotaShared: 'Batas ini dipakai bersama oleh semua nomor di portofolio bisnis Anda.',
  quotaStale: time => `Meta tidak merespons — menampilkan batas pukul ${time}`,
  quotaStaleNoTime: 'Meta tidak merespons — menampilkan batas terakhir yang diketahui',
  quotaRefreshFailed: time => `Gagal memuat ulang: Meta tidak merespons. Menampilkan batas pukul ${time}`,
  quotaRefreshFailedNoTime: 'Gagal memuat ulang: Meta tidak merespons. Menampilkan batas terakhir yang diketahui',
  quotaLoadFailed: 'Batas pesan tidak dapat dimuat.',
  usageButton: 'Lihat penggunaan 24 jam terakhir',
  usageLabel: 'Pelanggan unik dalam 24 jam terakhir',
  usageOf: (used, limit) => `${used} dari ${limit} pelanggan`,
  usageCount: (_count, formatted) => `${formatted} pelanggan dalam 24 jam terakhir`,
  usageHeadroom: (_remaining, formatted) => `Anda masih dapat menjangkau ${formatted} pelanggan lagi sekarang`,
  usageLimitReached: 'Anda telah mencapai batas: pelanggan baru dapat dijangkau saat pelanggan sebelumnya keluar dari jendela 24 jam.',
  usageProjection: (_pace, formattedPace, time) =>
    `Dengan laju saat ini (${formattedPace} pelanggan baru dalam satu jam terakhir), batas akan tercapai sekitar pukul ${time}`,
  usageByNumber: 'Pelanggan per nomor',
  usageNumberColumn: 'Nomor',
  usageCustomersColumn: 'Pelanggan',
  usageUnnamedNumber: 'Nomor tanpa nomor tampilan',
  usageLoadFailed: 'Penggunaan tidak dapat dimuat.',

  rateCardLabel: 'Harga pesan',
  rateCardCaption: currency => `Harga per pesan terkirim, dalam ${currency}`,
  rateCardSearch: 'Cari pasar',
  rateCardCount: (_count, formatted) => `${formatted} pasar`,
  rateCardNoMatch: query => `Tidak ada pasar yang cocok dengan “${query}”.`,
  rateCardEmpty: 'Belum ada harga yang ditetapkan.',
  rateCardMarketColumn: 'Pasar',
  pricingCategory: category => categories[category] ?? humanizeCode(category),
  marketName: (code, fallback) => markets[code] ?? fallback,
  noPrice: 'Tidak tersedia',
  rateCardLoadFailed: 'Harga tidak dapat dimuat.',
  estimatorLabel: 'Hitung biaya kampanye ini',
  estimatorHint: 'Perkiraan untuk satu pesan terkirim per orang.',
  estimatorMarket: 'Pasar',
  estimatorCategory: 'Kategori',
  estimatorAudience: 'Jumlah orang',
  estimatorCost: 'Perkiraan biaya',
  estimatorRow: row => `Baris ${row}`,
  estimatorAddRow: 'Tambah pasar',
  estimatorRemoveRow: row => `Hapus baris ${row}`,
  estimatorInvalidAudience: 'Masukkan jumlah orang dalam bilangan bulat.',
  estimatorNoPrice: 'Tidak ada harga untuk kategori ini di pasar ini.',
  estimatorTotal: amount => `Perkiraan total: ${amount}`,
  estimatorCovered: balance => `Saldo Anda sebesar ${balance} cukup untuk kampanye ini`,
  estimatorShortfall: missing => `Anda memerlukan ${missing} lagi`,
  estimatorBalanceUnavailable: 'Saldo Anda tidak dapat dimuat untuk dibandingkan.',
} satisfies MetaTerms;

export default terms;
