import { describe, expect, it } from 'vitest';
import { CircuitBreakers, type CircuitTransition } from './circuit-breakers.js';

function breakersAt(start = 1_000) {
  const clock = { now: start };
  const transitions: string[] = [];
  const breakers = new CircuitBreakers({
    failureThreshold: 3,
    coolDownMs: 500,
    now: () => clock.now,
    onTransition: (transition: CircuitTransition) =>
      transitions.push(
        `${transition.providerId}/${transition.providerModelId} ${transition.from}->${transition.to}`,
      ),
  });
  const fail = (times = 1) => {
    for (let index = 0; index < times; index += 1) breakers.failed(breakers.admit('groq', 'm')!, 'groq', 'm');
  };
  return { clock, transitions, breakers, fail };
}

describe('CircuitBreakers', () => {
  it('admits everything while closed and opens after the threshold of consecutive failures', () => {
    const { breakers, fail, transitions } = breakersAt();
    fail(2);
    expect(breakers.state('groq', 'm')).toBe('closed');
    expect(breakers.admit('groq', 'm')).toMatchObject({ trial: false });
    fail();
    expect(breakers.state('groq', 'm')).toBe('open');
    expect(breakers.admit('groq', 'm')).toBeUndefined();
    expect(transitions).toEqual(['groq/m closed->open']);
  });

  it('counts consecutive failures only: a success in between starts the count again', () => {
    const { breakers, fail } = breakersAt();
    fail(2);
    breakers.succeeded(breakers.admit('groq', 'm')!);
    fail(2);
    expect(breakers.state('groq', 'm')).toBe('closed');
    fail();
    expect(breakers.state('groq', 'm')).toBe('open');
  });

  it('keeps circuits apart per provider and per provider model', () => {
    const { breakers, fail } = breakersAt();
    fail(3);
    expect(breakers.admit('groq', 'other')).toBeDefined();
    expect(breakers.admit('together', 'm')).toBeDefined();
  });

  it('lets exactly one trial through after the cool-down, and closes when it succeeds', () => {
    const { breakers, fail, clock, transitions } = breakersAt();
    fail(3);
    clock.now += 499;
    expect(breakers.admit('groq', 'm')).toBeUndefined();
    expect(breakers.retryInMs('groq', 'm')).toBe(1);
    clock.now += 1;
    expect(breakers.state('groq', 'm')).toBe('half-open');
    const trial = breakers.admit('groq', 'm');
    expect(trial).toMatchObject({ trial: true });
    expect(breakers.admit('groq', 'm')).toBeUndefined();
    breakers.succeeded(trial!);
    expect(breakers.state('groq', 'm')).toBe('closed');
    expect(breakers.admit('groq', 'm')).toMatchObject({ trial: false });
    expect(transitions).toEqual([
      'groq/m closed->open',
      'groq/m open->half-open',
      'groq/m half-open->closed',
    ]);
  });

  it('opens again for a whole cool-down when the trial fails', () => {
    const { breakers, fail, clock } = breakersAt();
    fail(3);
    clock.now += 500;
    const trial = breakers.admit('groq', 'm')!;
    breakers.failed(trial, 'groq', 'm');
    expect(breakers.state('groq', 'm')).toBe('open');
    expect(breakers.retryInMs('groq', 'm')).toBe(500);
    clock.now += 500;
    expect(breakers.admit('groq', 'm')).toMatchObject({ trial: true });
  });

  it('frees the trial slot when the trial ends without a verdict', () => {
    const { breakers, fail, clock } = breakersAt();
    fail(3);
    clock.now += 500;
    breakers.abandoned(breakers.admit('groq', 'm')!);
    expect(breakers.admit('groq', 'm')).toMatchObject({ trial: true });
  });

  it('ignores outcomes of calls admitted before the circuit opened', () => {
    const { breakers, fail, clock } = breakersAt();
    const early = breakers.admit('groq', 'm')!;
    fail(3);
    breakers.succeeded(early);
    expect(breakers.state('groq', 'm')).toBe('open');
    clock.now += 500;
    const trial = breakers.admit('groq', 'm')!;
    breakers.failed(early, 'groq', 'm');
    breakers.succeeded(trial);
    expect(breakers.state('groq', 'm')).toBe('closed');
  });

  it('rejects settings that cannot work', () => {
    expect(() => new CircuitBreakers({ failureThreshold: 0 })).toThrow(RangeError);
    expect(() => new CircuitBreakers({ coolDownMs: -1 })).toThrow(RangeError);
  });
});
