import { parseArgs } from 'node:util';
import { z } from 'zod';
import { loadConfig } from '../config';
import { startDatabase } from '../db/database';
import { setupLti } from '../lti/provider';
import { DEFAULT_GRACE_HOURS, rotateToolKey } from '../lti/tool-keys';
import { TenantModel } from '../tenants/tenant.model';
import { runCli } from './run-cli';

const USAGE = `Usage: npm run rotate-keys -- (--issuer URL --client-id ID | --all) [--grace-hours ${DEFAULT_GRACE_HOURS}]`;

const argsSchema = z
  .object({
    issuer: z.string().min(1).optional(),
    'client-id': z.string().min(1).optional(),
    all: z.boolean().default(false),
    'grace-hours': z.coerce.number().int('whole hours').min(1).max(24 * 30).default(DEFAULT_GRACE_HOURS),
  })
  .refine((a) => a.all !== Boolean(a.issuer && a['client-id']), 'give --issuer and --client-id, or --all')
  .refine((a) => !a.all || (!a.issuer && !a['client-id']), 'give --issuer and --client-id, or --all, not both');

/** Gives the tool new signing keys for one registration or all of them, against the database `npm start` uses. */
async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { issuer: { type: 'string' }, 'client-id': { type: 'string' }, all: { type: 'boolean' }, 'grace-hours': { type: 'string' } },
    strict: true,
  });
  const args = argsSchema.safeParse(values);
  if (!args.success) {
    process.stderr.write(`${args.error.issues.map((i) => `${i.path.join('.') || 'arguments'}: ${i.message}`).join('\n')}\n${USAGE}\n`);
    return 2;
  }
  const config = loadConfig();
  const db = await startDatabase(config);
  try {
    const { lti } = setupLti(config, db.uri);
    await lti.deploy({ serverless: true, silent: true });
    const { issuer, 'client-id': clientId, 'grace-hours': graceHours } = args.data;
    const registrations = issuer && clientId ? [{ issuer, clientId }] : await TenantModel.find({}, { issuer: 1, clientId: 1 }).lean().exec();
    if (!registrations.length) process.stdout.write('No registrations: nothing to rotate.\n');
    for (const reg of registrations) {
      const r = await rotateToolKey(lti, config.ltiKey, { issuer: reg.issuer, clientId: reg.clientId }, { graceHours });
      process.stdout.write(
        `${r.issuer} (client ID ${r.clientId}): signing with key ${r.newKid}; old key ${r.oldKid} stays published until ${r.oldKeyPublishedUntil.toISOString()}\n`,
      );
    }
    await lti.close({ silent: true });
  } finally {
    await db.stop();
  }
  return 0;
}

runCli(main, { usage: USAGE, failure: 'Key rotation failed' });
