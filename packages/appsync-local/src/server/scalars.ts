/**
 * AppSync's built-in scalars, validated the way AppSync validates them (see "Scalar types in
 * AWS AppSync"): strings in a given format in, the same strings out; `AWSTimestamp` is an
 * integer of epoch seconds; `AWSJSON` arrives as a JSON string and reaches resolvers parsed.
 */
import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { isIP } from 'node:net';

const offset = '(?:Z|[+-]\\d{2}:\\d{2}(?::\\d{2})?)';
const date = '\\d{4}-\\d{2}-\\d{2}';
const time = '\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,9})?)?';

const datePattern = new RegExp(`^(${date})${offset}?$`);
const timePattern = new RegExp(`^(${time})${offset}?$`);
const dateTimePattern = new RegExp(`^(${date})T(${time})${offset}$`);
// RFC 822 addr-spec, simplified to what AppSync accepts in practice: local@domain.
const emailPattern = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+$/;
const phonePattern = /^\+?[\d\s\-().]{3,20}$/;

function isRealDate(value: string): boolean {
  const [year, month, day] = value.split('-').map(Number) as [number, number, number];
  const parsed = new Date(Date.UTC(year, month - 1, day));
  return (
    parsed.getUTCFullYear() === year && parsed.getUTCMonth() === month - 1 && parsed.getUTCDate() === day
  );
}

function isRealTime(value: string): boolean {
  const [hours, minutes, seconds = '0'] = value.split(':') as [string, string, string?];
  return Number(hours) <= 23 && Number(minutes) <= 59 && Number(seconds) < 60;
}

const validators = {
  AWSDate: (value: string) => {
    const match = datePattern.exec(value);
    return match !== null && isRealDate(match[1]!);
  },
  AWSTime: (value: string) => {
    const match = timePattern.exec(value);
    return match !== null && isRealTime(match[1]!);
  },
  AWSDateTime: (value: string) => {
    const match = dateTimePattern.exec(value);
    return match !== null && isRealDate(match[1]!) && isRealTime(match[2]!);
  },
  AWSEmail: (value: string) => emailPattern.test(value),
  AWSURL: (value: string) => {
    try {
      const url = new URL(value);
      return url.protocol.length > 1 && (url.host !== '' || url.protocol === 'mailto:');
    } catch {
      return false;
    }
  },
  AWSPhone: (value: string) => phonePattern.test(value) && /\d{3,}/.test(value.replace(/\D/g, '')),
  AWSIPAddress: (value: string) => {
    const [address, prefix, ...rest] = value.split('/');
    if (rest.length > 0 || address === undefined) return false;
    const family = isIP(address);
    if (family === 0) return false;
    if (prefix === undefined) return true;
    const bits = Number(prefix);
    return /^\d+$/.test(prefix) && bits <= (family === 4 ? 32 : 128);
  },
} as const;

/** The names AppSync uses for its scalars in error messages ("not a valid DateTime Object"). */
const descriptiveNames: Record<keyof typeof validators | 'AWSTimestamp' | 'AWSJSON', string> = {
  AWSDate: 'Date',
  AWSTime: 'Time',
  AWSDateTime: 'DateTime',
  AWSEmail: 'Email',
  AWSURL: 'URL',
  AWSPhone: 'Phone',
  AWSIPAddress: 'IPAddress',
  AWSTimestamp: 'Timestamp',
  AWSJSON: 'JSON',
};

/** A value that does not fit an AppSync scalar, phrased as AppSync phrases it. */
export class InvalidScalarValueError extends GraphQLError {
  constructor(scalar: keyof typeof descriptiveNames, value: unknown, verb: 'parse' | 'serialize') {
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    super(
      scalar === 'AWSJSON'
        ? `Unable to ${verb} ${text} as valid JSON.`
        : `Unable to ${verb} \`${text}\` as a valid ${descriptiveNames[scalar]} Object.`,
    );
  }
}

function stringScalar(name: keyof typeof validators): GraphQLScalarType {
  const isValid = validators[name];
  const check = (value: unknown, verb: 'parse' | 'serialize'): string => {
    if (typeof value !== 'string' || !isValid(value)) throw new InvalidScalarValueError(name, value, verb);
    return value;
  };
  return new GraphQLScalarType({
    name,
    serialize: (value) => check(value, 'serialize'),
    parseValue: (value) => check(value, 'parse'),
    parseLiteral: (ast) => check(ast.kind === Kind.STRING ? ast.value : literalText(ast), 'parse'),
  });
}

function literalText(ast: ValueNode): unknown {
  return 'value' in ast ? ast.value : ast.kind;
}

const timestampScalar = new GraphQLScalarType({
  name: 'AWSTimestamp',
  serialize: (value) => {
    if (typeof value === 'number' && Number.isInteger(value)) return value;
    if (typeof value === 'string' && /^-?\d+$/.test(value)) return Number(value);
    throw new InvalidScalarValueError('AWSTimestamp', value, 'serialize');
  },
  parseValue: (value) => {
    if (typeof value === 'number' && Number.isSafeInteger(value)) return value;
    throw new InvalidScalarValueError('AWSTimestamp', value, 'parse');
  },
  parseLiteral: (ast) => {
    if (ast.kind === Kind.INT) return Number(ast.value);
    throw new InvalidScalarValueError('AWSTimestamp', literalText(ast), 'parse');
  },
});

const jsonScalar = new GraphQLScalarType({
  name: 'AWSJSON',
  // Resolvers return objects; clients receive them as a JSON string.
  serialize: (value) => (typeof value === 'string' ? value : JSON.stringify(value)),
  parseValue: (value) => {
    if (typeof value !== 'string') throw new InvalidScalarValueError('AWSJSON', value, 'parse');
    try {
      return JSON.parse(value) as unknown;
    } catch {
      throw new InvalidScalarValueError('AWSJSON', value, 'parse');
    }
  },
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new InvalidScalarValueError('AWSJSON', literalText(ast), 'parse');
    try {
      return JSON.parse(ast.value) as unknown;
    } catch {
      throw new InvalidScalarValueError('AWSJSON', ast.value, 'parse');
    }
  },
});

/** Every AppSync scalar by name, ready to replace the placeholders in a built schema. */
export const appSyncScalars: ReadonlyMap<string, GraphQLScalarType> = new Map(
  [
    ...(Object.keys(validators) as (keyof typeof validators)[]).map(stringScalar),
    timestampScalar,
    jsonScalar,
  ].map((scalar) => [scalar.name, scalar]),
);
