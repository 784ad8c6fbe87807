// Message keys for the catalog's enumerations, so views show "Scale-out" / "横向扩展" rather than the raw value.
import type { Confidence, OperatingSystem, ServerClass } from '../../../src-main/ipc/shared';

export function classKey(serverClass: ServerClass): string {
  return serverClass === 'scale-out' ? 'common.classes.scaleOut' : `common.classes.${serverClass}`;
}

export function osKey(os: OperatingSystem): string {
  return `common.os.${os}`;
}

const OS_ORDER: OperatingSystem[] = ['aix', 'ibmi', 'linux'];

/** Operating systems in one fixed order (AIX, IBM i, Linux), whatever order a source listed them in. */
export function inOsOrder(systems: readonly OperatingSystem[]): OperatingSystem[] {
  return OS_ORDER.filter((os) => systems.includes(os));
}

export function confidenceKey(confidence: Confidence): string {
  return `common.confidence.${confidence}`;
}

/** A calendar day from the catalog (yyyy-mm-dd) as a Date at UTC midnight; null for anything else, shown as written. */
export function catalogDay(text: string | null): Date | null {
  const match = text ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim()) : null;
  return match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
}
