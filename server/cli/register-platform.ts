import { parseArgs } from 'node:util';
import { loadConfig } from '../config';
import { startDatabase } from '../db/database';
import { setupLti } from '../lti/provider';
import { manualRegistrationSchema, registerManually } from '../lti/registrations';
import { PLATFORM_PRESETS, type PlatformPresetId } from '../lti/tool-manifest';
import { fieldErrors } from '../http/validate';
import { runCli } from './run-cli';

const USAGE = `Usage: npm run register-platform -- --name "District" --client-id ID [--deployment-id ID]
       [--preset schoology|canvas-cloud|canvas-cloud-beta|canvas-cloud-test]
       [--issuer URL --auth-endpoint URL --token-endpoint URL --jwks-url URL] [--product canvas|moodle|schoology|other]`;

/** Registers an LMS by hand, against the same database `npm start` uses (MONGODB_URI or the embedded one). */
async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      name: { type: 'string' },
      'client-id': { type: 'string' },
      'deployment-id': { type: 'string' },
      preset: { type: 'string' },
      issuer: { type: 'string' },
      'auth-endpoint': { type: 'string' },
      'token-endpoint': { type: 'string' },
      'jwks-url': { type: 'string' },
      product: { type: 'string' },
    },
    strict: true,
  });
  const presetId = values.preset as PlatformPresetId | undefined;
  if (presetId && !(presetId in PLATFORM_PRESETS)) {
    process.stderr.write(`Unknown preset "${presetId}".\n${USAGE}\n`);
    return 2;
  }
  const preset = presetId ? PLATFORM_PRESETS[presetId] : undefined;
  const parsed = manualRegistrationSchema.safeParse({
    name: values.name,
    clientId: values['client-id'],
    deploymentId: values['deployment-id'],
    product: values.product ?? (presetId === 'schoology' ? 'schoology' : presetId ? 'canvas' : 'other'),
    issuer: values.issuer ?? preset?.issuer,
    authEndpoint: values['auth-endpoint'] ?? preset?.authEndpoint,
    tokenEndpoint: values['token-endpoint'] ?? preset?.tokenEndpoint,
    jwksUrl: values['jwks-url'] ?? preset?.jwksUrl,
  });
  if (!parsed.success) {
    const lines = Object.entries(fieldErrors(parsed.error)).map(([k, v]) => `  ${k}: ${v.join(' ')}`);
    process.stderr.write(`Invalid registration:\n${lines.join('\n')}\n${USAGE}\n`);
    return 2;
  }
  const config = loadConfig();
  const db = await startDatabase(config);
  try {
    const { lti } = setupLti(config, db.uri);
    await lti.deploy({ serverless: true, silent: true });
    const tenant = await registerManually(lti, parsed.data);
    process.stdout.write(
      `Registered "${tenant.settings.name}" (tenant ${String(tenant._id)}): issuer ${tenant.issuer}, client ID ${tenant.clientId}, ` +
        `deployments: ${tenant.deployments.map((d) => d.deploymentId).join(', ') || 'none'}\n`,
    );
    await lti.close({ silent: true });
  } finally {
    await db.stop();
  }
  return 0;
}

runCli(main, { usage: USAGE, failure: 'Registration failed' });
