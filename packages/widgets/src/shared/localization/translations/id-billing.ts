import type { BillingTerms } from '../billing-terms.js';
import { humanizeCode } from '../codes.js';

const kinds: Record<string, string> = { message: 'Pesan', topup: 'Isi ulang', payment_link: 'Tautan pembayaran', adjustment: 'Penyesuaian' };
const kindFilters = { message: 'Pesan', topup: 'Isi ulang', payment_link: 'Tautan pembayaran', adjustment: 'Penyesuaian' } as const;

/** Indonesian billing terms (one plural form: a number never changes the noun). */
const terms = {
  save: 'Simpan',
  saving: 'Menyimpan…',
  cancel: 'Batal',

  changeThreshold: 'Ubah',
  changeThresholdLabel: 'Ubah peringatan saldo rendah',
  thresholdInput: currency => `Beri tahu saya jika saldo turun di bawah (${currency})`,
  thresholdHint: 'Kosongkan untuk mematikan peringatan.',
  thresholdInvalid: example => `Masukkan jumlah 0 atau lebih, misalnya ${example}.`,
  thresholdSaved: amount => `Peringatan diatur di bawah ${amount}.`,
  thresholdOff: 'Peringatan saldo rendah dimatikan.',
  thresholdForbidden: 'Sesi ini tidak diizinkan mengubah peringatan.',
  thresholdSaveFailed: 'Peringatan tidak dapat disimpan.',
  runway: (days, formattedDays, spend, basisDays) =>
    days > 365
      ? `Lebih dari setahun dengan pengeluaran rata-rata Anda ${spend}/hari (${basisDays} hari terakhir)`
      : days < 1
      ? `Kurang dari sehari dengan pengeluaran rata-rata Anda ${spend}/hari (${basisDays} hari terakhir)`
      : `Sekitar ${formattedDays} hari dengan pengeluaran rata-rata Anda ${spend}/hari (${basisDays} hari terakhir)`,
  runwayNoSpend: basisDays => `Tidak ada pengeluaran dalam ${basisDays} hari terakhir`,

  statementLabel: 'Laporan kredit pesan',
  statementCaption: (from, to) => `Transaksi dari ${from} sampai ${to}`,
  statementFilters: 'Saring laporan',
  statementFrom: 'Dari',
  statementTo: 'Sampai',
  statementRangeInvalid: 'Tanggal akhir harus sama dengan atau setelah tanggal mulai.',
  statementType: 'Jenis',
  statementTypeAll: 'Kredit dan debit',
  statementTypeCredits: 'Kredit',
  statementTypeDebits: 'Debit',
  statementKind: 'Kategori',
  statementKindAll: 'Semua kategori',
  statementKindFilter: kind => kindFilters[kind],
  statementKindName: kind => kinds[kind] ?? humanizeCode(kind),
  statementDateColumn: 'Tanggal',
  statementDescriptionColumn: 'Keterangan',
  statementTypeColumn: 'Jenis',
  statementAmountColumn: 'Jumlah',
  statementBalanceColumn: 'Saldo akhir',
  statementTimesNote: 'Tanggal dan waktu dalam UTC.',
  credit: 'Kredit',
  debit: 'Debit',
  statementOpening: 'Saldo awal',
  statementClosing: 'Saldo akhir',
  statementDayTotals: (credits, debits) => `Kredit ${credits} · Debit ${debits}`,
  statementEmpty: 'Tidak ada transaksi dalam periode ini',
  statementUnpriced: (_count, formatted) =>
    `${formatted} pesan terkirim tidak memiliki harga di daftar tarif Anda dan tidak ditagih.`,
  statementLoadFailed: 'Laporan tidak dapat dimuat.',
  statementLoadMore: 'Muat lebih banyak',
  statementLoadedMore: (_count, formatted) => `${formatted} transaksi lagi dimuat.`,
  statementAllLoaded: 'Semua transaksi dalam periode ini sudah ditampilkan.',
  statementLoadMoreFailed: 'Transaksi lainnya tidak dapat dimuat.',
  statementNewEntries: 'Ada transaksi baru',
  statementShowNew: 'Tampilkan',
  statementDownload: 'Unduh CSV',
  statementDownloading: 'Menyiapkan unduhan…',
  statementDownloaded: filename => `${filename} telah diunduh`,
  statementDownloadFailed: 'Laporan tidak dapat diunduh.',
  statementExportForbidden: 'Mengunduh laporan tidak diaktifkan untuk sesi ini. Minta penyedia Anda untuk mengizinkan ekspor.',

  capLabel: 'Batas frekuensi marketing',
  capEnable: 'Batasi pesan marketing per pelanggan',
  capMaxMessages: 'Pesan marketing per pelanggan, paling banyak',
  capWindowHours: 'Dalam jangka waktu (jam)',
  capSummary: (_max, formattedMax, _hours, formattedHours) =>
    `Paling banyak ${formattedMax} pesan marketing per pelanggan setiap ${formattedHours} jam`,
  capOff: 'Nonaktif: pelanggan dapat menerima pesan marketing Anda tanpa batas.',
  capExplanation:
    'Jika batas aktif, sistem pengiriman Anda memeriksanya sebelum setiap pesan marketing dan melewati pelanggan yang sudah menerima jumlah maksimum dalam jangka waktu tersebut. Ini melindungi penilaian kualitas Anda dan mencegah pelanggan jenuh dengan pesan Anda.',
  capMetaLimits:
    'Meta juga membatasi jumlah pesan marketing yang diterima setiap orang dari bisnis, jadi pesan yang masih dalam batas Anda tetap mungkin tidak terkirim.',
  capMaxInvalid: 'Masukkan bilangan bulat dari 1 sampai 100.',
  capWindowInvalid: 'Masukkan jumlah jam dalam bilangan bulat dari 1 sampai 720.',
  capSaved: 'Batas frekuensi disimpan.',
  capSaveFailed: 'Batas frekuensi tidak dapat disimpan.',
  capLoadFailed: 'Batas frekuensi tidak dapat dimuat.',
  capReadOnly: 'Sesi ini dapat melihat batas frekuensi tetapi tidak diizinkan mengubahnya.',
} satisfies BillingTerms;

export default terms;
