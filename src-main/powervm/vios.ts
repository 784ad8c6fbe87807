// Virtual I/O Server sizing. IBM publishes minimums and "starting points", not formulas: we start from those
// and raise by the I/O the clients drive, and every VIOS says why it is sized so.
import type { ViosMinimum } from '../catalog';

export interface ClientIo {
  name: string;
  networkGbps: number;
  storageIops: number;
  storageMBps: number;
  storage: 'vscsi' | 'npiv';
  network: 'sea' | 'vnic' | 'sriov';
  needsSsp: boolean;
}

/** Defaults for a workload that states no I/O [practice]: modest traffic, vSCSI storage, SEA networking. */
export const DEFAULT_IO = {
  networkGbps: 0.5,
  storageIops: 2000,
  storageMBps: 50,
  storage: 'vscsi',
  network: 'sea',
} as const;

/**
 * Starting points per VIOS [P] S1 Table 3-3: small 0.25-0.5 PU / 1-2 VP / 4 GB; large 1-2 PU / 2-4 VP / 6 GB;
 * with SSP at least 1 PU / 4-6 VP / 8 GB. We take the top of a range, since with dual VIOS each one must carry
 * all of its clients' I/O alone.
 */
const TIERS = {
  small: { entitledCapacity: 0.5, virtualProcessors: 2, memoryGiB: 4 },
  large: { entitledCapacity: 2, virtualProcessors: 4, memoryGiB: 6 },
  ssp: { entitledCapacity: 2, virtualProcessors: 6, memoryGiB: 8 },
} as const;

/** Where "small" ends [practice]: the Redbook gives no boundary, so a VIOS serving more than this is "large". */
export const SMALL_VIOS_LIMITS = { clients: 10, networkGbps: 10, storageIops: 50_000, storageMBps: 1_600 } as const;

/** Port planning [practice]: a 32 Gb FC port moves about 3,200 MB/s and a 25 GbE port 25 Gb/s; at most 70 % busy. */
export const FC_PORT_MBPS = 3200;
export const ETHERNET_PORT_GBPS = 25;
export const PORT_TARGET_UTILISATION = 0.7;
/** Two ports per adapter card [practice], two of each kind per VIOS at least for path redundancy [P] S1 3.4.2 (MPIO). */
export const PORTS_PER_ADAPTER = 2;

export interface ViosSizing {
  entitledCapacity: number;
  virtualProcessors: number;
  memoryGiB: number;
  fcPorts: number;
  ethernetPorts: number;
  adapterCards: number;
  virtualScsi: number;
  virtualFc: number;
  virtualEthernet: number;
  tier: keyof typeof TIERS;
  reasons: string[];
}

/** What a VIOS carries, summed over its clients (kept incrementally by the solver). */
export interface ViosLoad {
  clients: number;
  networkGbps: number;
  storageIops: number;
  storageMBps: number;
  sspClients: number;
  npivClients: number;
  seaClients: number;
}

export function emptyViosLoad(): ViosLoad {
  return { clients: 0, networkGbps: 0, storageIops: 0, storageMBps: 0, sspClients: 0, npivClients: 0, seaClients: 0 };
}

/** Adds (sign 1) or removes (sign -1) one client's I/O. */
export function addToViosLoad(load: ViosLoad, client: ClientIo, sign: 1 | -1 = 1): void {
  load.clients += sign;
  load.networkGbps += sign * client.networkGbps;
  load.storageIops += sign * client.storageIops;
  load.storageMBps += sign * client.storageMBps;
  load.sspClients += sign * (client.needsSsp ? 1 : 0);
  load.npivClients += sign * (client.storage === 'npiv' ? 1 : 0);
  load.seaClients += sign * (client.network === 'sea' ? 1 : 0);
}

export function viosLoadOf(clients: readonly ClientIo[]): ViosLoad {
  const load = emptyViosLoad();
  for (const client of clients) addToViosLoad(load, client);
  return load;
}

export type ViosTierName = keyof typeof TIERS;
export const VIOS_TIERS: Readonly<
  Record<ViosTierName, { entitledCapacity: number; virtualProcessors: number; memoryGiB: number }>
> = TIERS;

/** The starting-point tier for a load plus one more client, without building the sum (the solver's inner loop). */
export function viosTierName(load: ViosLoad, extra?: ClientIo): ViosTierName {
  const add = extra ? 1 : 0;
  if (load.sspClients > 0 || extra?.needsSsp) return 'ssp';
  const large =
    load.clients + add > SMALL_VIOS_LIMITS.clients ||
    load.networkGbps + (extra?.networkGbps ?? 0) > SMALL_VIOS_LIMITS.networkGbps ||
    load.storageIops + (extra?.storageIops ?? 0) > SMALL_VIOS_LIMITS.storageIops ||
    load.storageMBps + (extra?.storageMBps ?? 0) > SMALL_VIOS_LIMITS.storageMBps;
  return large ? 'large' : 'small';
}

/** The starting-point tier of a VIOS for a load (the cheap part of sizeVios). */
export function viosTier(load: ViosLoad): {
  tier: ViosTierName;
  entitledCapacity: number;
  virtualProcessors: number;
  memoryGiB: number;
} {
  const tier = viosTierName(load);
  return { tier, ...TIERS[tier] };
}

export function sizeVios(load: ViosLoad, layout: 'dual' | 'single', minimum: ViosMinimum | undefined): ViosSizing {
  const { networkGbps, storageIops, storageMBps } = load;
  const clients = { length: load.clients };
  const ssp = load.sspClients > 0;
  const large =
    clients.length > SMALL_VIOS_LIMITS.clients ||
    networkGbps > SMALL_VIOS_LIMITS.networkGbps ||
    storageIops > SMALL_VIOS_LIMITS.storageIops ||
    storageMBps > SMALL_VIOS_LIMITS.storageMBps;
  const tier: keyof typeof TIERS = ssp ? 'ssp' : large ? 'large' : 'small';
  const start = TIERS[tier];
  const reasons = [
    `${clients.length} client partitions, ${networkGbps.toFixed(1)} Gb/s network, ${Math.round(storageIops).toLocaleString('en-US')} IOPS, ${Math.round(storageMBps).toLocaleString('en-US')} MB/s storage${layout === 'dual' ? ', each VIOS sized to carry all of it alone' : ''}`,
    ssp
      ? 'a client uses Shared Storage Pools: IBM starting point with SSP, at least 1 PU, 4-6 VP, 8 GB (S1 Table 3-3)'
      : large
        ? `beyond a small VIOS (${SMALL_VIOS_LIMITS.clients} clients, ${SMALL_VIOS_LIMITS.networkGbps} Gb/s, ${SMALL_VIOS_LIMITS.storageIops.toLocaleString('en-US')} IOPS): IBM starting point for a large VIOS, 1-2 PU, 2-4 VP, 6 GB (S1 Table 3-3)`
        : 'IBM starting point for a small VIOS, 0.25-0.5 PU, 1-2 VP, 4 GB (S1 Table 3-3)',
  ];
  let entitledCapacity: number = start.entitledCapacity;
  let memoryGiB: number = start.memoryGiB;
  if (minimum?.minEntitledCapacity && entitledCapacity < minimum.minEntitledCapacity)
    entitledCapacity = minimum.minEntitledCapacity;
  if (minimum?.minMemoryGiB && memoryGiB < minimum.minMemoryGiB) {
    memoryGiB = minimum.minMemoryGiB;
    reasons.push(`raised to the VIOS ${minimum.viosVersion} minimum of ${minimum.minMemoryGiB} GiB`);
  }
  const npivClients = load.npivClients;
  const vscsiClients = load.clients - npivClients;
  const fcPorts = Math.max(2, Math.ceil(storageMBps / (FC_PORT_MBPS * PORT_TARGET_UTILISATION)));
  const ethernetPorts = Math.max(2, Math.ceil(networkGbps / (ETHERNET_PORT_GBPS * PORT_TARGET_UTILISATION)));
  reasons.push(
    `${fcPorts} FC ports (${FC_PORT_MBPS} MB/s per 32 Gb port at ${PORT_TARGET_UTILISATION * 100} %), ${ethernetPorts} Ethernet ports (25 GbE at ${PORT_TARGET_UTILISATION * 100} %), at least two of each for redundant paths`,
  );
  return {
    entitledCapacity,
    virtualProcessors: start.virtualProcessors,
    memoryGiB,
    fcPorts,
    ethernetPorts,
    adapterCards: Math.ceil(fcPorts / PORTS_PER_ADAPTER) + Math.ceil(ethernetPorts / PORTS_PER_ADAPTER),
    // One virtual SCSI server adapter per vSCSI client, one virtual FC per NPIV client and fabric (two fabrics).
    virtualScsi: vscsiClients,
    virtualFc: npivClients * 2,
    virtualEthernet: 1 + (load.seaClients > 0 ? 1 : 0),
    tier,
    reasons,
  };
}
