// What the implementer tells the export that the sizing cannot know: managed-system names and VLANs.
// The same schema checks the command line's --design-options file and the interface's request.
import { z } from 'zod';

export const Vlan = z
  .number({ error: 'must be a VLAN ID from 1 to 4094' })
  .int({ error: 'must be a whole number from 1 to 4094' })
  .min(1, { error: 'must be a VLAN ID from 1 to 4094' })
  .max(4094, { error: 'must be a VLAN ID from 1 to 4094' });

/** Managed-system names as the HMC shows them: 1 to 63 letters, digits, `.`, `-` or `_`. */
export const SystemName = z
  .string()
  .regex(/^[A-Za-z0-9][\w.-]{0,62}$/, { error: 'must be 1 to 63 letters, digits, ., - or _' });

/** A virtual switch name on the managed system (the HMC's default is ETHERNET0). */
export const VirtualSwitch = z
  .string()
  .regex(/^[A-Za-z0-9][\w.-]{0,30}$/, { error: 'must be 1 to 31 letters, digits, ., - or _' });

export const DesignOptions = z.strictObject({
  /** Managed-system names on the HMC by server id (server-1, ...); the server id where none is given. */
  systemNames: z.record(z.string().min(1).max(100), SystemName).default({}),
  /** The VLAN of the client virtual Ethernet adapters, unless the workload has its own below. */
  vlan: Vlan.default(1),
  /** VLAN by workload name (every instance of a workload with count > 1 shares it). */
  workloadVlans: z.record(z.string().min(1).max(200), Vlan).default({}),
  virtualSwitch: VirtualSwitch.default('ETHERNET0'),
});
export type DesignOptions = z.infer<typeof DesignOptions>;
export type DesignOptionsInput = z.input<typeof DesignOptions>;
