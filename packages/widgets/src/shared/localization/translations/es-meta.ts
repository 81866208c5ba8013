import { humanizeCode } from '../codes.js';
import type { MetaTerms } from '../meta-terms.js';
import type { QualityRating } from '../../api/types.js';
import { plural as pluralForm } from '../plural.js';

const ratings: Record<QualityRating, string> = { GREEN: 'Alta', YELLOW: 'Media', RED: 'Baja', UNKNOWN: 'Aún sin calificar' };
const lastWeek =
  'La calidad refleja cómo recibieron tus mensajes las personas en los últimos 7 días: bloqueos, denuncias y comentarios.';
const meanings: Record<QualityRating, string> = {
  GREEN: `${lastWeek} Las personas están recibiendo bien tus mensajes.`,
  YELLOW: `${lastWeek} Algunas personas bloquearon o denunciaron tus mensajes; la calificación podría bajar a baja.`,
  RED: `${lastWeek} Muchas personas bloquearon o denunciaron tus mensajes. Con calidad baja, Meta puede pausar plantillas o restringir este número.`,
  UNKNOWN: 'Meta aún no ha calificado este número, normalmente porque todavía ha enviado pocos mensajes.',
};
const advice: Record<QualityRating, string> = {
  GREEN: 'Sigue así: envía solo mensajes que las personas aceptaron recibir y esperan, y respeta cada baja.',
  YELLOW: 'Envía solo mensajes relevantes, que las personas aceptaron recibir y esperan, respeta las bajas, envía con menos frecuencia y revisa la calidad de cada plantilla.',
  RED: 'Pausa las campañas que reciben bloqueos, escribe solo a quien aceptó recibir y espera tus mensajes, respeta cada baja y corrige o detén las plantillas de baja calidad.',
  UNKNOWN: 'Empieza con mensajes que las personas aceptaron recibir y esperan; la calificación aparece cuando Meta tenga suficientes comentarios.',
};
const statuses: Record<string, string> = {
  CONNECTED: 'Conectado',
  PENDING: 'Pendiente',
  FLAGGED: 'Marcado',
  RESTRICTED: 'Restringido',
  DISCONNECTED: 'Desconectado',
  LINKED: 'Vinculado',
  UNVERIFIED: 'Sin verificar',
  MIGRATED: 'Migrado',
  BANNED: 'Bloqueado',
  DELETED: 'Eliminado',
};
const nameStatuses: Record<string, string> = {
  APPROVED: 'Nombre visible aprobado',
  AVAILABLE_WITHOUT_REVIEW: 'Nombre visible disponible sin revisión',
  DECLINED: 'Nombre visible rechazado',
  EXPIRED: 'Nombre visible caducado',
  PENDING_REVIEW: 'Nombre visible en revisión',
  NONE: 'No se envió ningún nombre visible',
};
const events: Record<string, string> = {
  ONBOARDING: 'Número en registro',
  THROUGHPUT_UPGRADE: 'Capacidad de envío ampliada',
  FLAGGED: 'Número marcado',
  UNFLAGGED: 'Marca retirada',
  UPGRADE: 'Límite de mensajes aumentado',
  DOWNGRADE: 'Límite de mensajes reducido',
  BUSINESS_CAPABILITY_UPDATE: 'Límite de mensajes actualizado',
  QUALITY_CHANGED: 'Calificación de calidad cambiada',
  LIMIT_CHANGED: 'Límite de mensajes cambiado',
};
const categories: Record<string, string> = {
  marketing: 'Marketing',
  marketing_lite: 'Marketing Lite',
  utility: 'Utilidad',
  authentication: 'Autenticación',
  authentication_international: 'Autenticación (internacional)',
  service: 'Servicio',
};
const markets: Record<string, string> = {
  NORTH_AMERICA: 'Norteamérica',
  REST_OF_AFRICA: 'Resto de África',
  REST_OF_ASIA_PACIFIC: 'Resto de Asia-Pacífico',
  REST_OF_CENTRAL_EASTERN_EUROPE: 'Resto de Europa Central y del Este',
  REST_OF_LATIN_AMERICA: 'Resto de Latinoamérica',
  REST_OF_MIDDLE_EAST: 'Resto de Oriente Medio',
  REST_OF_WESTERN_EUROPE: 'Resto de Europa Occidental',
  OTHER: 'Otros',
};
const plural = (count: number, one: string, other: string) => pluralForm('es', count, { one, other });

/** Spanish terms of `<wa-number>`, `<wa-quality>`, `<wa-quota>` and `<wa-rate-card>`. */
const terms = {
  qualityRating: rating => ratings[rating] ?? humanizeCode(rating),
  qualityMeaning: rating => meanings[rating] ?? meanings.UNKNOWN,
  qualityAdvice: rating => advice[rating] ?? advice.UNKNOWN,
  qualityChip: rating => `Calidad: ${rating}`,

  numberLabel: 'Número de WhatsApp',
  numberStatus: status => statuses[status] ?? humanizeCode(status),
  nameStatus: status => nameStatuses[status] ?? `Nombre visible: ${humanizeCode(status).toLowerCase()}`,
  noNumber: 'Todavía no hay ningún número de WhatsApp conectado.',
  numberLoadFailed: 'No se pudo cargar el número.',

  qualityLabel: 'Calificación de calidad',
  refresh: 'Actualizar',
  qualityStale: time => `Meta no respondió: se muestra la calificación de las ${time}`,
  qualityStaleNoTime: 'Meta no respondió: se muestra la última calificación conocida',
  qualityRefreshFailed: time => `No se pudo actualizar: Meta no respondió. Se muestra la calificación de las ${time}`,
  qualityRefreshFailedNoTime: 'No se pudo actualizar: Meta no respondió. Se muestra la última calificación conocida',
  qualityChecked: time => `Comprobada ${time}`,
  qualityPolicyLink: 'Política de Mensajes de WhatsApp Business',
  opensInNewTab: '(se abre en una pestaña nueva)',
  qualityHistoryLabel: 'Cambios de calidad y de límite',
  qualityHistoryEmpty: 'Aún no hay cambios. Aquí aparecerán los cambios de la calificación de calidad y del límite de mensajes.',
  qualityEvent: event => events[event] ?? humanizeCode(event),
  historyTier: tier => `Límite: ${tier}`,
  qualityLoadFailed: 'No se pudo cargar la calificación de calidad.',

  quotaLabel: 'Límite diario de mensajes',
  quotaLimit: (count, hours) => `${count} clientes únicos / ${hours} h`,
  quotaUnlimited: 'Ilimitado',
  quotaNotSet: 'Sin definir',
  quotaShared: 'El límite lo comparten todos los números de tu portafolio comercial.',
  quotaStale: time => `Meta no respondió: se muestra el límite de las ${time}`,
  quotaStaleNoTime: 'Meta no respondió: se muestra el último límite conocido',
  quotaRefreshFailed: time => `No se pudo actualizar: Meta no respondió. Se muestra el límite de las ${time}`,
  quotaRefreshFailedNoTime: 'No se pudo actualizar: Meta no respondió. Se muestra el último límite conocido',
  quotaLoadFailed: 'No se pudo cargar el límite de mensajes.',
  usageButton: 'Ver el uso de las últimas 24 h',
  usageLabel: 'Clientes únicos en las últimas 24 h',
  usageOf: (used, limit) => `${used} de ${limit} clientes`,
  usageCount: (count, formatted) => `${formatted} ${plural(count, 'cliente', 'clientes')} en las últimas 24 h`,
  usageHeadroom: (remaining, formatted) =>
    `Aún puedes llegar a ${formatted} ${plural(remaining, 'cliente', 'clientes')} más ahora`,
  usageLimitReached: 'Alcanzaste el límite: podrás llegar a clientes nuevos a medida que los anteriores salgan de la ventana de 24 horas.',
  usageProjection: (pace, formattedPace, time) =>
    `Al ritmo actual (${formattedPace} ${plural(pace, 'cliente nuevo', 'clientes nuevos')} en la última hora), el límite se alcanzaría hacia las ${time}`,
  usageByNumber: 'Clientes por número',
  usageNumberColumn: 'Número',
  usageCustomersColumn: 'Clientes',
  usageUnnamedNumber: 'Número sin número visible',
  usageLoadFailed: 'No se pudo cargar el uso.',

  rateCardLabel: 'Precios de los mensajes',
  rateCardCaption: currency => `Precio por mensaje entregado, en ${currency}`,
  rateCardSearch: 'Buscar mercados',
  rateCardCount: (count, formatted) => `${formatted} ${plural(count, 'mercado', 'mercados')}`,
  rateCardNoMatch: query => `Ningún mercado coincide con «${query}».`,
  rateCardEmpty: 'Todavía no se han definido precios.',
  rateCardMarketColumn: 'Mercado',
  pricingCategory: category => categories[category] ?? humanizeCode(category),
  marketName: (code, fallback) => markets[code] ?? fallback,
  noPrice: 'No disponible',
  rateCardLoadFailed: 'No se pudieron cargar los precios.',
  estimatorLabel: 'Calcular el costo de esta campaña',
  estimatorHint: 'Una estimación para un mensaje entregado por persona.',
  estimatorMarket: 'Mercado',
  estimatorCategory: 'Categoría',
  estimatorAudience: 'Personas',
  estimatorCost: 'Costo estimado',
  estimatorRow: row => `Fila ${row}`,
  estimatorAddRow: 'Añadir un mercado',
  estimatorRemoveRow: row => `Quitar la fila ${row}`,
  estimatorInvalidAudience: 'Introduce un número entero de personas.',
  estimatorNoPrice: 'No hay precio para esta categoría en este mercado.',
  estimatorTotal: amount => `Total estimado: ${amount}`,
  estimatorCovered: balance => `Tu saldo de ${balance} cubre esta campaña`,
  estimatorShortfall: missing => `Te faltan ${missing}`,
  estimatorBalanceUnavailable: 'No se pudo cargar tu saldo para comparar.',
} satisfies MetaTerms;

export default terms;
