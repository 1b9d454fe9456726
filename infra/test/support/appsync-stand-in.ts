import type { Server } from 'node:http';

/**
 * Starts a stand-in for the AppSync control-plane API on 127.0.0.1 and points the AWS SDK of this
 * process at it with example credentials, so a handler under test calls it instead of AWS.
 */
export async function listenAsAppSync(server: Server): Promise<void> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  Object.assign(process.env, {
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
    AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
    AWS_ENDPOINT_URL_APPSYNC: `http://127.0.0.1:${address.port}`,
    AWS_EC2_METADATA_DISABLED: 'true',
  });
}
