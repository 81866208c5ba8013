import { expect } from '@open-wc/testing';
import { humanizeCode } from '../localization/codes.js';
import { fromMicros, multiplyMoney, parseWholeNumber, toMicros } from './micros.js';
import { compactCount, tierSize } from './tiers.js';
import { relativeOrAbsolute, shortDateTime } from './time.js';

describe('shared helpers', () => {
  describe('micro-units', () => {
    it('reads decimal strings exactly and writes them back without trailing zeros', () => {
      expect(toMicros('0.0107')).to.equal(10_700n);
      expect(toMicros('-12.5')).to.equal(-12_500_000n);
      expect(toMicros('99999999999999.999999')).to.equal(99_999_999_999_999_999_999n);
      expect(fromMicros(10_700_032_100n)).to.equal('10700.0321');
      expect(fromMicros(-1n)).to.equal('-0.000001');
      expect(fromMicros(5_000_000n)).to.equal('5');
    });

    it('refuses what is not a contract amount', () => {
      for (const bad of ['1e3', '0.0000001', '', '1.', '.5', '1,5']) expect(() => toMicros(bad), bad).to.throw(RangeError);
    });

    it('multiplies a price by an audience exactly, beyond float precision', () => {
      expect(multiplyMoney({ amount: '0.0107', currency: 'USD' }, 1_000_003n)).to.deep.equal({ amount: '10700.0321', currency: 'USD' });
      expect(multiplyMoney({ amount: '0.000001', currency: 'USD' }, 9_007_199_254_740_993n).amount).to.equal('9007199254.740993');
    });

    it('reads whole numbers typed with the locale’s grouping', () => {
      expect(parseWholeNumber('1,000,003')).to.equal(1_000_003n);
      expect(parseWholeNumber(' 1.000 ', 'pt-BR')).to.equal(1_000n);
      expect(parseWholeNumber('1 000')).to.equal(1_000n);
      for (const bad of ['', '-5', '1e3', 'abc']) expect(parseWholeNumber(bad), bad).to.be.undefined;
    });

    it('refuses a number with a decimal mark or separators outside groups of three', () => {
      for (const bad of ['1.5', '1,5', '12.34', '1,0000', '1.000.00', '1 00', ',100', '100,', '1..000']) {
        expect(parseWholeNumber(bad), bad).to.be.undefined;
      }
      expect(parseWholeNumber('1\u202f000\u00a0000')).to.equal(1_000_000n);
      expect(parseWholeNumber("1'000")).to.equal(1_000n);
      expect(parseWholeNumber('0012')).to.equal(12n);
    });
  });

  describe('tiers', () => {
    it('reads each tier of the contract', () => {
      expect(tierSize('TIER_2K')).to.deep.equal({ kind: 'limited', limit: 2000 });
      expect(tierSize('TIER_1K')).to.deep.equal({ kind: 'limited', limit: 1000 });
      expect(tierSize('TIER_UNLIMITED')).to.deep.equal({ kind: 'unlimited' });
      expect(tierSize('TIER_NOT_SET')).to.deep.equal({ kind: 'not-set' });
      expect(tierSize(null)).to.deep.equal({ kind: 'not-set' });
      expect(tierSize('TIER_5K_NEW')).to.deep.equal({ kind: 'unknown', tier: 'TIER_5K_NEW' });
      expect(tierSize('TIER_5K_NEW', 5000)).to.deep.equal({ kind: 'limited', limit: 5000 });
    });

    it('writes limits as compact numbers in the locale', () => {
      expect(compactCount(2000, 'en')).to.equal('2K');
      expect(compactCount(100_000, 'en')).to.equal('100K');
      expect(compactCount(10_000, 'pt-BR')).to.equal('10\u00a0mil');
    });
  });

  describe('times and codes', () => {
    const now = new Date(2025, 10, 25, 14, 5);

    it('says recent times relatively and older ones as dates', () => {
      expect(relativeOrAbsolute(new Date(2025, 10, 25, 11, 5), 'en', now)).to.equal('3 hours ago');
      expect(relativeOrAbsolute(new Date(2025, 10, 24, 14, 5), 'en', now)).to.equal('yesterday');
      expect(relativeOrAbsolute(new Date(2025, 9, 1, 9, 0), 'en-US', now)).to.equal('Oct 1, 2025, 9:00 AM');
    });

    it('gives only the time for today', () => {
      expect(shortDateTime(new Date(2025, 10, 25, 18, 40), 'en-US', now)).to.equal('6:40 PM');
      expect(shortDateTime(new Date(2025, 10, 26, 9, 10), 'pt-BR', now)).to.equal('26 de nov. de 2025, 09:10');
    });

    it('puts unknown Meta codes into words', () => {
      expect(humanizeCode('PENDING_REVIEW')).to.equal('Pending review');
    });
  });
});
