import { isValidObjectId } from 'mongoose';
import { LaunchModel, type Launch } from './launch.model';
import type { TenantId } from '../tenants/tenant-id';

export function findLaunch(tenantId: TenantId, launchId: string): Promise<Launch | null> {
  if (!isValidObjectId(launchId)) return Promise.resolve(null);
  return LaunchModel.findOne({ _id: launchId, tenantId }).lean<Launch>().exec();
}
