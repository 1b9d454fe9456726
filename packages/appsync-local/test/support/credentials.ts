/** DynamoDB Local accepts any credentials and region; the SDK needs some. */
export const testRegion = 'us-east-1';
export const testCredentials = { accessKeyId: 'local', secretAccessKey: 'local' };
