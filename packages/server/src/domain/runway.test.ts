import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { computeRunway } from './runway.js';

describe('computeRunway', () => {
  it('has no days without spend', () => {
    assert.deepEqual(computeRunway(5_000_000n, 0n), { days: null, averageDailySpendMicros: 0n, basisDays: 7 });
  });

  it('divides the balance by the average daily spend, rounding down', () => {
    // 7.00 spent over 7 days = 1.00 a day; 10.50 lasts 10 whole days.
    assert.deepEqual(computeRunway(10_500_000n, 7_000_000n), { days: 10, averageDailySpendMicros: 1_000_000n, basisDays: 7 });
  });

  it('keeps a figure for spend smaller than a micro-unit a day', () => {
    assert.deepEqual(computeRunway(1_000_000n, 3n), { days: 2_333_333, averageDailySpendMicros: 0n, basisDays: 7 });
  });

  it('never goes below zero days for an empty or overdrawn balance', () => {
    assert.equal(computeRunway(0n, 7n).days, 0);
    assert.equal(computeRunway(-5n, 7n).days, 0);
  });
});
