import { Schema, model, type Types } from 'mongoose';
import { baseSchemaOptions } from '../db/model-options';
import type { Locale } from '../../shared/roles';

export interface Deployment {
  /** deployment_id as the platform sends it in launches. */
  deploymentId: string;
  /** A school or sub-account name for people to read. */
  name: string;
  /** How the tool learned it. */
  source: 'dynamic_registration' | 'manual' | 'admin';
  addedAt: Date;
}

/** A district: one LTI registration (issuer + client_id) with its deployments (schools). */
export interface Tenant {
  _id: Types.ObjectId;
  /** Platform issuer (iss claim). */
  issuer: string;
  /** client_id the platform gave the tool. */
  clientId: string;
  /** canvas, moodle, schoology or the platform's product_family_code. */
  product: string;
  deployments: Deployment[];
  /** Origins the LMS frames the tool from; they make up the CSP frame-ancestors. */
  lmsOrigins: string[];
  settings: {
    name: string;
    schoolYear: string;
    gradeSpan: { from: number; to: number };
    languages: Locale[];
  };
  createdAt: Date;
  updatedAt: Date;
}

const deploymentSchema = new Schema<Deployment>(
  {
    deploymentId: { type: String, required: true },
    name: { type: String, required: true },
    source: { type: String, required: true, enum: ['dynamic_registration', 'manual', 'admin'] },
    addedAt: { type: Date, required: true, default: () => new Date() },
  },
  { _id: false },
);

const tenantSchema = new Schema<Tenant>(
  {
    issuer: { type: String, required: true },
    clientId: { type: String, required: true },
    product: { type: String, required: true, default: 'unknown' },
    deployments: { type: [deploymentSchema], default: [] },
    lmsOrigins: { type: [String], default: [] },
    settings: {
      name: { type: String, required: true },
      schoolYear: { type: String, required: true },
      gradeSpan: { from: { type: Number, default: 6 }, to: { type: Number, default: 12 } },
      languages: { type: [String], default: ['en', 'es'] },
    },
  },
  baseSchemaOptions,
);
tenantSchema.index({ issuer: 1, clientId: 1 }, { unique: true });

export const TenantModel = model<Tenant>('Tenant', tenantSchema);
