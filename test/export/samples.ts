import type { Dat46ItemMetadata } from '../../src/formats/itemMetadata/typedView.js';

/** A realistic item's DA/T 46 metadata with text that needs escaping. */
export const sampleMetadata: Dat46ItemMetadata = {
  provenance: { fondsName: '某市人民政府办公室', creatingUnit: '某市人民政府办公室' },
  electronicRecordCode: 'e-0001',
  archivalCode: { code: 'Z109-WS·2011-Y-BGS-0001', fondsCode: 'Z109', year: '2011', retentionPeriod: '永久', organization: 'BGS', agencyItemNumber: 1 },
  description: { title: '关于 <办公用房> 调整的 "通知" & 附件', author: '某市人民政府办公室', date: '20110302', securityClassification: '公开', documentNumber: '某办发〔2011〕1号' },
  formalCharacteristics: { aggregationType: '单件', pageCount: 3 },
  storage: { offlineMediumIds: ['G-2011-01'] },
  rights: { controlIdentifier: '开放' },
  documents: [
    {
      role: '主文档',
      data: [{ encodings: [{ fileName: '正文.pdf', fileSize: 1234, formatInformation: 'PDF/A-1b', digest: { algorithm: 'sm3', value: 'ab'.repeat(32) } }] }],
    },
  ],
};
