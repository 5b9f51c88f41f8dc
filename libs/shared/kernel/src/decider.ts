/**
 * The decider: every rule lives in `decide`, `evolve` only applies facts.
 * Both are pure; time and ids arrive inside the command.
 */
export interface Decider<Command, State, Event> {
  readonly decide: (command: Command, state: State) => readonly Event[];
  readonly evolve: (state: State, event: Event) => State;
  readonly initialState: State;
}

export const fold = <S, E>(decider: Pick<Decider<unknown, S, E>, 'evolve' | 'initialState'>, events: readonly E[]): S =>
  events.reduce(decider.evolve, decider.initialState);

/** Makes a `switch` exhaustive: the compiler fails when a case is missing. */
export const assertNever = (value: never): never => {
  throw new Error(`Unexpected value: ${JSON.stringify(value)}`);
};
