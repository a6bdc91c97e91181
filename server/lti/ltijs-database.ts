import LtijsDatabase from 'ltijs/dist/Utils/Database';

type EncryptionKey = string | false;
type Query = Record<string, unknown>;
type Item = Record<string, unknown>;

/** Registrations change rarely; another process sees a change after at most this long. */
export const PLATFORM_CACHE_MS = 60_000;
const CACHED = new Set(['platform', 'platformStatus']);
/** A platform with no status row is active, so "none" is worth keeping; a missing platform is not (new ones appear). */
const CACHE_MISSES = new Set(['platformStatus']);
/**
 * ltijs's 24-hour copies of each launch (names, emails, roles) serve its ltik sessions, which the tool does not use:
 * it has its own session token and launch record. Not writing them keeps two round trips and student data out.
 */
const NOT_KEPT = new Set(['idtoken', 'contexttoken']);

/**
 * ltijs's storage, with three changes for the launch path: registered platforms and their status are cached in the
 * process (a hit only; a new registration is seen at once), launch copies are not kept, and ltijs's own login
 * state is never looked up (the tool runs the OIDC login itself, so there is none). Its checks are unchanged:
 * nonces, keys and access tokens go to MongoDB as before.
 */
export class LaunchDatabase extends LtijsDatabase {
  private readonly cache = new Map<string, { at: number; rows: Item[] | false }>();

  constructor(
    database: { url: string },
    private readonly now: () => number = Date.now,
  ) {
    super(database);
  }

  override async Get(key: EncryptionKey, collection: string, query?: Query): Promise<Item[] | false> {
    if (collection === 'state' || NOT_KEPT.has(collection)) return false;
    if (!CACHED.has(collection)) return super.Get(key, collection, query);
    const id = `${collection}:${JSON.stringify(query ?? {})}`;
    const hit = this.cache.get(id);
    if (hit && this.now() - hit.at < PLATFORM_CACHE_MS) return hit.rows;
    const rows = await super.Get(key, collection, query);
    if (rows || CACHE_MISSES.has(collection)) this.cache.set(id, { at: this.now(), rows });
    else this.cache.delete(id);
    return rows;
  }

  override Insert(key: EncryptionKey, collection: string, item: Item, index?: Item): Promise<true> {
    this.forget(collection);
    return super.Insert(key, collection, item, index);
  }

  override async Replace(key: EncryptionKey, collection: string, query: Query, item: Item, index?: Item): Promise<true> {
    if (NOT_KEPT.has(collection)) return true;
    this.forget(collection);
    return super.Replace(key, collection, query, item, index);
  }

  override Modify(key: EncryptionKey, collection: string, query: Query, modification: Item): Promise<true> {
    this.forget(collection);
    return super.Modify(key, collection, query, modification);
  }

  override Delete(collection: string, query: Query): Promise<true> {
    this.forget(collection);
    return super.Delete(collection, query);
  }

  private forget(collection: string): void {
    if (!CACHED.has(collection)) return;
    for (const id of this.cache.keys()) if (id.startsWith(`${collection}:`)) this.cache.delete(id);
  }
}
