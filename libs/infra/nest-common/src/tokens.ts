/** Injection tokens of the ports every service wires. */
export const EVENT_STORE = Symbol('EVENT_STORE');
