/**
 * IAM identity policies evaluated as AWS does (`@cloud-copilot/iam-simulate`): the API's AWS_IAM
 * mode holds callers to their `appsync:GraphQL` grants with it, and any other local endpoint
 * that stands in for an AWS service can do the same.
 */
export {
  PrincipalPolicy,
  type AuthorizationCheck,
  type Denial,
  type IamPolicyDocument,
  type IamPolicyStatement,
  type RequestFacts,
} from './policy-evaluation.ts';
export {
  InvalidPolicyError,
  PolicyEvaluationError,
  SignatureRefusal,
  type SignatureRefusalReason,
} from './errors.ts';
export { SignatureVerifier, type SignedRequest } from './sigv4-verifier.ts';
