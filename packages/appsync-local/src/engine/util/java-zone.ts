/**
 * Time zones as Java's `ZoneId.of` reads them, which is what `util.time` takes: `Z`, fixed
 * offsets (`+8`, `+08`, `+0800`, `+08:00`, `-07:00:30`), `UTC`/`GMT`/`UT` with or without an
 * offset, and IANA region ids (offsets from Luxon's Intl-backed zones).
 */
import { IANAZone } from 'luxon';

/** A zone id Java's `ZoneId.of` would refuse. */
export class JavaZoneError extends RangeError {
  override readonly name = 'JavaZoneError';
}

export interface JavaZone {
  /** The id Java prints for the zone (`Z`, `+08:00`, `UTC`, `Australia/Perth`). */
  readonly id: string;
  /** Luxon's zone for named zones; undefined for fixed offsets. */
  readonly region?: IANAZone;
  offsetSeconds(epochMilliseconds: number): number;
}

const maxOffsetSeconds = 18 * 3600;

/** `+hh:mm`, `+hh:mm:ss` (or `Z`), as Java's `ZoneOffset.getId()` prints an offset. */
export function offsetId(totalSeconds: number): string {
  if (totalSeconds === 0) return 'Z';
  const absolute = Math.abs(totalSeconds);
  const parts = [Math.floor(absolute / 3600), Math.floor(absolute / 60) % 60];
  if (absolute % 60 !== 0) parts.push(absolute % 60);
  return `${totalSeconds < 0 ? '-' : '+'}${parts.map((part) => String(part).padStart(2, '0')).join(':')}`;
}

/** Seconds east of UTC for Java's offset forms, or `undefined` when `text` is not one. */
export function parseOffset(text: string): number | undefined {
  if (text === 'Z') return 0;
  const match = /^([+-])(\d{1,2})(?::?(\d{2})(?::?(\d{2}))?)?$/.exec(text);
  if (!match) return undefined;
  const [, sign, hours, minutes = '0', seconds = '0'] = match as unknown as [
    string,
    string,
    string,
    string?,
    string?,
  ];
  const colons = text.split(':').length - 1;
  // Java takes `+hh:mm:ss` or `+hhmmss`, not a mix, and a one-digit hour only alone.
  if ((colons > 0 && colons !== (text.length > 7 ? 2 : 1)) || (hours.length === 1 && text.length > 2))
    return undefined;
  if (Number(minutes) > 59 || Number(seconds) > 59) return undefined;
  const total = Number(hours) * 3600 + Number(minutes) * 60 + Number(seconds);
  if (total > maxOffsetSeconds) return undefined;
  return sign === '-' ? -total : total;
}

const fixed = (id: string, seconds: number): JavaZone => ({ id, offsetSeconds: () => seconds });

/** The zone `util.time` uses for `zone`; UTC when none is given. */
export function javaZone(zone: unknown): JavaZone {
  if (zone === undefined || zone === null || zone === '') return fixed('UTC', 0);
  const text = String(zone);
  if (text === 'Z' || text.startsWith('+') || text.startsWith('-')) {
    const seconds = parseOffset(text);
    if (seconds === undefined) throw new JavaZoneError(`Invalid ID for ZoneOffset, invalid format: ${text}`);
    return fixed(offsetId(seconds), seconds);
  }
  const prefixed = /^(UTC|GMT|UT)([+-].*)?$/.exec(text);
  if (prefixed) {
    const seconds = prefixed[2] === undefined ? 0 : parseOffset(prefixed[2]);
    if (seconds === undefined) throw new JavaZoneError(`Invalid ID for offset-based ZoneId: ${text}`);
    return fixed(
      seconds === 0 ? (prefixed[1] as string) : `${prefixed[1] as string}${offsetId(seconds)}`,
      seconds,
    );
  }
  if (!IANAZone.isValidZone(text)) throw new JavaZoneError(`Unknown time-zone ID: ${text}`);
  const region = IANAZone.create(text);
  return { id: text, region, offsetSeconds: (epochMilliseconds) => region.offset(epochMilliseconds) * 60 };
}
