// autocannon ships no types; only what the bench uses.
declare module 'autocannon' {
  interface Request {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    body?: string;
    setupRequest?: (request: Request) => Request;
  }
  interface Options {
    url: string;
    connections?: number;
    duration?: number;
    requests?: Request[];
  }
  interface Result {
    '2xx': number;
    non2xx: number;
    errors: number;
    latency: { p99: number; p50: number };
  }
  function autocannon(options: Options): Promise<Result>;
  export = autocannon;
}
