import path from 'node:path';
import { mkdirSync } from 'node:fs';
import mongoose from 'mongoose';
import type { AppConfig } from '../config';
import { log } from '../logger';

export interface Database {
  uri: string;
  stop(): Promise<void>;
}

export class DatabaseError extends Error {}

/**
 * Connects mongoose (the one instance ltijs shares) to MONGODB_URI, or starts an embedded MongoDB
 * whose data lives under DATA_DIR/db. Fails with a clear message instead of ltijs's process.exit().
 */
export async function startDatabase(config: AppConfig): Promise<Database> {
  let uri = config.mongodbUri;
  let embedded: { stop(opts: { doCleanup: boolean }): Promise<boolean> } | null = null;
  if (!uri) {
    const { MongoMemoryServer } = await import('mongodb-memory-server');
    const dbPath = path.join(config.dataDir, 'db');
    mkdirSync(dbPath, { recursive: true });
    try {
      const server = await MongoMemoryServer.create({ instance: { dbPath, storageEngine: 'wiredTiger' } });
      embedded = server;
      uri = server.getUri('ecap');
      log.info('embedded MongoDB started', { dbPath });
    } catch (err) {
      throw new DatabaseError(
        `Could not start the embedded MongoDB (${err instanceof Error ? err.message.split('\n')[0] : String(err)}).\n` +
          'Set MONGODB_URI to a running MongoDB, or MONGOMS_SYSTEM_BINARY to a local mongod binary.',
      );
    }
  }
  try {
    await mongoose.connect(uri, { serverSelectionTimeoutMS: 10_000 });
  } catch (err) {
    await embedded?.stop({ doCleanup: false });
    throw new DatabaseError(`Could not connect to MongoDB (MONGODB_URI): ${err instanceof Error ? err.message : String(err)}`);
  }
  await Promise.all(Object.values(mongoose.connection.models).map((m) => m.init()));
  return {
    uri,
    async stop() {
      await mongoose.disconnect();
      await embedded?.stop({ doCleanup: false });
    },
  };
}
