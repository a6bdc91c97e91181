import { createPublicKey } from 'node:crypto';
import type { ProviderInstance } from 'ltijs';
import Auth from 'ltijs/dist/Utils/Auth';
import Keyset from 'ltijs/dist/Utils/Keyset';
import type LtijsDatabase from 'ltijs/dist/Utils/Database';
import { RetiredKeyModel } from './retired-key.model';

/** Long enough for any platform's cache of the tool's keyset and for tokens signed just before the rotation. */
export const DEFAULT_GRACE_HOURS = 24;

export interface Rotation {
  issuer: string;
  clientId: string;
  oldKid: string;
  newKid: string;
  oldKeyPublishedUntil: Date;
}

function ltijsDatabase(lti: ProviderInstance): LtijsDatabase {
  return lti.Database as LtijsDatabase;
}

/**
 * Gives the tool a new key pair for one registration: the new key signs from now on (deep linking responses,
 * client-credentials assertions) and the old public key stays in /lti/keys for the grace period. The old private
 * key is gone at once (ltijs replaces it), so nothing can sign with it again.
 */
export async function rotateToolKey(
  lti: ProviderInstance,
  encryptionKey: string,
  registration: { issuer: string; clientId: string },
  opts: { graceHours?: number; now?: Date } = {},
): Promise<Rotation> {
  const { issuer, clientId } = registration;
  const db = ltijsDatabase(lti);
  const platform = await lti.getPlatform(issuer, clientId);
  if (!platform) throw new Error(`no registration for issuer ${issuer} and client ID ${clientId}`);
  const oldKid = await platform.platformKid();
  const now = opts.now ?? new Date();
  const oldKeyPublishedUntil = new Date(now.getTime() + (opts.graceHours ?? DEFAULT_GRACE_HOURS) * 3_600_000);

  const stored = await db.Get(encryptionKey, 'publickey', { kid: oldKid });
  const pem = stored ? stored[0]?.key : undefined;
  if (typeof pem === 'string') {
    const jwk = { ...createPublicKey(pem).export({ format: 'jwk' }), kid: oldKid, alg: 'RS256', use: 'sig' };
    await RetiredKeyModel.updateOne(
      { kid: oldKid },
      { $set: { issuer, clientId, jwk, retiredAt: now, removeAfter: oldKeyPublishedUntil } },
      { upsert: true },
    ).exec();
  }
  const newKid = await Auth.generatePlatformKeyPair(encryptionKey, db, issuer, clientId);
  await db.Modify(false, 'platform', { platformUrl: issuer, clientId }, { kid: newKid });
  if (await db.Get(false, 'platformStatus', { id: oldKid })) {
    await db.Modify(false, 'platformStatus', { id: oldKid }, { id: newKid });
  }
  return { issuer, clientId, oldKid, newKid, oldKeyPublishedUntil };
}

/** The tool's JWKS: each registration's current key, plus retired keys still in their grace period. */
export async function toolKeyset(lti: ProviderInstance, encryptionKey: string, now = new Date()): Promise<{ keys: Array<Record<string, unknown>> }> {
  const [current, retired] = await Promise.all([
    Keyset.build(ltijsDatabase(lti), encryptionKey),
    RetiredKeyModel.find({ removeAfter: { $gt: now } }).lean().exec(),
  ]);
  const kids = new Set(current.keys.map((k) => k.kid));
  return { keys: [...current.keys, ...retired.map((r) => r.jwk as Record<string, unknown>).filter((k) => !kids.has(String(k.kid)))] };
}
