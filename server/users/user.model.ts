import { Schema, model, type Types } from 'mongoose';
import { baseSchemaOptions } from '../db/model-options';
import { APP_ROLES, LOCALES, type AppRole, type Locale } from '../../shared/roles';

/** A course (LTI context) the user launched from, with the role they had there. */
export interface UserContext {
  contextId: string;
  title: string;
  deploymentId: string;
  role: AppRole;
  lastLaunchAt: Date;
}

/** A person in a district, keyed by the platform's LTI subject (sub claim). */
export interface User {
  _id: Types.ObjectId;
  tenantId: Types.ObjectId;
  /** sub claim: stable per platform, never an email. */
  ltiSubject: string;
  name: string;
  email: string | null;
  locale: Locale;
  /** Role of the most recent launch. */
  role: AppRole;
  /** LTI role URIs of the most recent launch, kept for audits. */
  ltiRoles: string[];
  contexts: UserContext[];
  /** For parents: the sub claims of their children (role_scope_mentor). */
  menteeSubjects: string[];
  /** Counselors: the schools (deployment ids) whose students they may see, granted by a district admin. */
  caseloadDeploymentIds: string[];
  lastLaunchAt: Date;
  createdAt: Date;
  updatedAt: Date;
}

const contextSchema = new Schema<UserContext>(
  {
    contextId: { type: String, required: true },
    title: { type: String, required: true },
    deploymentId: { type: String, required: true },
    role: { type: String, required: true, enum: APP_ROLES },
    lastLaunchAt: { type: Date, required: true },
  },
  { _id: false },
);

const userSchema = new Schema<User>(
  {
    tenantId: { type: Schema.Types.ObjectId, required: true, ref: 'Tenant' },
    ltiSubject: { type: String, required: true },
    name: { type: String, required: true },
    email: { type: String, default: null },
    locale: { type: String, required: true, enum: LOCALES, default: 'en' },
    role: { type: String, required: true, enum: APP_ROLES },
    ltiRoles: { type: [String], default: [] },
    contexts: { type: [contextSchema], default: [] },
    menteeSubjects: { type: [String], default: [] },
    caseloadDeploymentIds: { type: [String], default: [] },
    lastLaunchAt: { type: Date, required: true },
  },
  baseSchemaOptions,
);
userSchema.index({ tenantId: 1, ltiSubject: 1 }, { unique: true });
userSchema.index({ tenantId: 1, 'contexts.contextId': 1 });
userSchema.index({ tenantId: 1, 'contexts.deploymentId': 1 });

export const UserModel = model<User>('User', userSchema);
