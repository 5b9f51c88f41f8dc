import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import type { EntityMetadata } from 'typeorm/metadata/EntityMetadata';

/** PostgreSQL's limit is 65,535 bind parameters per statement; stay well below it. */
const MAX_PARAMS = 30_000;

interface Entry<Row> {
  /** Whether the row is in the table as the batch's transaction found it. */
  readonly stored: boolean;
  /** The row as the batch leaves it; null: absent (never there, or deleted). */
  row: Row | null;
  dirty: boolean;
}

/**
 * One read-model table's rows as a batch of events sees them: the rows the
 * batch touches are loaded once, changed in memory event after event, and
 * written back by `flush` with a few multi-row statements, in the batch's
 * transaction. New rows are inserted in the order they were added (so a
 * generated sequence numbers them in event order), changed rows updated,
 * removed rows deleted.
 *
 * Reading a key that was never loaded (nor added) throws: a projection must
 * say up front what its batch reads, and a mistake there must not pass for
 * "no such row".
 */
export class RowSet<Row extends ObjectLiteral> {
  private readonly entries = new Map<string, Entry<Row>>();
  /** Values whose every row is known, per non-key column that was loaded by. */
  private readonly loadedBy = new Map<string, Set<string>>();
  private metadata: EntityMetadata | null = null;

  constructor(
    private readonly entity: EntityTarget<Row>,
    /** The primary key's property (a single-column key). */
    private readonly key: keyof Row & string,
  ) {}

  /**
   * Loads every row whose column equals one of the given values (columns
   * OR-ed), in one query. Rows already known are kept as the batch left them.
   * Keys asked for and not found are known absent.
   */
  async load(em: EntityManager, by: Partial<Record<keyof Row & string, Iterable<string>>>): Promise<void> {
    const md = this.meta(em);
    const conditions: string[] = [];
    const params: unknown[] = [];
    const asked: [string, string[]][] = [];
    for (const [property, values] of Object.entries(by) as [string, Iterable<string>][]) {
      const wanted = [...new Set(values)].filter((v) => (property === this.key ? !this.entries.has(v) : !this.loadedBy.get(property)?.has(v)));
      if (wanted.length === 0) continue;
      const column = this.column(md, property);
      params.push(wanted);
      conditions.push(`${quote(column.databaseName)} = ANY($${params.length}::${sqlType(em, column)}[])`);
      asked.push([property, wanted]);
    }
    if (conditions.length === 0) return;
    const select = md.columns.map((c) => quote(c.databaseName)).join(', ');
    const rows: Record<string, unknown>[] = await em.query(`SELECT ${select} FROM ${tableOf(md)} WHERE ${conditions.join(' OR ')}`, params);
    for (const raw of rows) {
      const row = this.hydrate(em, md, raw);
      const id = String(row[this.key]);
      if (!this.entries.has(id)) this.entries.set(id, { stored: true, row, dirty: false });
    }
    for (const [property, values] of asked) {
      if (property === this.key) {
        for (const v of values) if (!this.entries.has(v)) this.entries.set(v, { stored: false, row: null, dirty: false });
      } else {
        let known = this.loadedBy.get(property);
        if (!known) this.loadedBy.set(property, (known = new Set()));
        for (const v of values) known.add(v);
      }
    }
  }

  /** The row with this key as the batch stands, or undefined if there is none. */
  get(id: string): Row | undefined {
    const entry = this.entries.get(id);
    if (!entry) throw new Error(`${this.name()}: row ${id} was not loaded for this batch`);
    return entry.row ?? undefined;
  }

  /** The rows whose `property` equals `value`, in the order they became known; the value must have been loaded by that column. */
  where(property: keyof Row & string, value: string): Row[] {
    if (!this.loadedBy.get(property)?.has(value)) throw new Error(`${this.name()}: rows by ${property} = ${value} were not loaded for this batch`);
    const found: Row[] = [];
    for (const entry of this.entries.values()) if (entry.row && String(entry.row[property]) === value) found.push(entry.row);
    return found;
  }

  /** Adds a new row; like an INSERT, fails if the key is already taken. */
  insert(row: Row): void {
    const id = String(row[this.key]);
    const entry = this.entries.get(id);
    if (entry?.row) throw new Error(`${this.name()}: duplicate key ${id}`);
    if (entry) {
      entry.row = row;
      entry.dirty = true;
    } else {
      this.entries.set(id, { stored: false, row, dirty: true });
    }
  }

  /** Adds the row or replaces the one with its key (the key must have been loaded). */
  put(row: Row): void {
    const id = String(row[this.key]);
    const entry = this.entries.get(id);
    if (!entry) throw new Error(`${this.name()}: row ${id} was not loaded for this batch`);
    entry.row = row;
    entry.dirty = true;
  }

  /** Marks a row got from `get` or `where` and changed in place as to be written. */
  changed(row: Row): void {
    const entry = this.entries.get(String(row[this.key]));
    if (!entry || entry.row !== row) throw new Error(`${this.name()}: changed a row that is not this batch's`);
    entry.dirty = true;
  }

  /** Removes the row with this key, if there is one (the key must have been loaded). */
  delete(id: string): void {
    const entry = this.entries.get(id);
    if (!entry) throw new Error(`${this.name()}: row ${id} was not loaded for this batch`);
    if (entry.row) {
      entry.row = null;
      entry.dirty = true;
    }
  }

  /** Writes the batch's changes: deletes, then inserts in the order added, then updates. */
  async flush(em: EntityManager): Promise<void> {
    const md = this.meta(em);
    const deleted: string[] = [];
    const inserted: Row[] = [];
    const updated: Row[] = [];
    for (const [id, entry] of this.entries) {
      if (!entry.dirty) continue;
      if (entry.row === null) {
        if (entry.stored) deleted.push(id);
      } else if (entry.stored) {
        updated.push(entry.row);
      } else {
        inserted.push(entry.row);
      }
      entry.dirty = false;
    }
    const keyColumn = this.column(md, this.key);
    if (deleted.length > 0) {
      await em.query(`DELETE FROM ${tableOf(md)} WHERE ${quote(keyColumn.databaseName)} = ANY($1::${sqlType(em, keyColumn)}[])`, [deleted]);
    }
    if (inserted.length > 0) await this.insertRows(em, md, inserted);
    if (updated.length > 0) await this.updateRows(em, md, keyColumn, updated);
    // What is written is now what the table holds, for a later flush in the same transaction.
    for (const entry of this.entries.values()) (entry as { stored: boolean }).stored = entry.row !== null;
  }

  private async insertRows(em: EntityManager, md: EntityMetadata, rows: Row[]): Promise<void> {
    // Generated columns the rows leave out take their default (a sequence numbers rows in the order given).
    const columns = md.columns.filter((c) => !(c.isGenerated && rows.every((r) => r[c.propertyName] === undefined)));
    const names = columns.map((c) => quote(c.databaseName)).join(', ');
    if (columns.every((c) => !c.isArray)) {
      // One array per column: a statement of constant size, parsed and planned in no time whatever the batch.
      const params = columns.map((c) => rows.map((row) => persisted(em, c, row[c.propertyName])));
      const arrays = columns.map((c, i) => `$${i + 1}::${sqlType(em, c)}[]`).join(', ');
      await em.query(`INSERT INTO ${tableOf(md)} (${names}) SELECT * FROM unnest(${arrays})`, params);
      return;
    }
    for (const chunk of chunks(rows, Math.floor(MAX_PARAMS / columns.length))) {
      const params: unknown[] = [];
      const tuples = chunk.map((row) => `(${columns.map((c) => `$${params.push(persisted(em, c, row[c.propertyName]))}`).join(', ')})`);
      await em.query(`INSERT INTO ${tableOf(md)} (${names}) VALUES ${tuples.join(', ')}`, params);
    }
  }

  private async updateRows(em: EntityManager, md: EntityMetadata, keyColumn: ColumnMetadata, rows: Row[]): Promise<void> {
    const columns = md.columns.filter((c) => c !== keyColumn && !c.isGenerated);
    const all = [keyColumn, ...columns];
    const types = all.map((c) => sqlType(em, c));
    const aliases = all.map((_, i) => `c${i}`);
    const assignments = columns.map((c, i) => `${quote(c.databaseName)} = v.c${i + 1}`).join(', ');
    const update = (source: string) =>
      `UPDATE ${tableOf(md)} AS t SET ${assignments} FROM ${source} AS v(${aliases.join(', ')}) WHERE t.${quote(keyColumn.databaseName)} = v.c0`;
    if (all.every((c) => !c.isArray)) {
      const params = all.map((c) => rows.map((row) => persisted(em, c, row[c.propertyName])));
      await em.query(update(`unnest(${types.map((t, i) => `$${i + 1}::${t}[]`).join(', ')})`), params);
      return;
    }
    for (const chunk of chunks(rows, Math.floor(MAX_PARAMS / all.length))) {
      const params: unknown[] = [];
      const tuples = chunk.map((row) => `(${all.map((c, i) => `$${params.push(persisted(em, c, row[c.propertyName]))}::${types[i]}`).join(', ')})`);
      await em.query(update(`(VALUES ${tuples.join(', ')})`), params);
    }
  }

  private hydrate(em: EntityManager, md: EntityMetadata, raw: Record<string, unknown>): Row {
    const row: Record<string, unknown> = {};
    for (const c of md.columns) row[c.propertyName] = em.connection.driver.prepareHydratedValue(raw[c.databaseName], c);
    return row as Row;
  }

  private meta(em: EntityManager): EntityMetadata {
    return (this.metadata ??= em.connection.getMetadata(this.entity));
  }

  private column(md: EntityMetadata, property: string): ColumnMetadata {
    const column = md.findColumnWithPropertyName(property);
    if (!column) throw new Error(`${md.tableName} has no column ${property}`);
    return column;
  }

  private name(): string {
    return this.metadata?.tableName ?? String(this.entity);
  }
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

const tableOf = (md: EntityMetadata) => (md.schema ? `${quote(md.schema)}.${quote(md.tableName)}` : quote(md.tableName));

function sqlType(em: EntityManager, column: ColumnMetadata): string {
  const type = em.connection.driver.normalizeType(column);
  return column.isArray ? `${type}[]` : type;
}

function persisted(em: EntityManager, column: ColumnMetadata, value: unknown): unknown {
  // Left out: the column's default, as an INSERT naming only the given columns would store (a plain value only).
  if (value === undefined) value = column.default === undefined || typeof column.default === 'function' ? null : column.default;
  if (value === null) return null;
  return em.connection.driver.preparePersistentValue(value, column);
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += Math.max(1, size)) out.push(items.slice(i, i + Math.max(1, size)));
  return out;
}
