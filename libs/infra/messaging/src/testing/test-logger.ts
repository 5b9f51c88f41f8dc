import { consoleLogger, silentLogger, type MessagingLogger } from '../logger';

/** Quiet unless MESSAGING_TEST_LOG=1: then every line goes to the console, to see what a failing test saw. */
export const testLogger = (prefix: string): MessagingLogger => (process.env.MESSAGING_TEST_LOG ? consoleLogger(prefix) : silentLogger);
