import { Types } from 'mongoose';

/** A tenant id that came from an authenticated session or a verified launch; every tenant-owned query takes one. */
export type TenantId = Types.ObjectId & { readonly __tenant: unique symbol };

/** Only for ids the server itself vouches for (session token, verified launch, admin CLI). */
export function trustedTenantId(id: string | Types.ObjectId): TenantId {
  return new Types.ObjectId(id) as TenantId;
}
