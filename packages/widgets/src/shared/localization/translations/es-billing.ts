import type { BillingTerms } from '../billing-terms.js';
import { humanizeCode } from '../codes.js';
import { plural as pluralForm } from '../plural.js';

const plural = (count: number, one: string, other: string) => pluralForm('es', count, { one, other });

const kinds: Record<string, string> = { message: 'Mensaje', topup: 'Recarga', payment_link: 'Enlace de pago', adjustment: 'Ajuste' };
const kindFilters = { message: 'Mensajes', topup: 'Recargas', payment_link: 'Enlaces de pago', adjustment: 'Ajustes' } as const;

const terms = {
  save: 'Guardar',
  saving: 'Guardando…',
  cancel: 'Cancelar',

  changeThreshold: 'Cambiar',
  changeThresholdLabel: 'Cambiar alerta de saldo bajo',
  thresholdInput: currency => `Avisarme cuando el saldo baje de (${currency})`,
  thresholdHint: 'Déjalo vacío para desactivar la alerta.',
  thresholdInvalid: example => `Introduce un importe de 0 o más, como ${example}.`,
  thresholdSaved: amount => `Alerta fijada por debajo de ${amount}.`,
  thresholdOff: 'Alerta de saldo bajo desactivada.',
  thresholdForbidden: 'Esta sesión no tiene permiso para cambiar la alerta.',
  thresholdSaveFailed: 'No se pudo guardar la alerta.',
  runway: (days, formattedDays, spend, basisDays) =>
    days > 365
      ? `Más de un año con tu gasto medio de ${spend}/día (últimos ${basisDays} días)`
      : days < 1
      ? `Menos de un día con tu gasto medio de ${spend}/día (últimos ${basisDays} días)`
      : `Unos ${formattedDays} ${plural(days, 'día', 'días')} con tu gasto medio de ${spend}/día (últimos ${basisDays} días)`,
  runwayNoSpend: basisDays => `Sin gasto en los últimos ${basisDays} días`,

  statementLabel: 'Extracto del crédito para mensajes',
  statementCaption: (from, to) => `Movimientos del ${from} al ${to}`,
  statementFilters: 'Filtrar el extracto',
  statementFrom: 'Desde',
  statementTo: 'Hasta',
  statementRangeInvalid: 'La fecha final debe ser igual o posterior a la inicial.',
  statementType: 'Tipo',
  statementTypeAll: 'Créditos y débitos',
  statementTypeCredits: 'Créditos',
  statementTypeDebits: 'Débitos',
  statementKind: 'Clase',
  statementKindAll: 'Todas las clases',
  statementKindFilter: kind => kindFilters[kind],
  statementKindName: kind => kinds[kind] ?? humanizeCode(kind),
  statementDateColumn: 'Fecha',
  statementDescriptionColumn: 'Descripción',
  statementTypeColumn: 'Tipo',
  statementAmountColumn: 'Importe',
  statementBalanceColumn: 'Saldo después',
  statementTimesNote: 'Días y horas en UTC.',
  credit: 'Crédito',
  debit: 'Débito',
  statementOpening: 'Saldo inicial',
  statementClosing: 'Saldo final',
  statementDayTotals: (credits, debits) => `Créditos ${credits} · Débitos ${debits}`,
  statementEmpty: 'No hay movimientos en este periodo',
  statementUnpriced: (count, formatted) =>
    pluralForm('es', count, { one: `${formatted} mensaje entregado no tenía precio en su tarifa y no se cobró.`, other: `${formatted} mensajes entregados no tenían precio en su tarifa y no se cobraron.` }),
  statementLoadFailed: 'No se pudo cargar el extracto.',
  statementLoadMore: 'Cargar más',
  statementLoadedMore: (count, formatted) => `${formatted} ${plural(count, 'movimiento cargado', 'movimientos cargados')} más.`,
  statementAllLoaded: 'Se muestran todos los movimientos del periodo.',
  statementLoadMoreFailed: 'No se pudieron cargar más movimientos.',
  statementNewEntries: 'Movimientos nuevos',
  statementShowNew: 'Mostrar',
  statementDownload: 'Descargar CSV',
  statementDownloading: 'Preparando la descarga…',
  statementDownloaded: filename => `${filename} descargado`,
  statementDownloadFailed: 'No se pudo descargar el extracto.',
  statementExportForbidden: 'La descarga del extracto no está habilitada para esta sesión. Pide a tu proveedor que permita exportaciones.',

  capLabel: 'Límite de frecuencia de marketing',
  capEnable: 'Limitar los mensajes de marketing por cliente',
  capMaxMessages: 'Mensajes de marketing por cliente, como máximo',
  capWindowHours: 'En cuántas horas',
  capSummary: (max, formattedMax, hours, formattedHours) =>
    `Como máximo ${formattedMax} ${plural(max, 'mensaje', 'mensajes')} de marketing por cliente cada ${formattedHours} ${plural(hours, 'hora', 'horas')}`,
  capOff: 'Desactivado: los clientes pueden recibir cualquier cantidad de tus mensajes de marketing.',
  capExplanation:
    'Con el límite activado, tu sistema de envío lo comprueba antes de cada mensaje de marketing y omite a los clientes que ya recibieron el máximo en el periodo. Protege tu calificación de calidad y evita que los clientes se cansen de tus mensajes.',
  capMetaLimits:
    'Meta también limita cuántos mensajes de marketing recibe cada persona de las empresas, así que un mensaje dentro de tu límite podría no entregarse.',
  capMaxInvalid: 'Introduce un número entero del 1 al 100.',
  capWindowInvalid: 'Introduce un número entero de horas del 1 al 720.',
  capSaved: 'Límite de frecuencia guardado.',
  capSaveFailed: 'No se pudo guardar el límite de frecuencia.',
  capLoadFailed: 'No se pudo cargar el límite de frecuencia.',
  capReadOnly: 'Esta sesión puede ver el límite de frecuencia, pero no tiene permiso para cambiarlo.',
} satisfies BillingTerms;

export default terms;
