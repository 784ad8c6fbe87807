/* eslint-disable @typescript-eslint/no-explicit-any -- edits the seed's loosely shaped records; the result is validated by ShippedCatalog */
// The December 2026 review of the catalog against IBM's Redbooks and Redpapers (../shared/reference/
// ibm-findings-2026-12.md, ibm-figures-2026-12.json): every figure it found wrong or missing is applied here, each
// carrying the review entry it comes from, the source's own words and the confidence. The quote is read from the
// review file at build time (never retyped), so a figure whose entry changed fails the build instead of drifting.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

type Confidence = 'high' | 'medium' | 'low';
type Os = 'aix' | 'ibmi' | 'linux';

interface ReviewEntry {
  subject: string;
  field: string;
  value: unknown;
  quote: string;
  confidence: Confidence;
  source: string;
  url: string | null;
}

/** Sources of the review, registered on each model that uses them (ids are stable: the catalog view links them). */
export const REVIEW_SOURCES = {
  p11so: {
    title:
      'IBM Redbooks, IBM Power11 Scale-Out Servers: Introduction and Overview, 1st ed. July 2025 (9824-42A, 9856-42H, 9824-22A, 9856-22H)',
    url: 'https://www.redbooks.ibm.com/',
    confidence: 'high',
    sourceClass: 'ibm-official',
  },
  p10so: {
    title:
      'IBM Redpaper REDP-5675 family, Power10 scale-out servers S1012/S1014/S1022s/S1022/S1024 (ch. 1, Table 1-11 IBM i tiers)',
    url: 'https://www.redbooks.ibm.com/abstracts/redp5675.html',
    confidence: 'high',
    sourceClass: 'ibm-official',
  },
  p9g: {
    title:
      'IBM Redpaper, IBM Power Systems S922, S914, and S924 Technical Overview and Introduction Featuring PCIe Gen 4 Technology, July 2020',
    url: 'https://www.redbooks.ibm.com/',
    confidence: 'high',
    sourceClass: 'ibm-official',
  },
  redp5509: {
    title: 'IBM Redpaper REDP-5509, IBM Power System E950: Technical Overview and Introduction, August 2018',
    url: 'https://www.redbooks.ibm.com/abstracts/redp5509.html',
    confidence: 'high',
    sourceClass: 'ibm-official',
  },
  redp5510: {
    title: 'IBM Redpaper REDP-5510, IBM Power System E980: Technical Overview and Introduction, September 2018',
    url: 'https://www.redbooks.ibm.com/abstracts/redp5510.html',
    confidence: 'high',
    sourceClass: 'ibm-official',
  },
  pvs_arch: {
    title: 'IBM Cloud docs, Power Virtual Server private cloud architecture (ibm-cloud-docs/power-iaas @824089a0)',
    url: 'https://github.com/ibm-cloud-docs/power-iaas/blob/824089a09a568325dc0fd2562091bec18349be0e/architecture-private-cloud.md',
    confidence: 'high',
    sourceClass: 'ibm-official',
  },
  pvs_os: {
    title: 'IBM Cloud docs, Power Virtual Server operating systems (ibm-cloud-docs/power-iaas @824089a0)',
    url: 'https://github.com/ibm-cloud-docs/power-iaas/blob/824089a09a568325dc0fd2562091bec18349be0e/operating-systems.md',
    confidence: 'high',
    sourceClass: 'ibm-official',
  },
  pvs_ibmi: {
    title: 'IBM Cloud docs, Power Virtual Server IBM i virtual software tiers (ibm-cloud-docs/power-iaas @824089a0)',
    url: 'https://github.com/ibm-cloud-docs/power-iaas/blob/824089a09a568325dc0fd2562091bec18349be0e/ibmi-virtual-software-tiers.md',
    confidence: 'high',
    sourceClass: 'ibm-official',
  },
  redp5684_copy: {
    title:
      'Copy of IBM Redpaper REDP-5684, IBM Power E1050: Technical Overview and Introduction, p.54 (sidemichael.com)',
    url: 'https://sidemichael.com/comparing-power10-power9-and-power8-processors-ibm-power-e1050/',
    confidence: 'medium',
    sourceClass: 'ibm-official-copy',
  },
  l2r: {
    title: "LPAR2RRD 7.70 dist/etc/free_rperf_table.txt v25 (14 Feb 2023), built from IBM's system performance report",
    url: 'https://github.com/gmercer/lpar2rrd-7.70/blob/12ad62387836b9c83a738e3d18233813623986e4/dist/etc/free_rperf_table.txt',
    confidence: 'medium',
    sourceClass: 'secondary-ibm-derived',
  },
  mem_p11_42: {
    title: 'IBM Documentation (Power11), Plugging rules for memory modules in the 9824-42A or 9856-42H system',
    url: 'https://www.ibm.com/docs/en/power11/9856-42H?topic=modules-plugging-rules-memory-in-system',
    confidence: 'high',
    sourceClass: 'ibm-official',
  },
} as const satisfies Record<string, { title: string; url: string; confidence: Confidence; sourceClass: string }>;
type SourceKey = keyof typeof REVIEW_SOURCES;

export const REVIEW_FILE = 'ibm-figures-2026-12.json';

/** Review entries carried outside the catalog data (rules code, notes) or left out on purpose, with where or why. */
export const ACCOUNTED_ELSEWHERE: Record<number, string> = {
  17: 'Power11 model notes: no Power11 server has a P05 tier',
  19: 'Power11 model notes: 50 % static activation (informational, not modelled)',
  24: 'informational: 16 cores per Power11 chip; no configuration is derived from it',
  25: 'src-main/powervm/mobility.ts: Power11 live mobility with POWER9 and Power10',
  26: 'src-main/powervm/mobility.ts: Power11 compatibility modes',
  27: 'src-main/powervm/mobility.ts: POWER11_VIOS_MINIMUM',
  28: 'left out: low confidence; 960 partitions = 20 per installed core, the rule the sizer already applies',
  29: 'left out: a Power11 machine type-model (9242-21B) without a name, low confidence',
  41: 'informational: 50 % activation on S1022/S1024 (not modelled)',
  49: 'src-main/powervm/mobility.ts: Power10 compatibility modes',
  50: 'docs/sizing-method.md: PowerVM licensed per activated core (the practice the sizer follows)',
  67: 'src-main/powervm/mobility.ts: POWER9 compatibility modes',
  69: 'src-main/powervm/processor.ts: the VP bounds are published rules [P]',
  70: "docs/sizing-method.md: configurable HPT ratios (the sizer keeps IBM's defaults)",
  71: 'docs/sizing-method.md: POWER7 770/780/795 at 0.05 PU from FW760 (POWER7 is a source generation only)',
};

export function applyReview(
  models: any[],
  editions: any[],
  generationNotes: Record<string, any>,
  referenceDir: string,
): void {
  const review = JSON.parse(readFileSync(join(referenceDir, REVIEW_FILE), 'utf8')) as { entries: ReviewEntry[] };
  for (const model of models) {
    model.osEvidence ??= {};
    model.osExclusions ??= [];
    for (const configuration of model.configurations) {
      configuration.unsupportedOS ??= [];
      configuration.ibmi ??= null;
      configuration.maxMemoryGiB ??= null;
    }
  }
  const entry = (index: number, subject: RegExp): ReviewEntry => {
    const found = review.entries[index];
    if (!found || !subject.test(found.subject))
      throw new Error(`review entry #${index} is not about ${subject}: ${found?.subject}`);
    return found;
  };
  const byId = (id: string): any => {
    const model = models.find((each) => each.id === id);
    if (!model) throw new Error(`the review names model ${id}, which the catalog lacks`);
    return model;
  };
  /** Provenance of a reviewed figure; `quote` narrows the entry's quote to the part that says this figure. */
  const prov = (
    model: any | null,
    source: SourceKey,
    index: number,
    subject: RegExp,
    quote?: string,
    confidence?: Confidence,
  ) => {
    const found = entry(index, subject);
    if (quote !== undefined && !found.quote.includes(quote))
      throw new Error(`review entry #${index} does not say "${quote}"`);
    if (model) addSource(model, source);
    return {
      kind: 'published' as const,
      sourceId: source,
      confidence: confidence ?? found.confidence,
      quote: quote ?? found.quote,
      reviewRef: `ibm-figures-2026-12#${index}`,
    };
  };
  const fig = (value: number, provenance: ReturnType<typeof prov>) => ({ value, provenance });
  const text = (value: string, provenance: ReturnType<typeof prov>) => ({ value, provenance });
  const config = (model: any, cores: number, sockets: number | null = null): any => {
    const found = model.configurations.filter(
      (each: any) => each.totalCores === cores && (sockets === null || each.sockets === sockets),
    );
    if (found.length !== 1)
      throw new Error(`${model.id}: expected one ${cores}-core configuration, found ${found.length}`);
    return found[0];
  };
  const newConfig = (
    model: any,
    c: {
      key: string;
      sockets: number | null;
      cores: number;
      ghz: string | null;
      featureCode: string | null;
      notes?: string;
      nodes?: number;
    },
  ) => {
    const placement = c.nodes !== undefined ? `${c.nodes}n` : `${c.sockets ?? 'x'}s`;
    const created = {
      id: `${model.id}/${c.key}/${placement}/${c.cores}c`,
      featureCode: c.featureCode,
      sockets: c.sockets,
      totalCores: c.cores,
      ghz: c.ghz,
      frequencyKey: c.key,
      rperf: null,
      cpw: null,
      notes: c.notes ?? null,
      maxMemoryGiB: null,
      unsupportedOS: [],
      ibmi: null,
    };
    model.configurations.push(created);
    return created;
  };
  const ibmi = (configuration: any, rules: Record<string, unknown>) => {
    configuration.ibmi = {
      tier: null,
      maxCoresPerPartition: null,
      maxServerMemoryGiB: null,
      viosRequired: null,
      ...(configuration.ibmi ?? {}),
      ...rules,
    };
  };
  const confirmOs = (model: any, oses: Os[], provenance: ReturnType<typeof prov>) => {
    model.supportedOS = [...new Set([...(model.supportedOS ?? []), ...oses])];
    for (const os of oses) model.osEvidence[os] = provenance;
  };
  const excludeOs = (model: any, os: Os, provenance: ReturnType<typeof prov>) => {
    model.supportedOS = (model.supportedOS ?? []).filter((each: Os) => each !== os);
    model.unsupportedOS = [...new Set([...model.unsupportedOS, os])];
    model.osExclusions = [...model.osExclusions.filter((each: any) => each.os !== os), { os, provenance }];
  };
  const note = (holder: any, words: string) => {
    holder.notes = holder.notes ? `${holder.notes} ${words}` : words;
  };

  applyPower11(models, byId, prov, fig, text, newConfig, ibmi, note);
  applyPower10(byId, prov, fig, text, config, newConfig, ibmi, confirmOs, note);
  applyPower9(byId, prov, fig, text, config, newConfig, ibmi, confirmOs, excludeOs, note);
  applyEditions(editions, generationNotes, prov, text);
  noIbmiOnMidrange(byId);
  checkAccounted(review.entries, JSON.stringify({ models, editions }));
}

/** Every entry the review found wrong or missing is in the data (by its reviewRef) or accounted for above. */
function checkAccounted(entries: ReviewEntry[], data: string): void {
  const used = new Set([...data.matchAll(/ibm-figures-2026-12#(\d+)/g)].map((match) => Number(match[1])));
  entries.forEach((entry, index) => {
    const actionable = /wrong|missing-but-found/.test((entry as unknown as { verdict: string }).verdict);
    if (actionable && !used.has(index) && ACCOUNTED_ELSEWHERE[index] === undefined) {
      throw new Error(
        `review entry #${index} (${entry.subject}, ${entry.field}) is neither in the catalog nor accounted for`,
      );
    }
  });
}

/** E1050 and E1150 run no IBM i: IBM's words from the Power Virtual Server docs (findings section 1, OS row). */
function noIbmiOnMidrange(byId: (id: string) => any): void {
  for (const id of ['9043-MRX', '9043-MRU']) {
    const model = byId(id);
    addSource(model, 'pvs_ibmi');
    const provenance = {
      kind: 'published',
      sourceId: 'pvs_ibmi',
      confidence: 'high',
      reviewRef: 'ibm-findings-2026-12.md section 1 (OS)',
      quote: 'IBM i is not supported on IBM E1050 and E1150 system types.',
    };
    model.unsupportedOS = [...new Set([...model.unsupportedOS, 'ibmi'])];
    model.osExclusions = [...model.osExclusions.filter((each: any) => each.os !== 'ibmi'), { os: 'ibmi', provenance }];
  }
}

function addSource(model: any, key: SourceKey): void {
  if (model.sources.some((each: any) => each.id === key)) return;
  const source = REVIEW_SOURCES[key];
  model.sources.push({
    id: key,
    title: source.title,
    url: source.url,
    confidence: source.confidence,
    sourceClass: source.sourceClass,
    usedFor: 'ibm-figures-2026-12 review',
  });
}

const P11 = /Power11|S1122|S1124|L1122|L1124|E1150|E1180/;

function applyPower11(
  models: any[],
  byId: any,
  prov: any,
  fig: any,
  text: any,
  newConfig: any,
  ibmi: any,
  note: any,
): void {
  // L1124: the machine type-model was missing; the model id becomes its MTM like every other model.
  const l1124 = byId('power-l1124');
  l1124.id = '9856-42H';
  l1124.machineTypeModel = '9856-42H';
  l1124.sockets = null;
  note(
    l1124,
    'Machine type-model 9856-42H from the Power11 scale-out Redbook, Table 2-1. No L1124 processor feature list was found, so it has no configuration: enter one as a user model.',
  );
  const l1122 = structuredClone(l1124);
  Object.assign(l1122, {
    id: '9856-22H',
    machineTypeModel: '9856-22H',
    name: 'Power L1122',
    sources: [],
    maxMemoryGiB: null,
    osNotes: null,
    notes:
      'Linux-first companion of the S1122 (Power11 scale-out Redbook, Table 2-1). No L1122 processor feature list was found, so it has no configuration: enter one as a user model.',
  });
  models.splice(models.indexOf(l1124) + 1, 0, l1122);
  l1124.socketsFigure = null;
  for (const model of [l1122, l1124]) {
    model.socketsFigure = null;
    model.identitySource = prov(model, 'p11so', model === l1124 ? 0 : 1, /L112/);
    model.nonLinuxCoreShare = fig(0.25, prov(model, 'p11so', 2, /L1122 \/ L1124/));
    model.supportedOS = ['linux', 'aix', 'ibmi'];
    model.osEvidence = {
      linux: prov(null, 'p11so', 2, /L1122/),
      aix: prov(null, 'p11so', 2, /L1122/),
      ibmi: prov(null, 'p11so', 2, /L1122/),
    };
  }

  const s1122 = byId('9824-22A');
  const eScm = 'eSCM: entry single-chip module';
  const s1122Configs = [
    {
      entry: 3,
      featureCode: 'ERGR',
      cores: 8,
      ghz: '3.60-4.00',
      escm: true,
      quote: 'Two 4-core, typical 3.6--4.0 GHz (max), Power11 eSCM processor (#ERGR) are allowed.',
    },
    { entry: 4, featureCode: 'ERGQ', cores: 20, ghz: '3.05-4.00', escm: true },
    { entry: 5, featureCode: 'EBG8', cores: 32, ghz: '3.00-4.2', escm: false },
    { entry: 6, featureCode: 'EBG9', cores: 48, ghz: '2.65-4.15', escm: false },
    { entry: 7, featureCode: 'EBGA', cores: 60, ghz: '2.40-3.95', escm: false },
  ];
  const s1122Max = prov(s1122, 'p11so', 8, /S1122/);
  s1122.maxMemoryGiB = fig(4096, s1122Max);
  s1122.socketsFigure = fig(2, prov(s1122, 'p11so', 3, /S1122/, undefined));
  const tier = prov(s1122, 'p11so', 15, /S1122/);
  s1122.ibmiTier = text('P10', tier);
  for (const each of s1122Configs) {
    const created = newConfig(s1122, {
      key: each.featureCode,
      sockets: 2,
      cores: each.cores,
      ghz: each.ghz,
      featureCode: each.featureCode,
      notes: `Two ${each.cores / 2}-core ${each.escm ? eScm : 'dual-chip modules (DCM)'}; both sockets are always populated with the same module. No rPerf or CPW is published: enter them to size by rPerf or CPW.`,
    });
    created.source = prov(s1122, 'p11so', each.entry, /S1122/);
    if (each.escm) created.maxMemoryGiB = fig(2048, s1122Max);
    ibmi(created, {
      tier: text('P10', tier),
      ...(each.featureCode === 'ERGR'
        ? {}
        : {
            maxCoresPerPartition: fig(
              4,
              prov(
                s1122,
                'p11so',
                16,
                /S1122/,
                'Up to four cores (real or virtual) per IBM i partition are supported.',
              ),
            ),
            viosRequired: text(
              'VIOS',
              prov(
                s1122,
                'p11so',
                16,
                /S1122/,
                'Native IBM i support is available on the IBM Power S1122 (MTM 9824-22A) only when populated with two 4-core processors (#ERGR)',
              ),
            ),
          }),
    });
  }

  const s1124 = byId('9824-42A');
  s1124.maxMemoryGiB = fig(8192, prov(s1124, 'p11so', 13, /S1124/));
  s1124.socketsFigure = fig(2, prov(s1124, 'p11so', 10, /S1124/));
  const tiers = prov(s1124, 'p11so', 14, /S1124/);
  s1124.ibmiTier = text('P20 (16 and 32 cores), P30 (48 and 60 cores)', tiers);
  const s1124Configs = [
    { entry: 9, featureCode: 'EP3X', sockets: 1, cores: 16, ghz: '3.4-4.2', tier: 'P20' },
    { entry: 10, featureCode: 'EP3X', sockets: 2, cores: 32, ghz: '3.4-4.2', tier: 'P20' },
    { entry: 11, featureCode: 'EP3H', sockets: 2, cores: 48, ghz: '3.05-4.15', tier: 'P30' },
    { entry: 12, featureCode: 'EP3Y', sockets: 2, cores: 60, ghz: '2.8-3.95', tier: 'P30' },
  ];
  for (const each of s1124Configs) {
    const created = newConfig(s1124, {
      key: each.featureCode,
      sockets: each.sockets,
      cores: each.cores,
      ghz: each.ghz,
      featureCode: each.featureCode,
      notes: `${each.sockets} × ${each.cores / each.sockets}-core Power11 module${each.sockets > 1 ? 's' : ''} (#${each.featureCode}). No rPerf or CPW is published: enter them to size by rPerf or CPW.${each.cores === 60 ? " The Redbook's tier table prints 64 cores for EP3Y; section 2.3 says up to 60 active cores." : ''}`,
    });
    created.source = prov(s1124, 'p11so', each.entry, /S1124/);
    ibmi(created, { tier: text(each.tier, tiers) });
  }
  addMemoryFeatures(s1124, prov);

  const e1150 = byId('9043-MRU');
  e1150.maxMemoryGiB = fig(16384, prov(e1150, 'p11so', 20, /E1150/));
  const e1150Config = newConfig(e1150, {
    key: 'pvs',
    sockets: null,
    cores: 64,
    ghz: null,
    featureCode: null,
    notes:
      "A 64-core E1150 as IBM Power Virtual Server private cloud offers it (4 or 8 TB); IBM's processor features and rPerf were not found.",
  });
  e1150Config.source = prov(e1150, 'pvs_arch', 21, /E1150/);

  const e1180 = byId('9080-HEU');
  e1180.maxMemoryGiB = fig(65536, prov(e1180, 'p11so', 22, /E1180/));
  e1180.socketsFigure = fig(16, prov(e1180, 'p11so', 22, /E1180/));
  const e1180Config = newConfig(e1180, {
    key: 'pvs',
    sockets: null,
    nodes: 2,
    cores: 128,
    ghz: null,
    featureCode: null,
    notes:
      'A 2-node (2 CEC) 128-core E1180 as IBM Power Virtual Server private cloud offers it (8, 16 or 32 TB). A 4-node 256-core system would be derived (4 × 64), not stated, so it is not listed.',
  });
  e1180Config.source = prov(e1180, 'pvs_arch', 23, /E1180/);

  for (const model of models.filter((each) => each.generation === 'POWER11')) {
    if (!P11.test(model.name)) continue;
    note(
      model,
      'No Power11 server has an IBM i P05 tier (Power11 scale-out Redbook, review entry 17). At least 50 % of installed cores must be statically activated (entry 19; not modelled: the sizer licenses the active cores it proposes). No rPerf or CPW of any Power11 configuration is published in the sources searched: workloads given in rPerf, CPW or measured on older servers need a user-entered figure.',
    );
  }
}

/** S1124/L1124 memory modules from IBM Docs (plugging rules); slots derived from the 8 TB maximum and the 256 GB module. */
function addMemoryFeatures(model: any, prov: any): void {
  const provenance = {
    kind: 'published',
    sourceId: 'mem_p11_42',
    confidence: 'high',
    quote:
      'Table 1. DDR5 memory sizes, types, feature codes, and heights for the 9824-42A system: 32 GB EM54, 64 GB EM5B, 128 GB EM4M, 256 GB EM5J',
  };
  if (!model.sources.some((each: any) => each.id === 'mem_p11_42')) {
    const source = REVIEW_SOURCES.mem_p11_42;
    model.sources.push({
      id: 'mem_p11_42',
      title: source.title,
      url: source.url,
      confidence: source.confidence,
      sourceClass: source.sourceClass,
      usedFor: 'memory module feature codes and sizes',
    });
  }
  model.memoryFeatures = {
    modules: [
      { featureCode: 'EM54', sizeGiB: 32 },
      { featureCode: 'EM5B', sizeGiB: 64 },
      { featureCode: 'EM4M', sizeGiB: 128 },
      { featureCode: 'EM5J', sizeGiB: 256 },
    ],
    // 8 TB / 256 GB = 32 module slots: derived from two published figures, so it keeps the lower of their words.
    slots: {
      value: 32,
      provenance: {
        ...prov(null, 'p11so', 13, /S1124/),
        quote: 'derived: 8 TB maximum (Redbook) / 256 GB largest module (IBM Docs) = 32 modules',
      },
    },
    rule: {
      value:
        'at most two memory module feature codes per system; all memory the same height; 128 GB and 256 GB mixed only in equal numbers under each processor module',
      provenance: {
        ...provenance,
        quote:
          'A maximum of two memory module feature codes are supported on a system. ... The system supports two heights of memory: 2U and 4U. In the system, all the memory must be the same height.',
      },
    },
    provenance,
  };
}

const P10 = /S1012|S1014|S1022|S1024|E1050|E1080|Power10/;

function applyPower10(
  byId: any,
  prov: any,
  fig: any,
  text: any,
  config: any,
  newConfig: any,
  ibmi: any,
  confirmOs: any,
  note: any,
): void {
  const s1012 = byId('9028-21B');
  const s1012Prov = prov(s1012, 'p10so', 30, /S1012/);
  s1012.sockets = 1;
  s1012.socketsFigure = fig(1, s1012Prov);
  s1012.maxMemoryGiB = fig(256, { ...s1012Prov, quote: 'for a maximum memory configuration of 256 GB of RAM.' });
  s1012.pcieSlots = fig(4, { ...s1012Prov, quote: 'The Power S1012 provides four PCIe slots' });
  const s1012Tiers = prov(s1012, 'p10so', 31, /S1012/);
  for (const [featureCode, cores, tier] of [
    ['EPG3', 1, 'P05'],
    ['EPG7', 4, 'P05'],
    ['EPGZ', 8, 'P10'],
  ] as const) {
    const created = newConfig(s1012, {
      key: featureCode,
      sockets: 1,
      cores,
      ghz: '3.0-3.90',
      featureCode,
      notes: `${cores}-core Power10 processor (#${featureCode}).${cores === 1 ? ' The Redpaper marks the 1-core option for IBM i only.' : ''}${cores === 8 ? ' Rack-mounted only.' : ''} No rPerf or CPW is published.`,
    });
    created.source = s1012Prov;
    ibmi(created, { tier: text(tier, s1012Tiers) });
    if (cores === 1)
      created.unsupportedOS = (['aix', 'linux'] as const).map((os) => ({
        os,
        provenance: {
          ...s1012Prov,
          confidence: 'medium',
          quote: 'available with a 1-core processor option 1 (footnote: IBM i only, per the review)',
        },
      }));
  }
  s1012.supportedOS = null;

  const s1014 = byId('9105-41B');
  const s1014Prov = prov(s1014, 'p10so', 32, /S1014/);
  s1014.sockets = 1;
  s1014.socketsFigure = fig(1, {
    ...s1014Prov,
    quote: 'The Power S1014 server provides a powerful single-socket server',
  });
  s1014.maxMemoryGiB = fig(1024, {
    ...s1014Prov,
    quote: 'The system supports up to 1 TB memory capacity with the 8-core or 24-core processors installed',
  });
  s1014.pcieSlots = fig(5, { ...s1014Prov, quote: 'includes five usable PCIe adapter slots' });
  const s1014Features = prov(s1014, 'p10so', 34, /S1014/);
  const s1014Tiers = prov(s1014, 'p10so', 35, /S1014/);
  for (const [cores, featureCode, tier] of [
    [4, 'EPG0', 'P05'],
    [8, 'EPG2', 'P10'],
  ] as const) {
    const existing = config(s1014, cores);
    Object.assign(existing, { featureCode, ghz: '3.0-3.90', sockets: 1, source: s1014Features });
    ibmi(existing, { tier: text(tier, s1014Tiers) });
  }
  ibmi(config(s1014, 4), {
    maxServerMemoryGiB: fig(64, {
      ...s1014Prov,
      quote:
        'When IBM i is selected as an operating system, the maximum memory capacity with the 4-core processor installed is 64 GB.',
    }),
  });
  const s1014_24 = newConfig(s1014, {
    key: '2.75',
    sockets: 1,
    cores: 24,
    ghz: '2.75-3.90',
    featureCode: null,
    notes: 'No rPerf or CPW published in the sources searched (LPAR2RRD also lists "P10/24 :2.7-3.9").',
  });
  s1014_24.source = prov(s1014, 'p10so', 33, /S1014/);
  s1014.maxCores = 24;

  const s1022s = byId('9105-22B');
  const s1022sProv = prov(s1022s, 'p10so', 36, /S1022s/);
  s1022s.maxMemoryGiB = fig(2048, {
    ...s1022sProv,
    quote: 'The system supports up to 2 TB memory capacity with both sockets populated',
  });
  s1022s.pcieSlots = fig(10, {
    ...s1022sProv,
    quote:
      'includes 10 usable PCIe adapter slots, of which five are usable when only one processor socket is populated',
  });
  const s1022sIbmi = prov(s1022s, 'p10so', 37, /S1022s/);
  s1022s.ibmiTier = text('P10', s1022sIbmi);
  const single4 = config(s1022s, 4);
  Object.assign(single4, { featureCode: 'EPGR', ghz: '3.0-3.90', source: s1022sProv });
  // IBM's tier table says N/A for one 4-core processor: no tier, because IBM i does not run there.
  const noIbmi4 = { ...s1022sIbmi, quote: 'S1022s | 4-core (#EPGR) | N/A' };
  single4.unsupportedOS = [{ os: 'ibmi', provenance: noIbmi4 }];
  ibmi(single4, { tier: text('N/A', noIbmi4) });
  const limit4 = fig(4, {
    ...s1022sIbmi,
    quote:
      'Multiple IBM i partitions are supported to run on the Power S1022s server with the 8-core processor feature, but each partition is limited to a maximum of four cores.',
  });
  const eight = config(s1022s, 8);
  Object.assign(eight, { ghz: '3.0-3.90', source: s1022sProv });
  ibmi(eight, { tier: text('P10', s1022sIbmi), maxCoresPerPartition: limit4 });
  note(
    eight,
    'Eight cores are either one 8-core (#EPGQ, IBM i partitions up to four cores) or two 4-core (#EPGR, native IBM i) processors; the catalog cannot tell which, so the stricter 4-core IBM i partition limit is applied.',
  );
  const sixteen = config(s1022s, 16);
  Object.assign(sixteen, { featureCode: 'EPGQ', ghz: '3.0-3.90', source: s1022sProv });
  ibmi(sixteen, { tier: text('P10', s1022sIbmi), maxCoresPerPartition: limit4 });

  const s1022 = byId('9105-22A');
  const s1022Mem = prov(s1022, 'p10so', 38, /S1022/);
  s1022.maxMemoryGiB = fig(4096, {
    ...s1022Mem,
    quote: 'The system supports up to 4 TB memory capacity with both sockets populated',
  });
  const s1022Ibmi = prov(s1022, 'p10so', 40, /S1022/);
  s1022.ibmiTier = text('P10', s1022Ibmi);
  const s1022Features = prov(s1022, 'p10so', 39, /S1022/);
  for (const [cores, featureCode, ghz] of [
    [32, 'EPG8', '2.75-4.0'],
    [40, 'EPGA', '2.45-3.90'],
  ] as const) {
    Object.assign(config(s1022, cores), { featureCode, ghz, source: s1022Features });
  }
  for (const configuration of s1022.configurations) {
    ibmi(configuration, {
      tier: text('P10', s1022Ibmi),
      maxCoresPerPartition: fig(4, {
        ...s1022Ibmi,
        quote:
          'Multiple IBM i partitions are supported to run on the Power S1022 server, but each partition is limited to a maximum of four cores.',
      }),
      viosRequired: text('VIOS', {
        ...s1022Ibmi,
        quote: 'These partitions must use virtual I/O connections, and at least one VIOS partition is required.',
      }),
    });
    // One socket: 16 of the 32 DDIMM slots, so half of the 4 TB (derived from the slot count IBM gives).
    if (configuration.sockets === 1)
      configuration.maxMemoryGiB = fig(2048, {
        ...s1022Mem,
        quote:
          'derived: "32 DDIMM memory slots, of which 16 are usable when only one processor socket is populated" with 4 TB on 32 slots',
      });
  }

  const s1024 = byId('9105-42A');
  s1024.maxMemoryGiB = fig(8192, prov(s1024, 'p10so', 42, /S1024/));
  const s1024Features = prov(s1024, 'p10so', 43, /S1024/);
  for (const [cores, featureCode, ghz, tier] of [
    [12, 'EPGM', '3.40-4.0', 'P20'],
    [24, 'EPGM', '3.40-4.0', 'P20'],
    [32, 'EPGC', '3.10-4.0', 'P30'],
    [48, 'EPGE', '2.75-3.90', 'P30'],
  ] as const) {
    const existing = config(s1024, cores);
    Object.assign(existing, { featureCode, ghz, source: s1024Features });
    ibmi(existing, { tier: text(tier, s1024Features) });
  }
  s1024.ibmiTier = text('P20 (12-core modules), P30 (16- and 24-core modules)', s1024Features);

  const e1080 = byId('9080-HEX');
  e1080.ibmiTier = text('P30', prov(e1080, 'p10so', 44, /E1080/));
  e1080.maxMemoryGiB = fig(65536, prov(e1080, 'p11so', 45, /E1080/));
  const e1080Ghz = prov(e1080, 'l2r', 52, /E1080/);
  const e1080Keys: Record<string, string> = { '3.65': '3.6-3.9', '3.6': '3.6-4.1', '3.5': '3.5-4.0' };
  for (const configuration of e1080.configurations) {
    configuration.ghz = e1080Keys[configuration.frequencyKey] ?? configuration.ghz;
    configuration.source = e1080Ghz;
    ibmi(configuration, { tier: text('P30', prov(null, 'p10so', 44, /E1080/)) });
  }

  const e1050 = byId('9043-MRX');
  e1050.maxMemoryGiB = fig(16384, prov(e1050, 'p11so', 46, /E1050/));
  // Frequency ranges per rPerf key from LPAR2RRD's table (medium): 3.35 -> 3.3-4.0, 3.2 -> 3.2-4.0, 2.95 -> 2.9-3.9.
  const e1050Ghz = prov(e1050, 'l2r', 51, /E1050/);
  const e1050Keys: Record<string, string> = { '3.35': '3.3-4.0', '3.2': '3.2-4.0', '2.95': '2.9-3.9' };
  for (const configuration of e1050.configurations) {
    if (!e1050Keys[configuration.frequencyKey]) continue;
    configuration.ghz = e1050Keys[configuration.frequencyKey];
    configuration.source = e1050Ghz;
  }
  e1050.sockets = 4;
  e1050.socketsFigure = fig(4, prov(e1050, 'redp5684_copy', 47, /E1050/));
  confirmOs(e1050, ['linux'], prov(e1050, 'pvs_os', 48, /E1050/));
  note(
    e1050,
    "Linux: IBM's Power Virtual Server docs list the E1050 as supported by Red Hat and SUSE (written there as 9040-MRX, a typo for 9043-MRX).",
  );

  for (const id of ['9786-22H', '9786-42H']) {
    const model = byId(id);
    const itj = model.sources.find((each: any) => each.id === 'itj_s1024');
    model.nonLinuxCoreShare = {
      value: 0.25,
      provenance: {
        kind: 'published',
        sourceId: 'itj_s1024',
        confidence: itj?.confidence ?? 'medium',
        quote: 'IT Jungle on announcement letter LG22-0033: at most 25 % of the cores may run AIX or IBM i',
      },
    };
  }
  void P10;
}

function applyPower9(
  byId: any,
  prov: any,
  fig: any,
  text: any,
  config: any,
  newConfig: any,
  ibmi: any,
  confirmOs: any,
  excludeOs: any,
  note: any,
): void {
  const s922 = byId('9009-22A');
  const s922Mem = prov(s922, 'p9g', 53, /S922/);
  s922.sockets = 2;
  s922.socketsFigure = fig(2, s922Mem);
  s922.maxMemoryGiB = fig(4096, {
    ...s922Mem,
    quote:
      'offering a maximum system memory of 2 TB if one socket is single-chip populated and 4 TB with both sockets populated.',
  });
  const s922Ibmi = prov(s922, 'p9g', 54, /S922/);
  const s922Tier = prov(
    s922,
    'p10so',
    59,
    /S914 \/ S922/,
    'Power S922 (9009-22G) (P05 (1 core) and P10 software tier)',
  );
  s922.ibmiTier = text('P05 (1 core) and P10', s922Tier);
  for (const configuration of s922.configurations) {
    const perModule = [8, 10, 11].find(
      (cores) => configuration.totalCores === cores || configuration.totalCores === cores * 2,
    );
    if (perModule === undefined) continue;
    ibmi(configuration, {
      tier: text('P10', s922Ibmi),
      maxCoresPerPartition: fig(4, { ...s922Ibmi, quote: 'Up to four cores per IBM i partition are supported.' }),
      viosRequired: text('VIOS', {
        ...s922Ibmi,
        quote:
          'For the 8-, 10-, or 11-core processor configuration #EP58, #EP59, and #EP5B (software tier P10) VIOS is required to run IBM i.',
      }),
    });
    if (configuration.totalCores === perModule) {
      configuration.sockets = 1;
      configuration.maxMemoryGiB = fig(2048, {
        ...s922Mem,
        quote: 'a maximum system memory of 2 TB if one socket is single-chip populated',
      });
    } else {
      configuration.sockets = 2;
    }
  }
  const s922Extra = prov(s922, 'l2r', 60, /S922/);
  for (const [cores, key, ghz, sockets] of [
    [1, '2.3', '2.3-3.8', 1],
    [12, '2.7', '2.7-3.8', null],
    [24, '2.7', '2.7-3.8', 2],
  ] as const) {
    const created = newConfig(s922, {
      key,
      sockets,
      cores,
      ghz,
      featureCode: null,
      notes:
        "Listed for the 9009-22G in LPAR2RRD's table built from IBM's performance report (its rPerf column is not published there).",
    });
    created.source = s922Extra;
    if (cores === 1) {
      ibmi(created, {
        tier: text('P05', {
          ...s922Ibmi,
          quote: '1-core #EP5Y/#EP6Y: software tier P05, native IBM i (review entry 54)',
        }),
      });
    } else {
      // Derived: every S922 configuration but the 1-core is P10 (P05 (1 core) and P10), and IBM ties the 4-core IBM i
      // partition limit to the P10-tier configurations; kept at medium confidence.
      const derived = {
        ...s922Ibmi,
        confidence: 'medium',
        quote:
          'derived: "P05 (1 core) and P10 software tier" and, for the P10-tier configurations, "Up to four cores per IBM i partition are supported."',
      };
      ibmi(created, {
        tier: text('P10', derived),
        maxCoresPerPartition: fig(4, derived),
        viosRequired: text('VIOS', derived),
      });
    }
  }
  note(
    s922,
    "Sockets per configuration: the 8/10/11-core rows are one processor module, 16/20/22 two (the Redpaper's features are 8-, 10- and 11-core modules). The 1-, 12- and 24-core S922 configurations of IBM's performance report have no rPerf in the sources searched.",
  );

  const s914 = byId('9009-41A');
  const s914Mem = prov(s914, 'p9g', 55, /S914/);
  s914.maxMemoryGiB = fig(1024, { ...s914Mem, quote: 'offering a maximum system memory of 1 TB.' });
  s914.ibmiTier = text(
    'P05 and P10 (which configuration is which is not stated)',
    prov(s914, 'p10so', 59, /S914/, 'Power S914 (9009-41G) (P05 and P10 software tiers)'),
  );
  const s914Features = prov(s914, 'p9g', 58, /S914/);
  for (const [cores, featureCode, ghz] of [
    [4, 'EP50', '2.3-3.8'],
    [6, 'EP51', '2.3-3.8'],
    [8, 'EP52', '2.8-3.8'],
  ] as const) {
    Object.assign(config(s914, cores), { featureCode, ghz, sockets: 1, source: s914Features });
  }
  config(s914, 4).maxMemoryGiB = fig(64, {
    ...s914Mem,
    quote: 'If you use the 4-core processor #EP50, the system is limited to a maximum of 64 GB of RAM per system.',
  });

  const s924 = byId('9009-42A');
  const s924Mem = prov(s924, 'p9g', 56, /S924/);
  s924.sockets = 2;
  s924.socketsFigure = fig(2, s924Mem);
  s924.maxMemoryGiB = fig(4096, { ...s924Mem, quote: 'offering a maximum system memory of 4 TB.' });
  s924.ibmiTier = text('P20', prov(s924, 'p10so', 59, /S924/, 'Power S924 (9009-42G) (P20 software tier)'));
  for (const configuration of s924.configurations) {
    const single = [8, 10, 11, 12].includes(configuration.totalCores);
    configuration.sockets = single ? 1 : 2;
    if (single)
      configuration.maxMemoryGiB = fig(2048, {
        ...s924Mem,
        quote: 'Up to 2 TB of DDR4 memory with one POWER processor.',
      });
    ibmi(configuration, {
      tier: text('P20', prov(null, 'p10so', 59, /S924/, 'Power S924 (9009-42G) (P20 software tier)')),
    });
  }

  for (const model of [s914, s922, s924]) confirmOs(model, ['aix', 'ibmi', 'linux'], prov(model, 'p9g', 57, /S914/));

  const e950 = byId('9040-MR9');
  const e950Os = prov(e950, 'redp5509', 61, /E950/);
  confirmOs(e950, ['aix', 'linux'], {
    ...e950Os,
    quote: 'The Power E950 server is optimized for running AIX and Linux workloads.',
  });
  excludeOs(e950, 'ibmi', { ...e950Os, quote: 'IBM i is not a supported operating system on the Power E950 server.' });
  e950.sockets = 4;
  e950.socketsFigure = fig(4, prov(e950, 'redp5509', 62, /E950/));
  e950.maxMemoryGiB = fig(16384, prov(e950, 'redp5509', 63, /E950/));

  const e980 = byId('9080-M9S');
  const e980Prov = prov(e980, 'redp5510', 64, /E980/);
  e980.sockets = 16;
  e980.socketsFigure = fig(16, { ...e980Prov, quote: '| Sockets | 4, 8, 12, or 16 | 4, 8, 12, or 16 |' });
  e980.maxMemoryGiB = fig(65536, { ...e980Prov, quote: 'Up to 64 TB memory.' });
  e980.maxPartitions = fig(1000, {
    ...e980Prov,
    quote: 'Up to 1,000 virtual machines (VMs) (logical partitions (LPARs)) per system.',
  });
  confirmOs(e980, ['aix', 'ibmi', 'linux'], {
    ...e980Prov,
    quote: 'Support for IBM AIX, IBM i, and Linux environments.',
  });
  void config;
}

function applyEditions(editions: any[], generationNotes: Record<string, any>, prov: any, text: any): void {
  const source = (key: SourceKey) => ({
    id: key,
    title: REVIEW_SOURCES[key].title,
    url: REVIEW_SOURCES[key].url,
    confidence: REVIEW_SOURCES[key].confidence,
    sourceClass: REVIEW_SOURCES[key].sourceClass,
    usedFor: 'ibm-figures-2026-12 review',
  });
  const s1 = editions.flatMap((each) => each.sources).find((each: any) => each.id === 'S1');

  // POWER9: AMS is offered by Enterprise (E980 Redpaper); E950/E980 include Enterprise with every server.
  const p9Enterprise = editions.find((each) => each.generation === 'POWER9' && each.name === 'Enterprise');
  const amsQuote = prov(null, 'redp5510', 66, /POWER9 Enterprise/);
  p9Enterprise.features.ams = true;
  p9Enterprise.evidence = [text('Active Memory Sharing offered', amsQuote)];
  p9Enterprise.sources = [...p9Enterprise.sources, source('redp5510')];
  const included = prov(null, 'redp5510', 65, /E950 and E980/);
  const enterpriseIncluded = {
    ...structuredClone(p9Enterprise),
    included: true,
    status: 'published',
    models: ['9040-MR9', '9080-M9S'],
    featureCode: 'EPVV',
    features: {
      ...p9Enterprise.features,
      ams: true,
      lpm: true,
      vios: true,
      multipleSharedProcessorPools: true,
      microPartitioning: true,
    },
    notes:
      'PowerVM Enterprise Edition licence entitlement is included with each E950 and E980 server (hardware feature #EPVV).',
    evidence: [text('Enterprise Edition included with each E950/E980', included)],
    sources: [source('redp5510'), source('redp5509')],
  };
  editions.splice(editions.indexOf(p9Enterprise) + 1, 0, enterpriseIncluded);

  // Power10: Active Memory Sharing and Suspend/Resume are deprecated PowerVM features (S1 Table 1-3): not offered.
  const deprecated = prov(null, 'p10so', 68, /Power10/, undefined, s1?.confidence);
  deprecated.sourceId = 'S1';
  for (const edition of editions.filter((each) => each.generation === 'POWER10')) {
    Object.assign(edition.features, { ams: false, suspendResume: false });
    edition.deprecated = ['ams', 'suspendResume'];
    edition.evidence = [
      ...(edition.evidence ?? []),
      text('Active Memory Sharing and Partition Suspend/Resume are deprecated PowerVM features', deprecated),
    ];
  }

  // Power11 scale-out: Enterprise Edition is the default (#EPVT); #EPV0 "Deactivation of LPM" is the one alternative.
  // The Redbook covers the S1122/S1124/L1122/L1124 only; for the E1150/E1180 only the 2023 statement that Enterprise
  // is included with all Power servers is known (S1), so their entry is inferred with unknown features.
  const p10 = editions.find((each) => each.generation === 'POWER10' && each.name === 'Enterprise');
  const p11 = prov(null, 'p11so', 18, /S1122 \/ S1124/);
  const unknownFeatures = Object.fromEntries(Object.keys(p10.features).map((key) => [key, null]));
  const scaleOut = ['9824-22A', '9824-42A', '9856-22H', '9856-42H'];
  const base = {
    generation: 'POWER11',
    included: true,
    status: 'published',
    maxPartitionsPerServer: null,
    sources: [source('p11so'), ...(s1 ? [s1] : [])],
    models: scaleOut,
    deprecated: ['ams', 'suspendResume'],
  };
  const deprecatedP11 = {
    ...deprecated,
    confidence: 'medium',
    quote: `${deprecated.quote} (Introduction to PowerVM, 2023: deprecated in PowerVM before Power11; applied to Power11 too)`,
  };
  editions.push(
    {
      ...base,
      name: 'Enterprise',
      status: 'inferred',
      models: null,
      featureCode: null,
      features: { ...unknownFeatures, ams: false, suspendResume: false },
      notes:
        'E1150 and E1180: IBM\'s 2023 statement that PowerVM Enterprise Edition "is automatically included in all Power servers" (S1); no Power11 enterprise-class edition text was found, so its features are not assumed.',
      sources: s1 ? [s1] : [],
      evidence: [text('deprecated features', deprecatedP11)],
    },
    {
      ...base,
      name: 'Enterprise',
      featureCode: 'EPVT',
      features: { ...unknownFeatures, lpm: true, vios: true, ams: false, suspendResume: false },
      notes:
        'PowerVM Enterprise Edition is the default virtualization feature of the Power11 scale-out servers (#EPVT, "Must select one option").',
      evidence: [
        text('PowerVM Enterprise Edition (#EPVT) is the default', p11),
        text('deprecated features', deprecatedP11),
      ],
    },
    {
      ...base,
      name: 'Enterprise without LPM',
      featureCode: 'EPV0',
      features: { ...unknownFeatures, lpm: false, vios: true, ams: false, suspendResume: false },
      notes:
        'The alternative to #EPVT on the Power11 scale-out servers: Enterprise Edition with Live Partition Mobility deactivated (#EPV0 "Deactivation of LPM").',
      evidence: [text('#EPV0 Deactivation of LPM (Live Partition Mobility)', p11)],
    },
  );
  generationNotes.POWER11 = {
    status: 'published',
    note: "Power11 scale-out servers ship PowerVM Enterprise Edition (#EPVT); #EPV0 orders it with Live Partition Mobility deactivated (Power11 scale-out Redbook, Table 2-2). E1150/E1180: Enterprise included per IBM's 2023 statement for all Power servers (inferred).",
  };
}
