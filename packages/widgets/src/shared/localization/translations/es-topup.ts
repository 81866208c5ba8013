import type { TopupTerms } from '../topup-terms.js';
import { plural as pluralForm } from '../plural.js';

const plural = (count: number, one: string, other: string) => pluralForm('es', count, { one, other });

const expiries: Record<number, string> = { 24: '24 horas', 72: '3 días', 168: '7 días' };

const translation: TopupTerms = {
  topupTrigger: 'Añadir créditos',
  topupTitle: 'Añadir créditos',
  topupClose: 'Cerrar',
  topupAmountLegend: 'Importe',
  topupCustomLabel: 'Otro importe',
  topupRange: (min, max) => `De ${min} a ${max}`,
  topupOptionsFailed: 'No se pudieron cargar los importes.',

  amountRequired: 'Elige un importe o escribe uno.',
  amountNotANumber: example => `Escribe el importe en números, por ejemplo ${example}.`,
  amountTooManyDecimals: digits =>
    digits === 0 ? 'Escribe un importe entero, sin decimales.' : `Usa como máximo ${digits} ${plural(digits, 'decimal', 'decimales')}.`,
  amountBelowMin: min => `El mínimo es ${min}.`,
  amountAboveMax: max => `El máximo es ${max}.`,
  amountNotAStep: step => `Escribe un múltiplo de ${step}.`,

  payNow: 'Pagar ahora',
  payStarting: 'Abriendo el pago…',
  payStartFailed: 'No se pudo iniciar el pago. Inténtalo de nuevo.',
  topupForbidden: 'Tu acceso no permite añadir créditos. Pídeselo a un administrador de tu cuenta.',
  payWaiting: amount => `Completa el pago de ${amount} en la ventana de pago. Esto se actualiza solo cuando se confirme.`,
  payPopupBlocked: amount => `Tu navegador bloqueó la ventana de pago. Continúa para pagar ${amount} en esta pestaña.`,
  payContinue: 'Continuar al pago',
  payBack: 'Elegir otro importe',
  paySucceeded: amount => `${amount} añadidos a tu saldo`,
  payFailed: amount => `El pago de ${amount} no se completó. No se cobró nada.`,
  payExpired: amount => `El pago de ${amount} caducó antes de completarse.`,
  tryAgain: 'Intentar de nuevo',
  done: 'Listo',

  linkHeading: 'O envía un enlace de pago',
  linkExplainer: 'Cualquier persona con el enlace puede pagar este importe, sin iniciar sesión.',
  linkNote: 'Nota (opcional)',
  linkExpiry: 'El enlace caduca en',
  linkExpiryOption: hours => expiries[hours] ?? `${hours} horas`,
  createLink: 'Crear enlace de pago',
  linkCreating: 'Creando el enlace…',
  linkCreateFailed: 'No se pudo crear el enlace. Inténtalo de nuevo.',
  linksForbidden: 'Tu acceso no permite enlaces de pago. Pídeselo a un administrador de tu cuenta.',
  linkReady: amount => `Enlace de pago de ${amount} creado`,
  linkFieldLabel: amount => `Enlace de pago de ${amount}`,
  linkExpires: date => `Caduca el ${date}`,
  linkUrlUnavailable: 'La dirección de este enlace ya no se puede mostrar; la copia de quien paga sigue funcionando',
  copy: 'Copiar',
  copyLinkLabel: amount => `Copiar el enlace de pago de ${amount}`,
  linkCopied: 'Enlace copiado',
  linkSelected: 'Enlace seleccionado: pulsa Ctrl+C (⌘C en Mac) para copiarlo.',
  share: 'Compartir',
  shareTitle: amount => `Enlace de pago de ${amount}`,

  openLinksHeading: 'Enlaces de pago abiertos',
  openLinksEmpty: 'No hay enlaces de pago abiertos.',
  openLinksFailed: 'No se pudieron cargar los enlaces de pago.',
  cancelLink: 'Cancelar enlace',
  cancelLinkLabel: amount => `Cancelar enlace de ${amount}`,
  cancelLinkConfirm: amount => `¿Cancelar el enlace de ${amount}? Quien lo tenga ya no podrá pagar.`,
  cancelLinkYes: 'Sí, cancelar enlace',
  cancelLinkNo: 'Conservar enlace',
  linkCancelled: 'Enlace cancelado',
  linkAlreadyPaid: 'Este enlace ya se pagó, así que no se puede cancelar.',
  cancelFailed: 'No se pudo cancelar el enlace. Inténtalo de nuevo.',
};

export default translation;
