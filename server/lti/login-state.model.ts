import { Schema, model, type Types } from 'mongoose';
import { baseSchemaOptions } from '../db/model-options';

/**
 * One OIDC login in progress. The launch must come back with this state and nonce, once,
 * from the browser that holds `browserKey` (in a cookie, or in the LMS's platform storage).
 */
export interface LoginState {
  _id: Types.ObjectId;
  state: string;
  nonce: string;
  issuer: string;
  clientId: string;
  tenantId: Types.ObjectId;
  browserKey: string;
  /** lti_storage_target from the login request, when the platform offers platform storage. */
  storageTarget: string | null;
  /** Origin of the platform's OIDC authorization endpoint: the postMessage target origin. */
  storageOrigin: string;
  /** The login request, to restart it from a new window when the browser keeps no cookie. */
  loginParams: Record<string, string>;
  /** Origin header of the login request: the LMS page that frames the tool. */
  frameOrigin: string | null;
  consumedAt: Date | null;
  createdAt: Date;
}

const loginStateSchema = new Schema<LoginState>(
  {
    state: { type: String, required: true, unique: true },
    nonce: { type: String, required: true },
    issuer: { type: String, required: true },
    clientId: { type: String, required: true },
    tenantId: { type: Schema.Types.ObjectId, required: true },
    browserKey: { type: String, required: true },
    storageTarget: { type: String, default: null },
    storageOrigin: { type: String, required: true },
    loginParams: { type: Schema.Types.Mixed, required: true },
    frameOrigin: { type: String, default: null },
    consumedAt: { type: Date, default: null },
  },
  baseSchemaOptions,
);
loginStateSchema.index({ createdAt: 1 }, { expireAfterSeconds: 600 });

export const LoginStateModel = model<LoginState>('LoginState', loginStateSchema);
