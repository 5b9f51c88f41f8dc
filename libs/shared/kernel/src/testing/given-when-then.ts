import { Decider, fold } from '../decider';
import { DomainError } from '../errors';

/**
 * given(past events).when(command).then(new events) / .thenThrows(code):
 * every decider test reads as the rule it guards.
 */
export const specFor = <C, S, E>(decider: Decider<C, S, E>) => ({
  given: (events: readonly E[]) => ({
    when: (command: C) => {
      const run = () => decider.decide(command, fold(decider, events));
      return {
        then: (expected: readonly E[]) => expect(run()).toEqual(expected),
        thenEvents: () => run(),
        thenThrows: (code: string, kind?: DomainError['kind']) => {
          let caught: unknown;
          try {
            run();
          } catch (error) {
            caught = error;
          }
          expect(caught).toBeInstanceOf(DomainError);
          expect((caught as DomainError).code).toBe(code);
          if (kind) expect((caught as DomainError).kind).toBe(kind);
        },
      };
    },
  }),
});
