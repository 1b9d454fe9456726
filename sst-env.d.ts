/* Minimal linked-resource types until SST generates this file from the app. */
import 'sst';
declare module 'sst' {
  export interface Resource {
    Activities: { name: string; type: 'sst.aws.Dynamo' };
    Scores: { name: string; type: 'sst.aws.Dynamo' };
    Api: { url: string; type: 'sst.aws.AppSync' };
  }
}
export {};
