// Live partition mobility between generations: a partition moves live only when the target runs it in a processor
// compatibility mode the source generation also has. Published modes per target generation (review 2026-12, §5):
// the partition keeps running in its source's mode on the newer server until it is restarted in a newer one.
import type { Confidence, Generation } from '../catalog';

export interface RuleSource {
  title: string;
  url: string | null;
  quote: string;
  confidence: Confidence;
  reviewRef: string;
}

export interface CompatibilityModes {
  /** Modes the target's hypervisor offers, oldest first; the last is native. */
  modes: readonly string[];
  source: RuleSource;
}

const P9_MODES: RuleSource = {
  title: 'IBM Support, Processor Compatibility modes on IBM POWER9 based systems (node 6243336)',
  url: 'https://ibm.com/support/pages/node/6243336',
  quote:
    'If you want to carry out Live Partition Mobility (LPM) between a POWER9 and a POWER7 based server, the LPAR needs to be running in POWER7 mode.',
  confidence: 'high',
  reviewRef: 'ibm-figures-2026-12#67',
};
const P10_MODES: RuleSource = {
  title: 'Copy of IBM Redpaper, IBM Power E1080 Technical Overview and Introduction, 2.1.5 (martinhold.com)',
  url: 'https://martinhold.com/power10-compatibility-modes-architecture-and-technical-overview/',
  quote:
    'POWER8: Enabled by firmware level FW810 / POWER9 Base: Enabled by firmware level FW910 / POWER9: Enabled by firmware level FW940 / Power10: Enabled by firmware level FW1010',
  confidence: 'medium',
  reviewRef: 'ibm-figures-2026-12#49',
};
const P11_MODES: RuleSource = {
  title:
    'Red Hat Knowledgebase 7127918, What is IBM Power11 Systems compatibility mode?; IBM Docs (Power11), Firmware support matrix for partition mobility',
  url: 'https://access.redhat.com/solutions/7127918',
  quote:
    'The hypervisor has a list of allowed compatibility modes, which on Power 11 would normally be POWER10 or Power9. (IBM: Power11 1110_xxx migrates with 910_xxx - 950_xxx and 1010_xxx - 1061_xxx)',
  confidence: 'medium',
  reviewRef: 'ibm-figures-2026-12#25, #26',
};

export const COMPATIBILITY_MODES: Partial<Record<Generation, CompatibilityModes>> = {
  POWER9: { modes: ['POWER7', 'POWER8', 'POWER9_base', 'POWER9'], source: P9_MODES },
  POWER10: { modes: ['POWER8', 'POWER9_base', 'POWER9', 'Power10'], source: P10_MODES },
  POWER11: { modes: ['POWER9', 'Power10', 'Power11'], source: P11_MODES },
};

/** The mode a partition of a source generation runs in: POWER7+ partitions run in POWER7 mode. */
const NATIVE_MODE: Record<Generation, string> = {
  POWER7: 'POWER7',
  'POWER7+': 'POWER7',
  POWER8: 'POWER8',
  POWER9: 'POWER9',
  POWER10: 'Power10',
  POWER11: 'Power11',
};

export type MobilityCheck =
  | { possible: true; mode: string; source: RuleSource | null }
  | { possible: false; targetModes: readonly string[]; source: RuleSource | null };

/**
 * Whether a partition can move live from a server of `from` to one of `to`, and in which mode it then runs. Same
 * generation: native mode. A target generation without published modes answers "not possible" with no source.
 */
export function liveMobility(from: Generation, to: Generation): MobilityCheck {
  if (from === to) return { possible: true, mode: NATIVE_MODE[to], source: null };
  const target = COMPATIBILITY_MODES[to];
  if (!target) return { possible: false, targetModes: [], source: null };
  const mode = NATIVE_MODE[from];
  return target.modes.includes(mode)
    ? { possible: true, mode, source: target.source }
    : { possible: false, targetModes: target.modes, source: target.source };
}

/** Minimum VIOS level of the Power11 scale-out servers per mode the partitions run in [P] Power11 scale-out Redbook. */
export const POWER11_VIOS_MINIMUM: { levels: Readonly<Record<string, string>>; source: RuleSource } = {
  levels: { Power11: '4.1.1.10', Power10: '4.1.0.40', POWER9: '3.1.4.60' },
  source: {
    title: 'IBM Redbooks, IBM Power11 Scale-Out Servers: Introduction and Overview, July 2025',
    url: 'https://www.redbooks.ibm.com/',
    quote:
      'The minimum required level of VIOS for the Power11 scale-out servers is VIOS 4.1.1.10 when running in Power11 mode. ... VIOS 4.1.0.40 (Service Pack) (P10 compatibility mode) ... VIOS 3.1.4.60 (Service Pack) (P9 compatibility mode)',
    confidence: 'high',
    reviewRef: 'ibm-figures-2026-12#27',
  },
};
