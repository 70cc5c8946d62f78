import { describe, expect, it } from 'vitest';
import { LocationArena, keepItemMetadata } from '../../../src/package/dat93/keptItem.js';
import { readItemMetadataDocument } from '../../../src/formats/itemMetadata/readItemMetadataXml.js';
import type { IssueLocation } from '../../../src/report/issue.js';

describe('LocationArena keeps the wanted locations of many items in one array', () => {
  it('gives each item its own locations back, keys and XPaths shared, fresh objects each time', () => {
    const arena = new LocationArena();
    const items = Array.from({ length: 3000 }, (_, i) => {
      const locations = new Map<string, IssueLocation>([
        ['档号', { line: i + 1, column: 3, xpath: '/文件实体/档号' }],
        ['files[0]/计算机文件名', { line: i + 2, column: 5 }],
        ['内容描述/主题词', { line: 9, column: 9, xpath: '/文件实体/内容描述/主题词' }],
      ]);
      return arena.keep(locations, (key) => key !== '内容描述/主题词');
    });
    expect(items[2999]?.get('档号')).toEqual({ line: 3000, column: 3, xpath: '/文件实体/档号' });
    expect(items[0]?.get('files[0]/计算机文件名')).toEqual({ line: 2, column: 5 });
    expect(items[5]?.get('内容描述/主题词')).toBeUndefined();
    expect(items[5]?.get('never')).toBeUndefined();
    expect(items[7]?.get('档号')).not.toBe(items[7]?.get('档号'));
  });
});

describe('keepItemMetadata keeps what the later checks read', () => {
  it('the cross-checked values and the files (not their digests: the fixity claims are taken as the item is read), and nothing else', () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?><文件实体><电子文件号>R-1</电子文件号><档号>Z1-WS·2024-Y-0001<保管期限>永久</保管期限><年度>2024</年度></档号>
<内容描述><题名>关于</题名><责任者>某局</责任者><日期>20240101</日期><密级>无</密级><摘要>长文</摘要></内容描述>
<电子属性><格式信息>PDF</格式信息><计算机文件名>正文.pdf</计算机文件名><计算机文件大小>12</计算机文件大小><文档创建程序>X</文档创建程序><数字摘要 算法="SM3">${'a'.repeat(64)}</数字摘要></电子属性></文件实体>`;
    const { reading } = readItemMetadataDocument(new TextEncoder().encode(xml), {});
    const kept = keepItemMetadata(reading!.metadata);
    expect(kept).toEqual({
      recordId: 'R-1',
      archivalCode: { text: 'Z1-WS·2024-Y-0001', retentionPeriod: '永久' },
      description: { title: '关于', author: '某局', date: '20240101', securityClassification: '无' },
      files: [{ formatInfo: 'PDF', fileName: '正文.pdf', fileSize: '12' }],
    });
  });
});
