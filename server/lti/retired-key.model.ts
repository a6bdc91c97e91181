import { Schema, model, type InferSchemaType } from 'mongoose';

/**
 * A public key the tool signed with before a rotation, still published at /lti/keys until removeAfter so platforms
 * that cached the old keyset, or hold a token signed just before, can still verify. Only public halves are kept.
 */
const retiredKeySchema = new Schema(
  {
    issuer: { type: String, required: true },
    clientId: { type: String, required: true },
    kid: { type: String, required: true, unique: true },
    jwk: { type: Schema.Types.Mixed, required: true },
    retiredAt: { type: Date, required: true },
    removeAfter: { type: Date, required: true },
  },
  { versionKey: false },
);
// MongoDB deletes the document once removeAfter has passed; the keyset also filters on it.
retiredKeySchema.index({ removeAfter: 1 }, { expireAfterSeconds: 0 });

export type RetiredKey = InferSchemaType<typeof retiredKeySchema>;
export const RetiredKeyModel = model('RetiredKey', retiredKeySchema);
