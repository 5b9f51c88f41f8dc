import { messageBusContract } from '../testing/message-bus.contract';
import { InProcessBus } from './in-process-bus';

let run = 0;

messageBusContract('in-process', {
  makeBus: () => new InProcessBus({ retry: { initialMs: 5, maxMs: 20 } }),
  unique: (base) => `${base}-${++run}`,
  patienceMs: 2_000,
  quietMs: 50,
});
