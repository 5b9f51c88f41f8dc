import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { SECRETARIAT_OFFICE_ENTITIES } from '../read-models/secretariat-office.projection';

/** The secretariat's read models on the test PostgreSQL, in a schema of their own: `open()` creates it, `close()` drops it. */
export const officeDatabase = (prefix: string) => {
  const schema = `${prefix}_${randomBytes(6).toString('hex')}`;
  const db = new DataSource({
    type: 'postgres',
    host: process.env.PGHOST ?? '127.0.0.1',
    port: Number(process.env.PGPORT ?? 5432),
    username: process.env.PGUSER ?? 'postgres',
    database: process.env.PGDATABASE ?? 'test',
    schema,
    entities: SECRETARIAT_OFFICE_ENTITIES,
    synchronize: false,
    logging: false,
  });
  return {
    schema,
    db,
    open: async () => {
      await db.initialize();
      await db.query(`CREATE SCHEMA "${schema}"`);
      await db.synchronize();
    },
    close: async () => {
      await db.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await db.destroy();
    },
  };
};
