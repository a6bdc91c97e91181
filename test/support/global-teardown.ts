import type { MongoMemoryServer } from 'mongodb-memory-server';

export default async function globalTeardown(): Promise<void> {
  await (globalThis as { __ECAP_MONGOD__?: MongoMemoryServer }).__ECAP_MONGOD__?.stop();
}
