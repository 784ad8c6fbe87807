// The user tables' upserts are built from their columns, once: the key is matched, every other column replaced.
import { describe, expect, it } from 'vitest';
import { upsertStatement } from '../../../src-main/platform/catalog-store/user-tables';

describe('the user tables', () => {
  it('build an upsert that replaces every column but the key', () => {
    expect(
      upsertStatement(
        'prices',
        ['generation', 'edition', 'currency', 'price_per_core', 'maintenance_per_core_per_year'],
        ['generation', 'edition'],
      ),
    ).toBe(
      'INSERT INTO prices (generation, edition, currency, price_per_core, maintenance_per_core_per_year) ' +
        'VALUES (?, ?, ?, ?, ?) ON CONFLICT (generation, edition) DO UPDATE SET currency = excluded.currency, ' +
        'price_per_core = excluded.price_per_core, maintenance_per_core_per_year = excluded.maintenance_per_core_per_year',
    );
    expect(upsertStatement('user_models', ['id', 'record', 'updated_at'], ['id'])).toBe(
      'INSERT INTO user_models (id, record, updated_at) VALUES (?, ?, ?) ' +
        'ON CONFLICT (id) DO UPDATE SET record = excluded.record, updated_at = excluded.updated_at',
    );
  });
});
