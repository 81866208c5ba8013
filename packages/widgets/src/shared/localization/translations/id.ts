import type { Translation } from '../localize.js';
import metaId from './id-meta.js';
import billingId from './id-billing.js';
import topupId from './id-topup.js';

const translation = {
  $code: 'id',
  $name: 'Bahasa Indonesia',
  $dir: 'ltr',

  balanceLabel: 'Saldo kredit pesan',
  alertBelow: amount => `Peringatan di bawah ${amount}`,
  noThreshold: 'Belum ada peringatan saldo rendah',
  lowBalance: 'Saldo rendah',
  loading: 'Memuat…',
  retry: 'Coba lagi',
  loadFailed: 'Saldo tidak dapat dimuat.',
  sessionExpired: 'Sesi Anda telah berakhir. Muat ulang halaman untuk masuk kembali.',
  staleNote: time => `Tidak dapat memperbarui — menampilkan nilai pukul ${time}`,
  ...metaId,
  ...billingId,
  ...topupId,
} satisfies Translation;

export default translation;
