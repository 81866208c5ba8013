import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isMarketCode, marketName, marketOfRecipient, PRICING_MARKETS } from './markets.js';

describe('marketOfRecipient', () => {
  const cases: [string, string, string | null][] = [
    ['919876543210', 'IN', 'IN'],
    ['5511987654321', 'BR', 'BR'],
    ['16505551234', 'NORTH_AMERICA', 'US'],
    ['14165551234', 'NORTH_AMERICA', 'CA'],
    ['4915123456789', 'DE', 'DE'],
    ['436641234567', 'REST_OF_WESTERN_EUROPE', 'AT'],
    ['18765550123', 'REST_OF_LATIN_AMERICA', 'JM'],
    ['18095551234', 'REST_OF_LATIN_AMERICA', 'DO'],
    ['17875551234', 'REST_OF_LATIN_AMERICA', 'PR'],
    ['12465551234', 'OTHER', 'BB'],
    ['3725123456', 'OTHER', 'EE'],
    ['77012345678', 'KZ', 'KZ'],
    ['74951234567', 'RU', 'RU'],
  ];
  for (const [number, market, country] of cases) {
    it(`prices +${number} in ${market}`, () => {
      assert.deepEqual(marketOfRecipient(number), { market, country });
    });
  }

  it('prices a territory sharing a listed calling code as that country (Guernsey on +44 → United Kingdom)', () => {
    assert.deepEqual(marketOfRecipient('447781123456'), { market: 'GB', country: 'GG' });
  });

  it('places a number of an unassigned range by its calling code, except on +1', () => {
    assert.deepEqual(marketOfRecipient('447700900123'), { market: 'GB', country: 'GB' });
    assert.deepEqual(marketOfRecipient('15550783881'), { market: 'OTHER', country: null });
  });

  it('accepts a leading +', () => {
    assert.equal(marketOfRecipient('+919876543210').market, 'IN');
  });

  it('maps unparseable input and group ids to OTHER', () => {
    for (const input of ['', 'abc', '12', '999999999999', '120363025246125486@g.us']) {
      assert.deepEqual(marketOfRecipient(input), { market: 'OTHER', country: null }, input);
    }
  });
});

describe('markets table', () => {
  it('knows 47 markets with names, OTHER included', () => {
    assert.equal(PRICING_MARKETS.length, 47);
    assert.ok(isMarketCode('OTHER'));
    assert.ok(!isMarketCode('XX'));
    assert.equal(marketName('IN'), 'India');
    assert.equal(marketName('REST_OF_AFRICA'), 'Rest of Africa');
  });
});
