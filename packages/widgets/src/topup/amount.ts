import { toMicros } from '../shared/formatting/micros.js';
import { parseNumberInput } from '../shared/formatting/number-input.js';
import type { Money, TopupOptions } from '../shared/api/types.js';

/** Why a typed amount was refused; each has its own message. */
export type AmountProblem = 'required' | 'notANumber' | 'tooManyDecimals' | 'belowMin' | 'aboveMax' | 'notAStep';

export type AmountCheck = { ok: true; money: Money } | { ok: false; problem: AmountProblem };

/** How many fraction digits amounts of these options may have: those the step is written with (`0.01` → 2). */
export function fractionDigits(options: TopupOptions): number {
  return options.step.amount.split('.')[1]?.length ?? 0;
}

/**
 * Checks an amount a person typed in `locale` against the server's rules, exactly (bigint micro-units, never
 * floats), read as every widget reads numbers ({@link parseNumberInput}: `49,90` and `49.90` both mean 49.90,
 * `1.000` is one thousand in pt-BR). The result's amount is a decimal string with the step's fraction digits
 * (`75.5` → `75.50`).
 */
export function checkAmount(text: string, options: TopupOptions, locale: string): AmountCheck {
  const digits = fractionDigits(options);
  const typed = parseNumberInput(text, locale, digits);
  if (!typed.ok) return { ok: false, problem: typed.problem };
  const { units, fraction } = typed;

  const amount = digits > 0 ? `${BigInt(units)}.${fraction.padEnd(digits, '0')}` : `${BigInt(units)}`;
  const micros = toMicros(amount);
  if (micros < toMicros(options.min.amount)) return { ok: false, problem: 'belowMin' };
  if (micros > toMicros(options.max.amount)) return { ok: false, problem: 'aboveMax' };
  const step = toMicros(options.step.amount);
  if (step > 0n && micros % step !== 0n) return { ok: false, problem: 'notAStep' };
  return { ok: true, money: { amount, currency: options.currency } };
}
