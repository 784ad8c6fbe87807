import { describe, expect, it } from 'vitest';
import { msg, sayParts, sayText } from '../../../src-main/common';

const quote = 'IBM i is not supported on IBM E1050 and E1150 system types.';

describe('what message parameters carry, named as a person would in each language', () => {
  it('names the candidates a reason applies to by model and cores, and marks IBM’s quotation apart', () => {
    const reason = msg('catalog.os-not-supported', {
      where: 'Power E1050 24/36/48-core, Power S1022s 4-core',
      os: 'IBM i',
      quote,
      source: 'IBM Cloud docs (high)',
    });
    expect(sayText(reason, 'en')).toBe(
      `Power E1050 · 24/36/48 cores, Power S1022s · 4 cores does not run IBM i: IBM says "${quote}" (IBM Cloud docs (high confidence))`,
    );
    const zh = sayParts(reason, 'zh-CN');
    expect(zh.map((part) => part.text).join('')).toBe(
      `Power E1050 · 24/36/48 核、Power S1022s · 4 核 不支持运行 IBM i：IBM 原文为“${quote}”（IBM Cloud docs（高可信度））`,
    );
    expect(zh.filter((part) => part.quotation).map((part) => part.text)).toEqual([quote]);
  });

  it('names configuration ids through the terms, a single core without a plural', () => {
    const terms = {
      '9105-41B/3.x/1s/1c': msg('report.configuration-ghz', { model: 'Power S1012', cores: 1, ghz: '3.0' }),
    };
    const reason = msg('solver.reason.source-configuration-unknown', {
      source: 'Power S1012',
      configuration: '9105-41B/3.x/1s/1c',
    });
    expect(sayText(reason, 'en', terms)).toBe(
      'source model Power S1012 has no configuration "Power S1012 · 1 core · 3.0 GHz"',
    );
  });

  it('names feature keys, sources’ confidence and servers named with their model', () => {
    const deprecated = msg('catalog.edition-deprecated', {
      generation: 'POWER10',
      features: 'ams, suspendResume',
      source: 'S1 (medium)',
    });
    expect(sayText(deprecated, 'en')).toBe(
      'POWER10: Active Memory Sharing, Suspend and resume are deprecated PowerVM features, so not offered (S1 (medium confidence))',
    );
    expect(sayText(deprecated, 'zh-CN')).toContain('活动内存共享、挂起与恢复');
    expect(sayText(deprecated, 'zh-CN')).toContain('S1（中等可信度）');
    const moved = msg('catalog.migration-outage', {
      partition: 'api',
      sourceModel: 'Power System S924',
      sourceGeneration: 'POWER9',
      server: 'server-3 Power S1024',
      targetGeneration: 'POWER10',
    });
    expect(sayText(moved, 'en')).toContain('to Server 3 Power S1024 (POWER10)');
    expect(sayText(moved, 'zh-CN')).toContain('服务器 3 Power S1024');
    // A workload that happens to be called like a feature keeps its name: only feature parameters are features.
    expect(sayText(msg('catalog.migration-native', { ...moved.params, partition: 'ams' }), 'en')).toMatch(/^ams:/);
  });
});
