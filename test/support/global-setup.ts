import { MongoMemoryServer } from 'mongodb-memory-server';

/** One MongoDB for the run; each test file uses its own database on it (test/support/app-harness.ts). */
export default async function globalSetup(): Promise<void> {
  const server = await MongoMemoryServer.create();
  (globalThis as { __ECAP_MONGOD__?: MongoMemoryServer }).__ECAP_MONGOD__ = server;
  process.env.ECAP_TEST_MONGO_URI = server.getUri();
}
