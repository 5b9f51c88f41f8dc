/**
 * What runners log. Fields carry ids, types and positions only — never event
 * data or error messages, which may hold names and addresses of citizens.
 */
export interface RunnerLogger {
  info(message: string, fields: Readonly<Record<string, string | number>>): void;
  warn(message: string, fields: Readonly<Record<string, string | number>>): void;
}

export const consoleRunnerLogger: RunnerLogger = {
  info: (message, fields) => console.log(JSON.stringify({ level: 'info', message, ...fields })),
  warn: (message, fields) => console.warn(JSON.stringify({ level: 'warn', message, ...fields })),
};
