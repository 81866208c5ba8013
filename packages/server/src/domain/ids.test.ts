import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { newId } from './ids.js';

describe('newId', () => {
  it('gives the prefix and 128 bits in base64url', () => {
    assert.match(newId('le'), /^le_[A-Za-z0-9_-]{22}$/);
  });

  it('never repeats, across many refills of its random pool', () => {
    const ids = new Set(Array.from({ length: 5_000 }, () => newId('x')));
    assert.equal(ids.size, 5_000);
  });
});
