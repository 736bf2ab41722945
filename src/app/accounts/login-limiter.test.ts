import { describe, expect, it } from 'vitest';
import { LoginLimiter } from './login-limiter.js';

describe('the login limiter', () => {
  it('refuses after five failures in fifteen minutes, and lets the key in again as they age out', () => {
    const limiter = new LoginLimiter(5, 15 * 60_000);
    for (let i = 0; i < 5; i++) {
      expect(limiter.retryAfter('ana', i * 1000)).toBe(0);
      limiter.fail('ana', i * 1000);
    }
    expect(limiter.retryAfter('ana', 10_000)).toBe(15 * 60_000 - 10_000);
    expect(limiter.retryAfter('bo', 10_000)).toBe(0);
    expect(limiter.retryAfter('ana', 15 * 60_000 + 1)).toBe(0);
  });

  it('forgets the failures of a key that signs in', () => {
    const limiter = new LoginLimiter(2, 60_000);
    limiter.fail('ana', 0);
    limiter.fail('ana', 1);
    expect(limiter.retryAfter('ana', 2)).toBeGreaterThan(0);
    limiter.succeed('ana');
    expect(limiter.retryAfter('ana', 2)).toBe(0);
  });
});
