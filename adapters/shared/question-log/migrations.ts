/**
 * Numbered migrations, applied in order at start by Kysely's Migrator (which
 * records them and takes a lock, so replicas starting together apply each once).
 * Column types are ones both SQLite and PostgreSQL accept. Never edit a
 * migration that has shipped: add the next number.
 */
import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';

const migrations: Record<string, Migration> = {
  '001_questions': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('questions')
        .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
        .addColumn('asked_at', 'bigint', (c) => c.notNull())
        .addColumn('surface', 'varchar(32)', (c) => c.notNull())
        .addColumn('user_hash', 'varchar(64)', (c) => c.notNull())
        .addColumn('conversation_hash', 'varchar(64)', (c) => c.notNull())
        .addColumn('question', 'text', (c) => c.notNull())
        .addColumn('answer', 'text', (c) => c.notNull())
        .addColumn('kind', 'varchar(16)', (c) => c.notNull())
        .addColumn('answered', 'integer', (c) => c.notNull())
        .addColumn('confidence', 'double precision', (c) => c.notNull())
        .addColumn('quotes', 'text', (c) => c.notNull())
        .addColumn('latency_ms', 'double precision', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('questions_asked_at').on('questions').column('asked_at').execute();
    },
  },
  '002_feedback': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('feedback')
        .addColumn('answer_id', 'varchar(64)', (c) => c.notNull())
        .addColumn('voter_hash', 'varchar(64)', (c) => c.notNull())
        .addColumn('vote', 'integer', (c) => c.notNull())
        .addColumn('note', 'text')
        .addColumn('voted_at', 'bigint', (c) => c.notNull())
        // One vote per user per answer: a second click updates this row.
        .addPrimaryKeyConstraint('feedback_one_vote', ['answer_id', 'voter_hash'])
        .execute();
      await db.schema.createIndex('feedback_voted_at').on('feedback').column('voted_at').execute();
    },
  },
  '003_settings': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('settings')
        .addColumn('key', 'varchar(64)', (c) => c.primaryKey())
        .addColumn('value', 'text', (c) => c.notNull())
        .execute();
    },
  },
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** Applies every migration not yet applied; throws with the failing migration's name. */
export async function migrate(db: Kysely<any>): Promise<void> {
  const { error, results } = await new Migrator({ db, provider }).migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName;
    throw new Error(`question log migration ${failed ?? ''} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export const MIGRATION_NAMES = Object.keys(migrations);
