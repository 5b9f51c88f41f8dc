import { describeEventStoreContract } from '../event-store.contract';
import { InMemoryEventStore } from './in-memory-event-store';

describeEventStoreContract('in-memory', async () => ({ store: new InMemoryEventStore(), cleanup: async () => undefined }));
